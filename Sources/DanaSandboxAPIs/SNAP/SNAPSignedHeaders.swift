import Foundation
import SandboxHTTP
import SandboxSupport

/// The headers every signed SNAP request carries, each checked once, in the order DANA reports
/// them missing, and then read as plain values.
struct SNAPSignedHeaders {
    /// Who signs: X-PARTNER-ID on service requests, X-CLIENT-KEY on the B2B token request.
    let clientID: String
    /// X-TIMESTAMP as sent: the string to sign holds these exact characters.
    let timestamp: String
    let sentAt: Date
    let signature: String

    /// A service request's: X-TIMESTAMP, X-SIGNATURE, X-PARTNER-ID.
    static func serviceRequest(_ headers: HTTPHeaders, service: SNAPService) throws(Rejection<SNAPResponseCode>) -> SNAPSignedHeaders {
        try SNAPSignedHeaders(headers, service: service, identity: "X-PARTNER-ID", identityFirst: false)
    }

    /// The B2B token request's: X-CLIENT-KEY, X-TIMESTAMP, X-SIGNATURE.
    static func tokenRequest(_ headers: HTTPHeaders, service: SNAPService) throws(Rejection<SNAPResponseCode>) -> SNAPSignedHeaders {
        try SNAPSignedHeaders(headers, service: service, identity: "X-CLIENT-KEY", identityFirst: true)
    }

    private init(_ headers: HTTPHeaders, service: SNAPService, identity: String, identityFirst: Bool) throws(Rejection<SNAPResponseCode>) {
        func required(_ name: String) throws(Rejection<SNAPResponseCode>) -> String {
            try headers.required(name, else: Rejection(service.invalidMandatoryField(name)))
        }
        let first = identityFirst ? try required(identity) : nil
        timestamp = try required("X-TIMESTAMP")
        signature = try required("X-SIGNATURE")
        if let first { clientID = first } else { clientID = try required(identity) }
        guard let sentAt = SignatureTimestamp.parse(timestamp) else { throw Rejection(service.invalidFieldFormat("X-TIMESTAMP")) }
        self.sentAt = sentAt
    }
}
