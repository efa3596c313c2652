/// A response to an outgoing request, as received.
public struct ClientResponse: Sendable, Equatable {
    public let status: Int
    public let reason: String
    public let headers: HTTPHeaders
    public let body: [UInt8]

    public init(status: Int, reason: String, headers: HTTPHeaders, body: [UInt8]) {
        self.status = status
        self.reason = reason
        self.headers = headers
        self.body = body
    }
}
