import SandboxHTTP
import SandboxJSON

/// A provider's envelope (DANA Open API, DANA SNAP, Paylabs), bound to one endpoint: it renders
/// every answer that endpoint can give outside its business logic, so the error boundary and the
/// scenario engine never need to know which family they talk to.
public protocol APIFamily: Sendable {
    /// A documented code of the endpoint's catalogue, in the real envelope with its message,
    /// HTTP status and signature. `body` is the request's JSON, when it is JSON.
    func documented(_ code: String, for request: HTTPRequest, body: JSONValue?) -> HTTPResponse
    /// A code no document lists, in a well-formed envelope.
    func undocumentedCode(for request: HTTPRequest, body: JSONValue?) -> HTTPResponse
    /// The documented answer to an unexpected failure: never a bare 500.
    func internalFailure(for request: HTTPRequest) -> HTTPResponse
    /// The answer to a `Rejection` this family's handlers throw, or nil for any other error.
    func rejection(_ error: any Error, for request: HTTPRequest) -> HTTPResponse?
    /// The documented refusal of a request that breaks a linted rule, in strict mode.
    func lintRefusal(_ finding: LintFinding) -> any Error
    /// A 200 with no body, typed as the family's answers are.
    func emptyBody() -> HTTPResponse
    /// `response` without the member `field`, re-signed where the family signs.
    func removing(_ field: String, from response: HTTPResponse) -> HTTPResponse
    /// `response` with a signature over something else: well-formed, but it does not verify.
    func forgingSignature(of response: HTTPResponse) -> HTTPResponse
}
