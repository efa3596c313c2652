import SandboxHTTP
import SandboxStorage

/// SNAP's signatures explained (the console's signature helper): the same strings to sign, body
/// forms and preconditions as `SNAPAuthenticator`, reported instead of enforced, and without
/// spending anything.
enum SNAPSignatureExplainer {
    /// A service request: HMAC-SHA512 with `Authorization: Bearer`, else RSA-SHA256.
    static func serviceRequest(_ request: HTTPRequest, context: AuthenticationContext, stores: Stores) throws -> SignatureExplanation {
        let method = request.method.rawValue
        guard let authorization = request.headers["Authorization"] else {
            var explanation = SignatureExplanation(family: "SNAP", scheme: "RSA-SHA256 with the partner's key", context: context)
            let timestamp = explanation.timestamp(request.headers["X-TIMESTAMP"])
            let partner = try explanation.partner(request.headers["X-PARTNER-ID"], header: "X-PARTNER-ID", family: .dana, in: stores)
            let signature = explanation.presented(request.headers["X-SIGNATURE"], name: "X-SIGNATURE")
            let verify = explanation.rsaVerifier(partner)
            explanation.addHashedForms(of: request.body, paylabs: false, stringToSign: { hash in
                SNAPSignatureScheme.asymmetric(method: method, path: request.path, bodyHash: hash, timestamp: timestamp)
            }, verifies: { verify($0, signature) })
            return explanation
        }
        var explanation = SignatureExplanation(family: "SNAP", scheme: "HMAC-SHA512 keyed by the client secret (B2B token)", context: context)
        let timestamp = explanation.timestamp(request.headers["X-TIMESTAMP"])
        let partner = try explanation.partner(request.headers["X-PARTNER-ID"], header: "X-PARTNER-ID", family: .dana, in: stores)
        let signature = explanation.presented(request.headers["X-SIGNATURE"], name: "X-SIGNATURE", hexToo: true)
        let token = SNAPAuthenticator.bearerToken(authorization) ?? ""
        if token.isEmpty {
            explanation.problems.append("Authorization must be 'Bearer <B2B token>' (or absent, for an RSA signature)")
        } else if let partner, try !stores.b2bTokens.isValid(token, for: partner.clientID, now: context.now()) {
            explanation.problems.append("the B2B token is unknown, expired or not partner \(partner.clientID)'s")
        }
        if let partner { explanation.key = "HMAC-SHA512 with the client secret of \(partner.clientID)" }
        let secret = partner?.clientSecret ?? ""
        explanation.addHashedForms(of: request.body, paylabs: false, stringToSign: { hash in
            SNAPSignatureScheme.symmetric(method: method, path: request.path, token: token, bodyHash: hash, timestamp: timestamp)
        }, verifies: { text in
            partner != nil && signature.map { SNAPSignatureScheme.authenticates($0, text, secret: secret) } == true
        })
        return explanation
    }

    /// The B2B token request: RSA-SHA256 over `X-CLIENT-KEY|X-TIMESTAMP`.
    static func tokenRequest(_ request: HTTPRequest, context: AuthenticationContext, stores: Stores) throws -> SignatureExplanation {
        var explanation = SignatureExplanation(family: "SNAP", scheme: "RSA-SHA256 over X-CLIENT-KEY|X-TIMESTAMP", context: context)
        let clientKey = request.headers["X-CLIENT-KEY"]
        let partner = try explanation.partner(clientKey, header: "X-CLIENT-KEY", family: .dana, in: stores)
        let timestamp = explanation.timestamp(request.headers["X-TIMESTAMP"])
        let signature = explanation.presented(request.headers["X-SIGNATURE"], name: "X-SIGNATURE")
        let verify = explanation.rsaVerifier(partner)
        let text = SNAPSignatureScheme.tokenRequest(clientKey: clientKey ?? "", timestamp: timestamp)
        explanation.forms = [.init(label: "headers", bodyHash: nil, stringToSign: text, verifies: verify(text, signature))]
        return explanation
    }
}
