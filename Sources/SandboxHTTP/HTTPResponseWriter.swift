/// Serialises responses (RFC 9112 §4, §6). Framing headers are the writer's alone: whatever a
/// handler put in `Content-Length`, `Transfer-Encoding`, `Connection` or `Date` is replaced, so a
/// handler cannot desynchronise the connection. Other headers are written sorted by name, so
/// golden tests see stable bytes.
public enum HTTPResponseWriter {
    private static let framingHeaders: Set<String> = ["content-length", "transfer-encoding", "connection", "date"]

    public static let continueBytes: [UInt8] = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// - Parameters:
    ///   - keepAlive: whether the connection stays open after this response.
    ///   - requestVersion: HTTP/1.0 clients need `Connection: keep-alive` spelled out.
    ///   - headOnly: a HEAD request gets the headers of the GET response and no body.
    ///   - streamed: the head of a `ResponseStream`: chunked for HTTP/1.1, no body yet.
    public static func serialize(
        _ response: HTTPResponse,
        keepAlive: Bool,
        requestVersion: HTTPVersion = .http1_1,
        headOnly: Bool = false,
        date: String? = nil,
        streamed: Bool = false
    ) -> [UInt8] {
        var head = "HTTP/1.1 \(response.status.code) \(response.status.reason)\r\n"
        let fields = response.headers.filter { !framingHeaders.contains($0.name.lowercased()) }
            .sorted { $0.name.lowercased() < $1.name.lowercased() }
        for field in fields {
            head += "\(field.name): \(field.value)\r\n"
        }
        if !keepAlive {
            head += "Connection: close\r\n"
        } else if requestVersion == .http1_0 {
            head += "Connection: keep-alive\r\n"
        }
        // RFC 9110 §8.6: no Content-Length in 1xx or 204 responses.
        let code = response.status.code
        if streamed {
            // HTTP/1.0 has no chunked coding: its stream ends when the connection closes.
            if requestVersion == .http1_1 { head += "Transfer-Encoding: chunked\r\n" }
        } else if code >= 200 && code != 204 {
            head += "Content-Length: \(response.body.count)\r\n"
        }
        if let date { head += "Date: \(date)\r\n" }
        head += "\r\n"
        var bytes = Array(head.utf8)
        if !headOnly && !streamed && code != 204 && code != 304 {
            bytes.append(contentsOf: response.body)
        }
        return bytes
    }

    /// One chunk of a chunked body (RFC 9112 §7.1); empty bytes make the last chunk, `0\r\n\r\n`.
    public static func chunk(_ bytes: [UInt8]) -> [UInt8] {
        var framed = Array(String(bytes.count, radix: 16).utf8) + [0x0D, 0x0A]
        framed.append(contentsOf: bytes)
        framed.append(contentsOf: [0x0D, 0x0A])
        return framed
    }
}
