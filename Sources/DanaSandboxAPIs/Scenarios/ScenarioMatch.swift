/// The rule that catches a request, and the scenario it belongs to.
public struct ScenarioMatch: Sendable {
    public let scenario: String
    public let ruleIndex: Int
    public let rule: ScenarioRule

    /// What `X-Sandbox-Scenario-Applied` says of it: `account-inquiry/do-not-honor rules[0]`.
    public var applied: String { "\(scenario) rules[\(ruleIndex)]" }
}
