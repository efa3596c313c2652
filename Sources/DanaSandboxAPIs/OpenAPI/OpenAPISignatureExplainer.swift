import SandboxHTTP
import SandboxStorage

/// Open API's signature explained (the console's signature helper): RSA-SHA256 over the exact
/// text of the `request` member, as `OpenAPIAuthenticator` checks it, reported instead of enforced.
enum OpenAPISignatureExplainer {
    static func explain(_ request: HTTPRequest, context: AuthenticationContext, stores: Stores) throws -> SignatureExplanation {
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
}
