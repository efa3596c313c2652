import SandboxJSON

/// One rule of a scenario: which requests it catches and what they get.
public struct ScenarioRule: Equatable, Sendable {
    /// nil for `*`, every endpoint.
    public let endpoint: EndpointDescriptor?
    /// `body.<dotted path>` or `header.<name>` → what its value must satisfy.
    public let match: [(key: String, matcher: ScenarioMatcher)]
    /// Applies to the first N matching requests of an activation, then falls through.
    public let times: Int?
    public let delayMilliseconds: Int
    public let respond: ScenarioResponse
    /// Applies before the request's signature and mandatory headers are checked (to drill a 401,
    /// say); by default a rule applies only to requests that pass them.
    public let beforeAuth: Bool

    public init(endpoint: EndpointDescriptor?, match: [(key: String, matcher: ScenarioMatcher)], times: Int?, delayMilliseconds: Int, respond: ScenarioResponse, beforeAuth: Bool = false) {
        self.endpoint = endpoint
        self.match = match
        self.times = times
        self.delayMilliseconds = delayMilliseconds
        self.respond = respond
        self.beforeAuth = beforeAuth
    }

    public static func == (a: ScenarioRule, b: ScenarioRule) -> Bool {
        a.endpoint == b.endpoint && a.times == b.times && a.delayMilliseconds == b.delayMilliseconds && a.respond == b.respond && a.beforeAuth == b.beforeAuth
            && a.match.map(\.key) == b.match.map(\.key) && a.match.map(\.matcher) == b.match.map(\.matcher)
    }
}
