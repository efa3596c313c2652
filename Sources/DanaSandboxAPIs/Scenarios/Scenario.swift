/// A scenario file: `scenarios/<name>.json`.
public struct Scenario: Equatable, Sendable {
    /// The path under the scenarios folder without `.json`: `account-inquiry/do-not-honor`.
    public let name: String
    public let description: String
    public let file: String
    public let rules: [ScenarioRule]
}
