import Foundation
import SandboxHTTP
import SandboxSupport

/// The headers every signed SNAP service request carries, each checked once, in the order DANA
/// reports them missing, and then read as plain values.
struct SNAPSignedHeaders {
    /// X-TIMESTAMP as sent: the string to sign holds these exact characters.
    let timestamp: String
    let sentAt: Date
    let signature: String
    let partnerID: String

    init(_ headers: HTTPHeaders, service: SNAPService) throws(Rejection<SNAPResponseCode>) {
        timestamp = try headers.required("X-TIMESTAMP", else: Rejection(service.invalidMandatoryField("X-TIMESTAMP")))
        signature = try headers.required("X-SIGNATURE", else: Rejection(service.invalidMandatoryField("X-SIGNATURE")))
        partnerID = try headers.required("X-PARTNER-ID", else: Rejection(service.invalidMandatoryField("X-PARTNER-ID")))
        guard let sentAt = SignatureTimestamp.parse(timestamp) else { throw Rejection(service.invalidFieldFormat("X-TIMESTAMP")) }
        self.sentAt = sentAt
    }
}
