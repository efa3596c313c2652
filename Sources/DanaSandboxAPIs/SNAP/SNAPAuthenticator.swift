import Foundation
import SandboxHTTP
import SandboxStorage

/// Checks who sent a SNAP request and that they signed it, as DANA does: asymmetric with the
/// partner's RSA key, or, with `Authorization: Bearer <B2B token>`, symmetric HMAC-SHA512 keyed
/// by the client secret (SNAPSignatureScheme). The body hash is tried over every body form real
/// clients sign (BodyCandidates), and any one verifying is enough. Every refusal is a thrown
/// `Rejection` in the service's codes.
public struct SNAPAuthenticator: Sendable {
    let service: SNAPService
    let context: AuthenticationContext

    public init(service: SNAPService, context: AuthenticationContext) {
        self.service = service
        self.context = context
    }

    /// The partner that signed `request`.
    public func authenticate(_ request: HTTPRequest, stores: Stores) throws -> Partner {
        let headers = try SNAPSignedHeaders.serviceRequest(request.headers, service: service)
        let partner = try identify(headers.clientID, sentAt: headers.sentAt, in: stores)
        let method = request.method.rawValue

        if let authorization = request.headers["Authorization"] {
            guard let token = Self.bearerToken(authorization), try stores.b2bTokens.isValid(token, for: partner.clientID, now: context.now()) else {
                throw Rejection(service.code("401", "01"))
            }
            guard context.settings.enforce else { return partner }
            let secret = partner.clientSecret ?? ""
            let presented = SignatureDecoding.base64OrHex(headers.signature)
            func stringToSign(_ hash: BodyCandidates.Hash) -> String {
                SNAPSignatureScheme.symmetric(method: method, path: request.path, token: token, bodyHash: hash.hash, timestamp: headers.timestamp)
            }
            guard let tried = BodyCandidates.unverified(request.body, paylabs: false, { hash in
                presented.map { SNAPSignatureScheme.authenticates($0, stringToSign(hash), secret: secret) } ?? false
            }) else { return partner }
            throw refusal(request, partner: partner, key: "HMAC-SHA512 with the client secret", expected: stringToSign(tried[0]), hashes: tried, secrets: [token])
        }

        guard context.settings.enforce else { return partner }
        let key = try context.partners.publicKey(of: partner)
        let presented = SignatureDecoding.base64(headers.signature)
        func stringToSign(_ hash: BodyCandidates.Hash) -> String {
            SNAPSignatureScheme.asymmetric(method: method, path: request.path, bodyHash: hash.hash, timestamp: headers.timestamp)
        }
        guard let tried = BodyCandidates.unverified(request.body, paylabs: false, { hash in
            presented.map { key.verify(signature: $0, message: Array(stringToSign(hash).utf8)) } ?? false
        }) else { return partner }
        throw refusal(request, partner: partner, key: key.fingerprint, expected: stringToSign(tried[0]), hashes: tried)
    }

    /// Made once: `bearerToken` runs on every request with a B2B token.
    private static let bearerScheme = Array("bearer ".utf8)

    /// The token of `Authorization: Bearer <token>`; nil for any other scheme or an empty token.
    /// Read as bytes: Foundation's `trimmingCharacters` goes through NSString and was 5 % of an
    /// account inquiry's CPU. The padding trimmed is HTTP's own (spaces and tabs).
    static func bearerToken(_ authorization: String) -> String? {
        let bytes = Array(authorization.utf8)
        let scheme = bearerScheme
        guard bytes.count >= scheme.count,
              zip(bytes, scheme).allSatisfy({ sent, expected in ((65...90).contains(sent) ? sent + 32 : sent) == expected }) else { return nil }
        let isPadding = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        var start = scheme.count, end = bytes.count
        while start < end, isPadding(bytes[start]) { start += 1 }
        while end > start, isPadding(bytes[end - 1]) { end -= 1 }
        return start < end ? String(decoding: bytes[start..<end], as: UTF8.self) : nil
    }

    /// The active DANA partner `partnerID`, if its timestamp is fresh: the checks every SNAP
    /// request passes before its signature, the B2B token request included.
    func identify(_ partnerID: String, sentAt: Date, in stores: Stores) throws -> Partner {
        guard context.isFresh(sentAt) else {
            throw Rejection(service.unauthorized("X-TIMESTAMP outside the \(context.settings.windowDescription) window"))
        }
        guard let partner = try stores.partners.partner(partnerID), partner.family == .dana else { throw Rejection(service.unauthorized("Unknown Client")) }
        guard partner.isActive else { throw Rejection(service.unauthorized("Client Forbidden Access API")) }
        return partner
    }

    /// 401 Invalid Signature, logged with what the partner needs to fix it, and with the same in
    /// `additionalInfo.debugMessage` when the request asks for it.
    func refusal(_ request: HTTPRequest, partner: Partner, key: String, expected: String, hashes: [BodyCandidates.Hash], secrets: [String] = []) -> Rejection<SNAPResponseCode> {
        let diagnostics = SignatureDiagnostics(
            partner: partner.clientID, keyFingerprint: key, expectedStringToSign: expected,
            formsTried: hashes.map { "\($0.label)=\($0.hash)" }, reason: "X-SIGNATURE does not verify", secrets: secrets
        )
        context.logFailure(diagnostics)
        return Rejection(service.unauthorized("Invalid Signature"), diagnostics.debugMembers(for: request), annotations: diagnostics.annotations)
    }
}
