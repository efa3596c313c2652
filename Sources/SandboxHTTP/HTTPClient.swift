/// An HTTP/1.1 client for one request per connection, on blocking calls with deadlines: run it off
/// the event loops (a handler returns `Reply.deferred` and calls it on another thread). TLS is
/// supplied by the caller as a `secure` step, so this layer stays free of any TLS library.
public struct HTTPClient: Sendable {
    /// Wraps a connected TCP stream in TLS for `url`'s host, before the deadline.
    public typealias Securer = @Sendable (TCPClientStream, ClientURL, ContinuousClock.Instant) throws(ClientError) -> any ClientStream

    public var connectTimeout: Duration
    public var totalTimeout: Duration
    public var maxResponseBytes: Int
    public var secure: Securer?

    public init(connectTimeout: Duration, totalTimeout: Duration, maxResponseBytes: Int, secure: Securer?) {
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.maxResponseBytes = maxResponseBytes
        self.secure = secure
    }

    /// The header fields `send` writes: `Host`, `Content-Length` and `Connection: close`, then
    /// `headers`.
    public static func fields(url: ClientURL, headers: HTTPHeaders, bodyLength: Int) -> HTTPHeaders {
        var all: HTTPHeaders = ["Host": url.authority]
        all.add("Content-Length", String(bodyLength))
        all.add("Connection", "close")
        for field in headers { all.add(field.name, field.value) }
        return all
    }

    /// The exact bytes `send` writes for this request.
    public static func requestBytes(method: String, url: ClientURL, headers: HTTPHeaders, body: [UInt8]) -> [UInt8] {
        var text = "\(method) \(url.target) HTTP/1.1\r\n"
        for field in fields(url: url, headers: headers, bodyLength: body.count) { text += "\(field.name): \(field.value)\r\n" }
        return Array((text + "\r\n").utf8) + body
    }

    /// Sends the request and reads the whole response, or says which phase failed.
    public func send(method: String, url: ClientURL, headers: HTTPHeaders, body: [UInt8]) throws(ClientError) -> ClientResponse {
        let started = ContinuousClock.now
        let deadline = started + totalTimeout
        let tcp = try TCPClientStream(host: url.host, port: url.port, before: min(deadline, started + connectTimeout))
        let stream: any ClientStream
        if url.isSecure {
            guard let secure else { throw ClientError(.tls, "https is not available here") }
            stream = try secure(tcp, url, deadline)
        } else {
            stream = tcp
        }
        try stream.write(Self.requestBytes(method: method, url: url, headers: headers, body: body), before: deadline)
        var reader = HTTPResponseReader(stream: stream, deadline: deadline, limit: maxResponseBytes)
        return try reader.read(method: method)
    }
}
