import Foundation
import SandboxHTTP

/// Paylabs responses: HTTP 200, compact JSON without null members, and the signed headers every
/// Paylabs response carries. The signature is Paylabs' key over
/// `POST:<endpoint>:hash(body):X-TIMESTAMP`, which is what paylabs-sdk's verify_signature checks.
public struct PaylabsResponder: Sendable {
    let signer: ResponseSigner
    let now: @Sendable () -> Date

    public init(signer: ResponseSigner, now: @escaping @Sendable () -> Date) {
        self.signer = signer
        self.now = now
    }

    /// `forged` signs something else: a well-formed signature that does not verify.
    public func response(path: String, partnerID: String, requestID: String, body: JSONValue, code: PaylabsErrorCode, forged: Bool = false) -> HTTPResponse {
        let bytes = JSONCanonicalWriter.write(body, droppingNullMembers: true)
        let timestamp = SignatureTimestamp.jakarta(now(), milliseconds: true)
        let stringToSign = "POST:\(path):\(SHA256.hexDigest(forged ? bytes + [0x20] : bytes)):\(timestamp)"
        let signature = (try? signer.signAsPaylabs(Array(stringToSign.utf8))) ?? ""
        return HTTPResponse(
            status: .ok,
            headers: [
                "Content-Type": "application/json;charset=utf-8",
                "X-TIMESTAMP": timestamp,
                "X-SIGNATURE": signature,
                "X-PARTNER-ID": partnerID,
                "X-REQUEST-ID": requestID,
            ],
            body: bytes,
            annotations: ["result.code": code.code]
        )
    }
}
