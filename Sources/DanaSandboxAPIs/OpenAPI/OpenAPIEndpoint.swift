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

    public static func explainSignature(of request: HTTPRequest, context: AuthenticationContext, stores: Stores) throws -> SignatureExplanation {
        var explanation = SignatureExplanation(family: "Open API", scheme: "RSA-SHA256 over the raw request member", context: context)
        switch OpenAPIRequest.parse(request.body) {
        case .failure(let error):
            explanation.problems.append("the body is no Open API envelope: \(error.message)")
        case .success(let envelope):
            let partner = try explanation.partner(envelope.clientID, header: "request.head.clientId", family: .dana, in: stores)
            let signature = explanation.presented(envelope.signature, name: "signature")
            let verify = explanation.rsaVerifier(partner)
            let text = String(decoding: envelope.signedBytes, as: UTF8.self)
            explanation.forms = [.init(label: "request-member", bodyHash: nil, stringToSign: text, verifies: verify(text, signature))]
        }
        return explanation
    }

    public func handle(_ request: HTTPRequest, context: RequestContext) throws -> Reply {
        let stores = try services.stores(for: request)
        let authenticator = OpenAPIAuthenticator(context: services.authentication)
        let (envelope, partner) = try authenticator.admit(
            request, function: Self.function, stores: stores, ledger: services.messageIDs, context: context, document: Self.document
        )
        return try context.pass { try answer(envelope, from: partner, stores: stores) }
    }
}
