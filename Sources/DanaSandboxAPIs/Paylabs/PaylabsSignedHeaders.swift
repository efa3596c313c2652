import SandboxHTTP

/// The headers every Paylabs request carries, each checked once, in the order Paylabs reports
/// them missing, and then read as plain values.
struct PaylabsSignedHeaders {
    /// X-TIMESTAMP as sent: the string to sign holds these exact characters.
    let timestamp: String
    let signature: String
    let partnerID: String
    let requestID: String

    init(_ headers: HTTPHeaders) throws(Rejection<PaylabsErrorCode>) {
        func missing(_ name: String) -> Rejection<PaylabsErrorCode> {
            Rejection(PaylabsErrorCode.paramInvalid.with(message: "Invalid Mandatory Field \(name)"))
        }
        timestamp = try headers.required("X-TIMESTAMP", else: missing("X-TIMESTAMP"))
        signature = try headers.required("X-SIGNATURE", else: missing("X-SIGNATURE"))
        partnerID = try headers.required("X-PARTNER-ID", else: missing("X-PARTNER-ID"))
        requestID = try headers.required("X-REQUEST-ID", else: missing("X-REQUEST-ID"))
    }
}
