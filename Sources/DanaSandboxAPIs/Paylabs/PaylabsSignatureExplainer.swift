import SandboxHTTP
import SandboxStorage

/// Paylabs' request signature explained (the console's signature helper): the same string to
/// sign, body forms and preconditions as `PaylabsAuthenticator`, reported instead of enforced.
enum PaylabsSignatureExplainer {
    static func explain(_ request: HTTPRequest, context: AuthenticationContext, stores: Stores) throws -> SignatureExplanation {
        var explanation = SignatureExplanation(family: "Paylabs", scheme: "RSA-SHA256 with the merchant's key", context: context)
        let timestamp = explanation.timestamp(request.headers["X-TIMESTAMP"])
        let partner = try explanation.partner(request.headers["X-PARTNER-ID"], header: "X-PARTNER-ID", family: .paylabs, in: stores)
        let signature = explanation.presented(request.headers["X-SIGNATURE"], name: "X-SIGNATURE")
        if PaylabsAuthenticator.isBlank(request.body) {
            explanation.problems.append("the body is empty: Paylabs answers postDataEmpty")
        }
        let verify = explanation.rsaVerifier(partner)
        explanation.addHashedForms(of: request.body, paylabs: true, stringToSign: { hash in
            PaylabsSignatureScheme.stringToSign(path: request.path, bodyHash: hash, timestamp: timestamp)
        }, verifies: { verify($0, signature) })
        return explanation
    }
}
