import Foundation
import SandboxHTTP

/// Checks who sent a SNAP request and that they signed it, as DANA does:
/// asymmetric `METHOD:path:hash(body):X-TIMESTAMP` with the partner's RSA key, or, with
/// `Authorization: Bearer <B2B token>`, symmetric `METHOD:path:token:hash(body):X-TIMESTAMP` with
/// HMAC-SHA512 keyed by the client secret. The body hash is tried over every body form real
/// clients sign (BodyCandidates), and any one verifying is enough.
public struct SNAPAuthenticator: Sendable {
    public enum Outcome: Sendable {
        case accepted(Partner)
        case rejected(SNAPResponseCode, SignatureDiagnostics?)
    }

    let service: SNAPService
    let partners: PartnerDirectory
    let tokens: B2BTokenStore
    let settings: SignatureSettings
    let logger: Logger
    let now: @Sendable () -> Date

    public init(service: SNAPService, partners: PartnerDirectory, tokens: B2BTokenStore, settings: SignatureSettings, logger: Logger, now: @escaping @Sendable () -> Date) {
        self.service = service
        self.partners = partners
        self.tokens = tokens
        self.settings = settings
        self.logger = logger
        self.now = now
    }

    public func authenticate(_ request: HTTPRequest) throws -> Outcome {
        for name in ["X-TIMESTAMP", "X-SIGNATURE", "X-PARTNER-ID"] where (request.headers[name] ?? "").isEmpty {
            return .rejected(service.invalidMandatoryField(name), nil)
        }
        let timestamp = request.headers["X-TIMESTAMP"]!, signature = request.headers["X-SIGNATURE"]!
        let partnerID = request.headers["X-PARTNER-ID"]!
        guard let sent = SignatureTimestamp.parse(timestamp) else {
            return .rejected(service.invalidFieldFormat("X-TIMESTAMP"), nil)
        }
        if !settings.isWithinWindow(sent, now: now()) {
            return .rejected(service.unauthorized("X-TIMESTAMP outside the \(settings.windowDescription) window"), nil)
        }
        guard let partner = try partners.partner(partnerID), partner.family == .dana else {
            return .rejected(service.unauthorized("Unknown Client"), nil)
        }
        guard partner.isActive else {
            return .rejected(service.unauthorized("Client Forbidden Access API"), nil)
        }

        let candidates = BodyCandidates.forSNAP(request.body)
        let prefix = "\(request.method.rawValue.uppercased()):\(request.path):"
        let hashes = candidates.map { ($0.label, SHA256.hexDigest($0.bytes)) }

        if let authorization = request.headers["Authorization"] {
            guard authorization.lowercased().hasPrefix("bearer "), case let token = String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces),
                  !token.isEmpty, try tokens.isValid(token, for: partner.clientID, now: now()) else {
                return .rejected(service.code("401", "01"), nil)
            }
            guard settings.enforce else { return .accepted(partner) }
            let secret = Array((partner.clientSecret ?? "").utf8)
            let presented = SignatureDecoding.base64OrHex(signature)
            for (_, hash) in hashes {
                let message = Array("\(prefix)\(token):\(hash):\(timestamp)".utf8)
                let expected = HMACSHA512.authenticationCode(key: secret, message: message)
                if let presented, !expected.isEmpty, expected == presented {
                    return .accepted(partner)
                }
            }
            return reject(partner: partner, fingerprint: "HMAC-SHA512 with the client secret", expected: "\(prefix)\(token):\(hashes[0].1):\(timestamp)", hashes: hashes)
        }

        guard settings.enforce else { return .accepted(partner) }
        let key = try partners.publicKey(of: partner)
        if let presented = SignatureDecoding.base64(signature) {
            for (_, hash) in hashes where key.verify(signature: presented, message: Array("\(prefix)\(hash):\(timestamp)".utf8)) {
                return .accepted(partner)
            }
        }
        return reject(partner: partner, fingerprint: key.fingerprint, expected: "\(prefix)\(hashes[0].1):\(timestamp)", hashes: hashes)
    }

    private func reject(partner: Partner, fingerprint: String, expected: String, hashes: [(String, String)]) -> Outcome {
        let diagnostics = SignatureDiagnostics(
            partner: partner.clientID, keyFingerprint: fingerprint, expectedStringToSign: expected,
            formsTried: hashes.map { "\($0.0)=\($0.1)" }, reason: "X-SIGNATURE does not verify"
        )
        logger.log(.warning, "signature.failed", diagnostics.logFields)
        return .rejected(service.unauthorized("Invalid Signature"), diagnostics)
    }

    /// `X-Debug-Mode: 1` or `true` asks for the diagnostics in `additionalInfo.debugMessage`.
    public static func wantsDebug(_ request: HTTPRequest) -> Bool {
        let value = request.headers["X-Debug-Mode"]?.lowercased()
        return value == "1" || value == "true"
    }
}
