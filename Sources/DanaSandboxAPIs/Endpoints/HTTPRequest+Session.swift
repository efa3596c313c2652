import SandboxHTTP

extension HTTPRequest {
    /// The header that gives a request its own data and its own scenario counters.
    public static let sessionHeader = "X-Sandbox-Session"

    /// The test session the request belongs to, or nil for the shared state.
    public var sandboxSession: String? {
        guard let value = headers[Self.sessionHeader]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }
}
