import SandboxHTTP
import SandboxStorage

/// SNAP's signatures explained (the console's signature helper): the same strings to sign and
/// body forms as `SNAPAuthenticator`, without spending tokens, ids or the timestamp window.
enum SNAPSignatureExplainer {
    /// A service request: HMAC-SHA512 with `Authorization: Bearer`, else RSA-SHA256.
    static func serviceRequest(_ request: HTTPRequest, partners: PartnerDirectory, stores: Stores) throws -> SignatureExplanation {
        let method = request.method.rawValue
        let timestamp = request.headers["X-TIMESTAMP"] ?? ""
        if let authorization = request.headers["Authorization"], authorization.lowercased().hasPrefix("bearer ") {
            let token = String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces)
            var explanation = SignatureExplanation(family: "SNAP", scheme: "HMAC-SHA512 keyed by the client secret (B2B token)")
            let partner = try explanation.partner(request.headers["X-PARTNER-ID"], header: "X-PARTNER-ID", family: .dana, in: stores)
            let signature = explanation.presented(request.headers["X-SIGNATURE"], name: "X-SIGNATURE", hexToo: true)
            if timestamp.isEmpty { explanation.problems.append("X-TIMESTAMP is missing") }
            if let partner { explanation.key = partner.clientSecret == nil ? nil : "HMAC-SHA512 with the client secret of \(partner.clientID)" }
            let secret = partner?.clientSecret ?? ""
            explanation.addHashedForms(of: request.body, paylabs: false, stringToSign: { hash in
                SNAPSignatureScheme.symmetric(method: method, path: request.path, token: token, bodyHash: hash, timestamp: timestamp)
            }, verifies: { text in
                partner != nil && signature.map { SNAPSignatureScheme.authenticates($0, text, secret: secret) } == true
            })
            return explanation
        }
        var explanation = SignatureExplanation(family: "SNAP", scheme: "RSA-SHA256 with the partner's key")
        let partner = try explanation.partner(request.headers["X-PARTNER-ID"], header: "X-PARTNER-ID", family: .dana, in: stores)
        let signature = explanation.presented(request.headers["X-SIGNATURE"], name: "X-SIGNATURE")
        if timestamp.isEmpty { explanation.problems.append("X-TIMESTAMP is missing") }
        let verify = explanation.rsaVerifier(partner, directory: partners)
        explanation.addHashedForms(of: request.body, paylabs: false, stringToSign: { hash in
            SNAPSignatureScheme.asymmetric(method: method, path: request.path, bodyHash: hash, timestamp: timestamp)
        }, verifies: { verify($0, signature) })
        return explanation
    }

    /// The B2B token request: RSA-SHA256 over `X-CLIENT-KEY|X-TIMESTAMP`.
    static func tokenRequest(_ request: HTTPRequest, partners: PartnerDirectory, stores: Stores) throws -> SignatureExplanation {
        var explanation = SignatureExplanation(family: "SNAP", scheme: "RSA-SHA256 over X-CLIENT-KEY|X-TIMESTAMP")
        let clientKey = request.headers["X-CLIENT-KEY"]
        let partner = try explanation.partner(clientKey, header: "X-CLIENT-KEY", family: .dana, in: stores)
        let signature = explanation.presented(request.headers["X-SIGNATURE"], name: "X-SIGNATURE")
        let timestamp = request.headers["X-TIMESTAMP"] ?? ""
        if timestamp.isEmpty { explanation.problems.append("X-TIMESTAMP is missing") }
        let verify = explanation.rsaVerifier(partner, directory: partners)
        let text = SNAPSignatureScheme.tokenRequest(clientKey: clientKey ?? "", timestamp: timestamp)
        explanation.forms = [.init(label: "headers", bodyHash: nil, stringToSign: text, verifies: verify(text, signature))]
        return explanation
    }
}
