import SandboxHTTP
import SandboxStorage

/// One emulated API operation. It declares what the rest of the sandbox derives from it (its
/// scenario name, paths, codes) and handles a request; it may throw, and its family turns what it
/// throws into the documented answer. Adding an endpoint is one type conforming to this, one line
/// in `EndpointRegistry`, its scenario files and its tests.
public protocol EmulatedEndpoint: Sendable {
    /// The facts the router, the scenario library and the journal read, without an instance.
    static var descriptor: EndpointDescriptor { get }

    /// Builds the endpoint from the sandbox's shared services.
    init(services: EndpointServices)

    /// The family that renders this endpoint's answers, failures and scenario variants.
    var family: any APIFamily { get }

    /// The documented rules the endpoint's requests are linted against.
    static var lintRules: [LintRule] { get }

    /// What the sandbox makes of a request's signature, with no effect on any state.
    static var explainSignature: SignatureExplainer { get }

    /// The answer to `request`. Once its signature and mandatory headers pass, the endpoint
    /// answers through `context.pass`, where strict mode and scenarios apply. A `Rejection` of the family's codes is
    /// rendered by the family; any other error is an internal failure, logged once.
    func handle(_ request: HTTPRequest, context: RequestContext) throws -> Reply
}

extension EmulatedEndpoint {
    public static var lintRules: [LintRule] { [] }
}
