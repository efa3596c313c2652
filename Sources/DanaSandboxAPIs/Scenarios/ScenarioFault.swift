/// A failure at the socket or in the reply, as partners must survive them (the documents'
/// "Total Timeout" and "Unexpected response" rows).
public enum ScenarioFault: Equatable, Sendable {
    /// Hold the connection without a byte, then close.
    case timeout(afterMilliseconds: Int)
    /// Close at once without a byte.
    case drop
    /// TCP RST.
    case reset
    /// HTTP 200 with no body.
    case emptyBody
    /// The real answer cut in half.
    case malformedJSON
    /// The family's envelope with a code no document lists.
    case unknownCode
    /// The real answer without this member.
    case missingField(String)
    /// The real answer with a signature that does not verify.
    case badSignature

    public static let names = ["timeout", "drop", "reset", "empty-body", "malformed-json", "unknown-code", "missing-field:NAME", "bad-signature"]

    /// The default hold of `timeout`, longer than DANA's documented 8-second client timeout.
    public static let defaultTimeoutMilliseconds = 10_000

    public var name: String {
        switch self {
        case .timeout: "timeout"
        case .drop: "drop"
        case .reset: "reset"
        case .emptyBody: "empty-body"
        case .malformedJSON: "malformed-json"
        case .unknownCode: "unknown-code"
        case .missingField(let field): "missing-field:\(field)"
        case .badSignature: "bad-signature"
        }
    }
}
