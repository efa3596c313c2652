/// The rule that catches a request, and the scenario it belongs to.
public struct ScenarioMatch: Sendable {
    public let scenario: String
    public let rule: ScenarioRule
}
