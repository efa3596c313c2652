import SandboxHTTP
import SandboxStorage

/// Paylabs' request signature explained (the console's signature helper): the same string to
/// sign and body forms as `PaylabsAuthenticator`, without the timestamp window.
enum PaylabsSignatureExplainer {
    static func explain(_ request: HTTPRequest, partners: PartnerDirectory, stores: Stores) throws -> SignatureExplanation {
        var explanation = SignatureExplanation(family: "Paylabs", scheme: "RSA-SHA256 with the merchant's key")
        let partner = try explanation.partner(request.headers["X-PARTNER-ID"], header: "X-PARTNER-ID", family: .paylabs, in: stores)
        let signature = explanation.presented(request.headers["X-SIGNATURE"], name: "X-SIGNATURE")
        let timestamp = request.headers["X-TIMESTAMP"] ?? ""
        if timestamp.isEmpty { explanation.problems.append("X-TIMESTAMP is missing") }
        let verify = explanation.rsaVerifier(partner, directory: partners)
        explanation.addHashedForms(of: request.body, paylabs: true, stringToSign: { hash in
            PaylabsSignatureScheme.stringToSign(path: request.path, bodyHash: hash, timestamp: timestamp)
        }, verifies: { verify($0, signature) })
        return explanation
    }
}
