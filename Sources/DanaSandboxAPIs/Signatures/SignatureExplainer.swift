import SandboxHTTP
import SandboxStorage

/// How an endpoint explains a request's signature (its family's scheme, reported, not enforced):
/// the signature helper calls it with the request, the authentication context and the stores of
/// the request's session.
public typealias SignatureExplainer = @Sendable (HTTPRequest, AuthenticationContext, Stores) throws -> SignatureExplanation
