/// Why an outgoing request got no usable response, in words for a report: the phase that failed
/// and what the system or the peer did.
public struct ClientError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The URL cannot be called: scheme, host or port.
        case invalidURL = "invalid-url"
        /// The host name does not resolve.
        case resolve
        /// Nobody accepts connections there: refused or unreachable.
        case connect
        /// The connect or the whole exchange took longer than allowed.
        case timeout
        /// The peer reset the connection.
        case reset
        /// The peer closed the connection before a complete response.
        case closed
        /// The TLS handshake or the certificate check failed.
        case tls
        /// The bytes received are not an HTTP/1.1 response.
        case malformed
        /// The response is larger than allowed.
        case tooLarge = "too-large"
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) { (self.kind, self.message) = (kind, message) }

    public var description: String { message }
}
