/// What a matching rule answers with.
public enum ScenarioResponse: Equatable, Sendable {
    /// A documented code in the endpoint's real envelope (a success code lets the request through).
    case resultCode(String)
    case fault(ScenarioFault)
    /// Exactly this status, these headers and this body.
    case raw(status: Int, headers: [String: String], body: String)
}
