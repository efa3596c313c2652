import Foundation
import SandboxHTTP

/// Checks a Paylabs request: the signed headers are present, the merchant in X-PARTNER-ID exists,
/// and X-SIGNATURE verifies with its key over `POST:<path>:hash(body):X-TIMESTAMP`, the body hash
/// tried over every form Paylabs' clients sign (raw, minified, canonical, nulls dropped).
public struct PaylabsAuthenticator: Sendable {
    public enum Outcome: Sendable {
        case accepted(Partner)
        case rejected(PaylabsErrorCode)
    }

    let partners: PartnerDirectory
    let settings: SignatureSettings
    let logger: Logger
    let now: @Sendable () -> Date

    public init(partners: PartnerDirectory, settings: SignatureSettings, logger: Logger, now: @escaping @Sendable () -> Date) {
        self.partners = partners
        self.settings = settings
        self.logger = logger
        self.now = now
    }

    public func authenticate(_ request: HTTPRequest) throws -> Outcome {
        for name in ["X-TIMESTAMP", "X-SIGNATURE", "X-PARTNER-ID", "X-REQUEST-ID"] where (request.headers[name] ?? "").isEmpty {
            return .rejected(.paramInvalid.with(description: "Invalid Mandatory Field \(name)"))
        }
        if request.body.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return .rejected(.postDataEmpty)
        }
        let timestamp = request.headers["X-TIMESTAMP"]!
        guard let sent = SignatureTimestamp.parse(timestamp) else {
            return .rejected(.paramInvalid.with(description: "Invalid Field Format X-TIMESTAMP"))
        }
        if !settings.isWithinWindow(sent, now: now()) {
            // The Paylabs FAQ lists a wrong timestamp ("Timestamp Tidak Sesuai") under Conflict.
            return .rejected(.conflict.with(description: "X-TIMESTAMP outside the \(settings.windowDescription) window"))
        }
        guard let partner = try partners.partner(request.headers["X-PARTNER-ID"]!), partner.family == .paylabs else {
            return .rejected(.merchantInvalid)
        }
        guard partner.isActive else { return .rejected(.merchantFreezing) }
        guard settings.enforce else { return .accepted(partner) }

        let key = try partners.publicKey(of: partner)
        let prefix = "POST:\(request.path):"
        let hashes = BodyCandidates.forPaylabs(request.body).map { ($0.label, SHA256.hexDigest($0.bytes)) }
        if let presented = SignatureDecoding.base64(request.headers["X-SIGNATURE"]!) {
            for (_, hash) in hashes where key.verify(signature: presented, message: Array("\(prefix)\(hash):\(timestamp)".utf8)) {
                return .accepted(partner)
            }
        }
        let diagnostics = SignatureDiagnostics(
            partner: partner.clientID, keyFingerprint: key.fingerprint, expectedStringToSign: "\(prefix)\(hashes[0].1):\(timestamp)",
            formsTried: hashes.map { "\($0.0)=\($0.1)" }, reason: "X-SIGNATURE does not verify"
        )
        logger.log(.warning, "signature.failed", diagnostics.logFields)
        return .rejected(.signError)
    }
}
