/// What the scenarios named by a request did to it: a rule fired, or none did and why.
public enum ScenarioOutcome: Sendable {
    case fired(ScenarioMatch)
    /// No rule fired: `reason` is for `X-Sandbox-Scenario-Applied` (`none; match not met`).
    case none(reason: String)

    public var match: ScenarioMatch? {
        if case .fired(let match) = self { return match }
        return nil
    }

    /// The value of `X-Sandbox-Scenario-Applied`.
    public var applied: String {
        switch self {
        case .fired(let match): match.applied
        case .none(let reason): "none; \(reason)"
        }
    }

    static let noRule = ScenarioOutcome.none(reason: "no rule for this endpoint")
    static let notMet = ScenarioOutcome.none(reason: "match not met")
    static let usedUp = ScenarioOutcome.none(reason: "times used up")
    /// The request was answered before scenarios apply: its signature or a mandatory header.
    public static let refusedBefore = ScenarioOutcome.none(reason: "refused before scenarios apply (signature or mandatory headers)")
}
