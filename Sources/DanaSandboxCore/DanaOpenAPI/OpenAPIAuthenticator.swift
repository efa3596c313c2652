import Foundation
import SandboxHTTP

/// Checks an Open API request as DANA does: the partner named by `head.clientId` must exist, the
/// signature must verify with its key over the exact `request` text, `head.clientSecret` must be
/// its secret, `head.function` must name the endpoint, and the head fields must follow the
/// document (lengths, `reqTime` format and clock window).
public struct OpenAPIAuthenticator: Sendable {
    public enum Outcome: Sendable {
        case accepted(OpenAPIRequest, Partner)
        case rejected(OpenAPIResult, OpenAPIRequest?)
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

    static let paramIllegal = OpenAPIResult(.failure, "00000004", "PARAM_ILLEGAL", "parameter illegal")

    public func authenticate(_ request: HTTPRequest, function: String) throws -> Outcome {
        let envelope: OpenAPIRequest
        switch OpenAPIRequest.parse(request.body) {
        case .failure(let error): return .rejected(Self.paramIllegal.with(message: "parameter illegal: \(error.message)"), nil)
        case .success(let parsed): envelope = parsed
        }
        guard let clientID = envelope.clientID, !clientID.isEmpty else {
            return .rejected(Self.paramIllegal.with(message: "parameter illegal: head.clientId"), envelope)
        }
        guard let partner = try partners.partner(clientID), partner.family == .dana, partner.isActive else {
            return .rejected(.unknownClient, envelope)
        }
        if settings.enforce {
            let key = try partners.publicKey(of: partner)
            let verified = envelope.signature.flatMap(SignatureDecoding.base64).map { key.verify(signature: $0, message: envelope.signedBytes) } ?? false
            if !verified {
                let diagnostics = SignatureDiagnostics(
                    partner: clientID, keyFingerprint: key.fingerprint,
                    expectedStringToSign: String(decoding: envelope.signedBytes, as: UTF8.self),
                    formsTried: ["request-member=\(SHA256.hexDigest(envelope.signedBytes))"],
                    reason: envelope.signature == nil ? "the envelope has no signature" : "signature does not verify over the raw request member"
                )
                logger.log(.warning, "signature.failed", diagnostics.logFields)
                return .rejected(settings.openAPISignatureFailure, envelope)
            }
        }
        if envelope.head("clientSecret") != partner.clientSecret {
            return .rejected(Self.paramIllegal.with(message: "parameter illegal: head.clientSecret is not this client's secret"), envelope)
        }
        if envelope.head("function") != function {
            return .rejected(Self.paramIllegal.with(message: "parameter illegal: head.function must be \(function)"), envelope)
        }
        if let field = invalidHeadField(envelope) {
            return .rejected(Self.paramIllegal.with(message: "parameter illegal: \(field)"), envelope)
        }
        return .accepted(envelope, partner)
    }

    /// The first head field that breaks the document's rules, described, or nil.
    private func invalidHeadField(_ envelope: OpenAPIRequest) -> String? {
        let rules: [(String, ClosedRange<Int>)] = [("version", 1...8), ("clientId", 1...36), ("clientSecret", 1...64), ("reqMsgId", 1...64)]
        for (field, lengths) in rules {
            guard let value = envelope.head(field) else { return "head.\(field) is missing" }
            if !lengths.contains(value.count) { return "head.\(field) must be \(lengths.lowerBound) to \(lengths.upperBound) characters" }
        }
        guard let reqTime = envelope.head("reqTime") else { return "head.reqTime is missing" }
        guard let sent = SignatureTimestamp.parse(reqTime) else { return "head.reqTime must be YYYY-MM-DDTHH:mm:ss+07:00" }
        if !settings.isWithinWindow(sent, now: now()) {
            return "head.reqTime is outside the \(settings.windowDescription) window of the sandbox's clock"
        }
        // dana-java sends reserve as an object ({}); the document says a string. Both pass.
        if let reserve = envelope.head["reserve"], let text = reserve.stringValue, text.count > 256 {
            return "head.reserve must be at most 256 characters"
        }
        return nil
    }
}
