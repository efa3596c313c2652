import Foundation
import SandboxHTTP
import SandboxSupport

/// The headers of a B2B token request (SNAP service 73), each checked once and then read as
/// plain values.
struct B2BTokenRequestHeaders {
    let clientKey: String
    /// X-TIMESTAMP as sent: the string to sign holds these exact characters.
    let timestamp: String
    let sentAt: Date
    let signature: String

    init(_ headers: HTTPHeaders, service: SNAPService) throws(Rejection<SNAPResponseCode>) {
        clientKey = try headers.required("X-CLIENT-KEY", else: Rejection(service.invalidMandatoryField("X-CLIENT-KEY")))
        timestamp = try headers.required("X-TIMESTAMP", else: Rejection(service.invalidMandatoryField("X-TIMESTAMP")))
        signature = try headers.required("X-SIGNATURE", else: Rejection(service.invalidMandatoryField("X-SIGNATURE")))
        guard let sentAt = SignatureTimestamp.parse(timestamp) else { throw Rejection(service.invalidFieldFormat("X-TIMESTAMP")) }
        self.sentAt = sentAt
    }
}
