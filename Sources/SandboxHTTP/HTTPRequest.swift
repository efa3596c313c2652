/// One parsed request. The body is complete: chunked bodies are already decoded.
public struct HTTPRequest: Sendable {
    public var method: HTTPMethod
    /// The request-target exactly as received, query included (RFC 9112 §3.2).
    public var target: String
    /// The path as received, without the query and without percent-decoding: signature schemes
    /// sign the path the client sent, so it must never be normalised.
    public var path: String
    /// The raw query string after `?`, or nil.
    public var query: String?
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// A server-wide unique number, for log lines and the journal.
    public var id: UInt64

    public init(
        method: HTTPMethod,
        target: String,
        version: HTTPVersion = .http1_1,
        headers: HTTPHeaders = [:],
        body: [UInt8] = [],
        id: UInt64 = 0
    ) {
        self.method = method
        self.target = target
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        self.path = parts.first.map(String.init) ?? ""
        self.query = parts.count > 1 ? String(parts[1]) : nil
        self.version = version
        self.headers = headers
        self.body = body
        self.id = id
    }

    /// The body as UTF-8 text (invalid sequences replaced).
    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// Persistence per RFC 9112 §9.3: `close` ends the connection; HTTP/1.1 persists by default;
    /// HTTP/1.0 persists only with `Connection: keep-alive`.
    public var shouldKeepAlive: Bool {
        let options = headers.tokens("Connection")
        if options.contains("close") { return false }
        if version == .http1_1 { return true }
        return options.contains("keep-alive")
    }

    /// The decoded value of one query parameter (`application/x-www-form-urlencoded` rules).
    public func queryItem(_ name: String) -> String? {
        guard let query else { return nil }
        for pair in query.split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if Self.formDecode(kv[0]) == name {
                return kv.count > 1 ? Self.formDecode(kv[1]) : ""
            }
        }
        return nil
    }

    private static func formDecode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"):
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                if let high = iterator.next(), let low = iterator.next(),
                   let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) {
                    bytes.append(value)
                }
            default:
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
