/// An Open API `resultInfo`: all four members are strings and required by the SDKs' models.
public struct OpenAPIResult: ResultCode {
    public enum Status: String, Sendable { case success = "S", failure = "F", unknown = "U" }

    public let status: Status
    public let codeID: String
    public let code: String
    public let message: String

    public init(_ status: Status, _ codeID: String, _ code: String, _ message: String) {
        self.status = status
        self.codeID = codeID
        self.code = code
        self.message = message
    }

    /// Scenarios may name a result by its `resultCodeId` too.
    public var aliases: [String] { [codeID] }

    public var isSuccess: Bool { status == .success }

    public func with(message: String) -> OpenAPIResult {
        OpenAPIResult(status, codeID, code, message)
    }

    /// DANA documents no code for a bad Open API signature; this one is the default answer and
    /// `--openapi-signature-error` replaces it.
    public static let invalidSignatureDefault = OpenAPIResult(.failure, "00000004", "PARAM_ILLEGAL", "Invalid signature")

    // Seen from DANA's real sandbox (dana-id/php_client tests).
    public static let oauthFailed = OpenAPIResult(.failure, "00000016", "OAUTH_FAILED", "OAUTH_FAILED")
    public static let unknownClient = OpenAPIResult(.failure, "12014155", "UNKNOWN_CLIENT", "Not found Client")
}
