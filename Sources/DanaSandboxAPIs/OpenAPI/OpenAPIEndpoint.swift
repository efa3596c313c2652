import SandboxHTTP
import SandboxStorage

/// A DANA Open API function. Every one is admitted the same way (envelope parsed, signature and
/// head checked, `reqMsgId` spent) before its own rules run, so a conforming type writes only
/// `answer`; the admission and the family come from this protocol.
public protocol OpenAPIEndpoint: EmulatedEndpoint {
    /// `head.function`, as the document names it.
    static var function: String { get }
    /// The document (docs/api-documents.md) whose rules a reused `reqMsgId` breaks.
    static var document: String { get }
    /// The family value that renders this function's answers.
    var openAPI: OpenAPIFamily { get }
    var services: EndpointServices { get }

    /// The answer to an admitted envelope from `partner`; reached through `context.pass`, so
    /// strict mode and scenarios apply first.
    func answer(_ envelope: OpenAPIRequest, from partner: Partner, stores: Stores) throws -> Reply
}

extension OpenAPIEndpoint {
    public var family: any APIFamily { openAPI }

    public static var explainSignature: SignatureExplainer { OpenAPISignatureExplainer.explain }

    public func handle(_ request: HTTPRequest, context: RequestContext) throws -> Reply {
        let stores = try services.stores(for: request)
        let authenticator = OpenAPIAuthenticator(context: services.authentication)
        let (envelope, partner) = try authenticator.admit(
            request, function: Self.function, stores: stores, ledger: services.messageIDs, context: context, document: Self.document
        )
        return try context.pass { try answer(envelope, from: partner, stores: stores) }
    }
}
