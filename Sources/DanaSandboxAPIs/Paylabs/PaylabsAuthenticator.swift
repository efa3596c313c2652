import SandboxHTTP
import SandboxStorage
import SandboxSupport

/// Checks a Paylabs request: the signed headers are present, the merchant in X-PARTNER-ID exists,
/// and X-SIGNATURE verifies with its key over PaylabsSignatureScheme's string, the body hash
/// tried over every form Paylabs' clients sign (raw, minified, canonical, nulls dropped). Every
/// refusal is a thrown `Rejection`.
public struct PaylabsAuthenticator: Sendable {
    let context: AuthenticationContext

    public init(context: AuthenticationContext) {
        self.context = context
    }

    /// An empty or whitespace-only body, which Paylabs answers with postDataEmpty.
    static func isBlank(_ body: [UInt8]) -> Bool {
        body.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    /// The merchant that signed `request`.
    public func authenticate(_ request: HTTPRequest, stores: Stores) throws -> Partner {
        let headers = try PaylabsSignedHeaders(request.headers)
        if Self.isBlank(request.body) {
            throw Rejection(PaylabsErrorCode.postDataEmpty)
        }
        guard let sent = SignatureTimestamp.parse(headers.timestamp) else {
            throw Rejection(PaylabsErrorCode.paramInvalid.with(message: "Invalid Field Format X-TIMESTAMP"))
        }
        guard context.isFresh(sent) else {
            // The Paylabs FAQ lists a wrong timestamp ("Timestamp Tidak Sesuai") under Conflict.
            throw Rejection(PaylabsErrorCode.conflict.with(message: "X-TIMESTAMP outside the \(context.settings.windowDescription) window"))
        }
        guard let partner = try stores.partners.partner(headers.partnerID), partner.family == .paylabs else {
            throw Rejection(PaylabsErrorCode.merchantInvalid)
        }
        guard partner.isActive else { throw Rejection(PaylabsErrorCode.merchantFreezing) }
        guard context.settings.enforce else { return partner }

        let key = try context.partners.publicKey(of: partner)
        let presented = SignatureDecoding.base64(headers.signature)
        func stringToSign(_ hash: BodyCandidates.Hash) -> String {
            PaylabsSignatureScheme.stringToSign(path: request.path, bodyHash: hash.hash, timestamp: headers.timestamp)
        }
        guard let tried = BodyCandidates.unverified(request.body, paylabs: true, { hash in
            presented.map { key.verify(signature: $0, message: Array(stringToSign(hash).utf8)) } ?? false
        }) else { return partner }
        let diagnostics = SignatureDiagnostics(
            partner: partner.clientID, keyFingerprint: key.fingerprint, expectedStringToSign: stringToSign(tried[0]),
            formsTried: tried.map { "\($0.label)=\($0.hash)" }, reason: "X-SIGNATURE does not verify"
        )
        context.logFailure(diagnostics)
        throw Rejection(PaylabsErrorCode.signError, annotations: diagnostics.annotations)
    }
}
