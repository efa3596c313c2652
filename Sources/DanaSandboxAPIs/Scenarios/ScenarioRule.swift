import SandboxJSON

/// One rule of a scenario: which requests it catches and what they get.
public struct ScenarioRule: Equatable, Sendable {
    /// nil for `*`, every endpoint.
    public let endpoint: EndpointDescriptor?
    /// `body.<dotted path>` or `header.<name>` → the value that must be equal.
    public let match: [(key: String, value: JSONValue)]
    /// Applies to the first N matching requests of an activation, then falls through.
    public let times: Int?
    public let delayMilliseconds: Int
    public let respond: ScenarioResponse

    public init(endpoint: EndpointDescriptor?, match: [(key: String, value: JSONValue)], times: Int?, delayMilliseconds: Int, respond: ScenarioResponse) {
        self.endpoint = endpoint
        self.match = match
        self.times = times
        self.delayMilliseconds = delayMilliseconds
        self.respond = respond
    }

    public static func == (a: ScenarioRule, b: ScenarioRule) -> Bool {
        a.endpoint == b.endpoint && a.times == b.times && a.delayMilliseconds == b.delayMilliseconds && a.respond == b.respond
            && a.match.map(\.key) == b.match.map(\.key) && a.match.map(\.value) == b.match.map(\.value)
    }
}
