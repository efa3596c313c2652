/// What happened in one request/response exchange, handed to the server's observer for the
/// access log. It is produced on an event-loop thread: observers must be quick.
public struct ExchangeRecord: Sendable {
    public enum Outcome: String, Sendable {
        /// A response was written.
        case responded
        /// The connection was held silent, then closed (a timeout fault).
        case held
        /// The connection was closed without a response (a drop fault).
        case closed
        /// The connection was reset (a reset fault).
        case reset
        /// The request could not be framed or did not arrive in time; an error was answered.
        case rejected
    }

    public let requestID: UInt64
    public let connectionID: UInt64
    /// "-" when the request line never arrived or could not be parsed.
    public let method: String
    public let path: String
    /// nil when no response was written.
    public let status: Int?
    public let outcome: Outcome
    public let durationNanoseconds: UInt64
    /// From `HTTPResponse.annotations` and `Reply.annotated`, plus `error` for rejected requests.
    public let annotations: [String: String]
    /// The request, when one was parsed.
    public let request: HTTPRequest?
    /// The response written, when one was.
    public let response: HTTPResponse?

    public init(
        requestID: UInt64, connectionID: UInt64, method: String, path: String, status: Int?,
        outcome: Outcome, durationNanoseconds: UInt64, annotations: [String: String],
        request: HTTPRequest? = nil, response: HTTPResponse? = nil
    ) {
        self.requestID = requestID
        self.connectionID = connectionID
        self.method = method
        self.path = path
        self.status = status
        self.outcome = outcome
        self.durationNanoseconds = durationNanoseconds
        self.annotations = annotations
        self.request = request
        self.response = response
    }
}
