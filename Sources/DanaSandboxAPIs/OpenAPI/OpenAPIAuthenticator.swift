import Foundation
import SandboxCrypto
import SandboxHTTP
import SandboxStorage
import SandboxSupport

/// Checks an Open API request as DANA does: the partner named by `head.clientId` must exist, the
/// signature must verify with its key over the exact `request` text, `head.clientSecret` must be
/// its secret, `head.function` must name the endpoint, and the head fields must follow the
/// document (lengths, `reqTime` format and clock window). Every refusal is a thrown `Rejection`.
public struct OpenAPIAuthenticator: Sendable {
    let context: AuthenticationContext

    public init(context: AuthenticationContext) {
        self.context = context
    }

    /// As `authenticate`, and spends the envelope's `reqMsgId` in `ledger`: a reused one is a lint
    /// finding citing `document`, reported on `context`, never a refusal (DANA documents none).
    public func admit(_ request: HTTPRequest, function: String, stores: Stores, ledger: RequestMessageLedger, context: RequestContext, document: String) throws -> (OpenAPIRequest, Partner) {
        let (envelope, partner) = try authenticate(request, function: function, stores: stores)
        if let id = envelope.requestMessageID, !ledger.spend(id, partner: partner.clientID, session: request.sandboxSession) {
            context.report(OpenAPILintRules.reusedMessageID(id, document: document))
        }
        return (envelope, partner)
    }

    /// The envelope and the partner that signed it.
    public func authenticate(_ request: HTTPRequest, function: String, stores: Stores) throws -> (OpenAPIRequest, Partner) {
        let envelope: OpenAPIRequest
        switch OpenAPIRequest.parse(request.body) {
        case .failure(let error): throw OpenAPIRejection.illegal(error.message)
        case .success(let parsed): envelope = parsed
        }
        guard let clientID = envelope.clientID, !clientID.isEmpty else { throw OpenAPIRejection.illegal("head.clientId") }
        guard let partner = try stores.partners.partner(clientID), partner.family == .dana, partner.isActive else {
            throw Rejection(OpenAPIResult.unknownClient)
        }
        if context.settings.enforce {
            let key = try context.partners.publicKey(of: partner)
            let verified = envelope.signature.flatMap(SignatureDecoding.base64).map { key.verify(signature: $0, message: envelope.signedBytes) } ?? false
            if !verified {
                let diagnostics = SignatureDiagnostics(
                    partner: clientID, keyFingerprint: key.fingerprint,
                    expectedStringToSign: String(decoding: envelope.signedBytes, as: UTF8.self),
                    formsTried: ["request-member=\(SHA256.hexDigest(envelope.signedBytes))"],
                    reason: envelope.signature == nil ? "the envelope has no signature" : "signature does not verify over the raw request member",
                    secrets: JournalEntry.secretMembers.compactMap { envelope.head($0) }
                )
                context.logFailure(diagnostics)
                throw Rejection(context.settings.openAPISignatureFailure, annotations: diagnostics.annotations)
            }
        }
        if envelope.head("clientSecret") != partner.clientSecret {
            throw OpenAPIRejection.illegal("head.clientSecret is not this client's secret")
        }
        if envelope.head("function") != function {
            throw OpenAPIRejection.illegal("head.function must be \(function)")
        }
        if let field = invalidHeadField(envelope) {
            throw OpenAPIRejection.illegal(field)
        }
        return (envelope, partner)
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
        if !context.isFresh(sent) {
            return "head.reqTime is outside the \(context.settings.windowDescription) window of the sandbox's clock"
        }
        // dana-java sends reserve as an object ({}); the document says a string. Both pass.
        if let reserve = envelope.head["reserve"], let text = reserve.stringValue, text.count > 256 {
            return "head.reserve must be at most 256 characters"
        }
        return nil
    }
}
