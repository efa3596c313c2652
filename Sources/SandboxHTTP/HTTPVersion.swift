/// The protocol version of a request line (RFC 9112 §2.3). Only 1.0 and 1.1 are served; any other
/// version is refused by the parser with 505 before a value of this type exists.
public enum HTTPVersion: Hashable, Sendable, CustomStringConvertible {
    case http1_0
    case http1_1

    public var description: String {
        switch self {
        case .http1_0: "HTTP/1.0"
        case .http1_1: "HTTP/1.1"
        }
    }
}
