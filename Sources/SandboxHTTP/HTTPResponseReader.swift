/// Reads one HTTP/1.1 response from a stream (RFC 9112): the status line and fields, interim 1xx
/// responses skipped, then a body framed by chunked coding, Content-Length or the end of the
/// connection (§6.3), never more than a limit.
struct HTTPResponseReader {
    private let stream: any ClientStream
    private let deadline: ContinuousClock.Instant
    private let limit: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var total = 0

    init(stream: any ClientStream, deadline: ContinuousClock.Instant, limit: Int) {
        self.stream = stream
        self.deadline = deadline
        self.limit = limit
    }

    /// The response to a request made with `method`.
    mutating func read(method: String) throws(ClientError) -> ClientResponse {
        while true {
            let head = try readHead()
            let (status, reason, headers) = try Self.parseHead(head)
            // §15.2: interim responses precede the final one.
            if (100...199).contains(status) && status != 101 { continue }
            let body: [UInt8]
            if method == "HEAD" || status == 204 || status == 304 {
                body = []
            } else if let coding = headers["Transfer-Encoding"] {
                guard coding.lowercased().split(separator: ",").last?.trimmingCharacters(in: .whitespaces) == "chunked" else {
                    throw ClientError(.malformed, "the response's Transfer-Encoding is '\(coding)', not chunked")
                }
                body = try readChunked()
            } else if let length = headers["Content-Length"] {
                guard let count = Int(length), count >= 0 else { throw ClientError(.malformed, "the response's Content-Length '\(length)' is not a number") }
                body = try readExactly(count)
            } else {
                body = try readToEnd()
            }
            return ClientResponse(status: status, reason: reason, headers: headers, body: body)
        }
    }

    // MARK: - Framing

    private mutating func readHead() throws(ClientError) -> [UInt8] {
        while true {
            if let end = find([0x0D, 0x0A, 0x0D, 0x0A]) {
                let head = Array(buffer[start..<end])
                start = end + 4
                return head
            }
            guard buffer.count - start <= 64 * 1024 else { throw ClientError(.malformed, "the response's header block is over 64 KiB") }
            guard try fill() else {
                throw ClientError(.closed, total == 0 ? "the connection closed without a response" : "the connection closed inside the response's header block")
            }
        }
    }

    private static func parseHead(_ head: [UInt8]) throws(ClientError) -> (Int, String, HTTPHeaders) {
        let lines = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n")
        let statusLine = lines.first ?? ""
        let parts = statusLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), parts[1].count == 3, let status = Int(parts[1]) else {
            throw ClientError(.malformed, "not an HTTP/1.1 status line: '\(statusLine.prefix(80))'")
        }
        var headers = HTTPHeaders()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":"), !line.hasPrefix(" "), !line.hasPrefix("\t") else {
                throw ClientError(.malformed, "not a header field: '\(line.prefix(80))'")
            }
            headers.add(String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        return (status, parts.count > 2 ? String(parts[2]) : "", headers)
    }

    /// §7.1: chunk-size [ext] CRLF data CRLF … 0 CRLF trailers CRLF.
    private mutating func readChunked() throws(ClientError) -> [UInt8] {
        var body: [UInt8] = []
        while true {
            let line = try readLine()
            let sizeText = line.split(separator: ";", maxSplits: 1).first.map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
            guard let size = Int(sizeText, radix: 16), size >= 0 else { throw ClientError(.malformed, "bad chunk size '\(line.prefix(20))'") }
            if size == 0 {
                while try !readLine().isEmpty {}
                return body
            }
            body += try readExactly(size)
            guard try readLine().isEmpty else { throw ClientError(.malformed, "a chunk is not followed by CRLF") }
        }
    }

    private mutating func readLine() throws(ClientError) -> String {
        while true {
            if let end = find([0x0D, 0x0A]) {
                let line = String(decoding: buffer[start..<end], as: UTF8.self)
                start = end + 2
                return line
            }
            guard buffer.count - start <= 4096 else { throw ClientError(.malformed, "a chunk line is over 4 KiB") }
            guard try fill() else { throw ClientError(.closed, "the connection closed inside the chunked body") }
        }
    }

    private mutating func readExactly(_ count: Int) throws(ClientError) -> [UInt8] {
        guard total - (buffer.count - start) + count <= limit else { throw tooLarge() }
        while buffer.count - start < count {
            guard try fill() else {
                throw ClientError(.closed, "the connection closed after \(buffer.count - start) of \(count) body bytes")
            }
        }
        let bytes = Array(buffer[start..<start + count])
        start += count
        return bytes
    }

    private mutating func readToEnd() throws(ClientError) -> [UInt8] {
        while try fill() {}
        let bytes = Array(buffer[start...])
        start = buffer.count
        return bytes
    }

    // MARK: - Buffer

    /// Reads more; false at the end of the stream.
    private mutating func fill() throws(ClientError) -> Bool {
        let chunk = try stream.read(upTo: 16 * 1024, before: deadline)
        guard !chunk.isEmpty else { return false }
        total += chunk.count
        guard total <= limit else { throw tooLarge() }
        if start > 0 && start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        }
        buffer += chunk
        return true
    }

    private func tooLarge() -> ClientError {
        ClientError(.tooLarge, "the response is larger than \(limit) bytes")
    }

    private func find(_ pattern: [UInt8]) -> Int? {
        guard buffer.count - start >= pattern.count else { return nil }
        var index = start
        while index + pattern.count <= buffer.count {
            if buffer[index] == pattern[0] && Array(buffer[index..<index + pattern.count]) == pattern { return index }
            index += 1
        }
        return nil
    }
}
