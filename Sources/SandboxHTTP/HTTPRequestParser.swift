/// An incremental HTTP/1.1 request parser (RFC 9112) over the bytes of one connection.
///
/// Feed it bytes with `append`, then call `next()` until it answers `.needMoreData`. Requests come
/// out whole and in order, so pipelined requests are answered one at a time. It is a pure value:
/// no sockets, no clock, so every framing rule is testable from a string.
public struct HTTPRequestParser: Sendable {
    public enum Event: Sendable {
        /// A complete request; call `next()` again for a pipelined one.
        case request(HTTPRequest)
        /// The client sent `Expect: 100-continue` and waits before sending the body: answer
        /// `100 Continue` and call `next()` again (RFC 9110 §10.1.1).
        case continueExpected
        case needMoreData
    }

    public let limits: HTTPParserLimits

    private var buffer: [UInt8] = []
    /// The first byte not yet consumed; bytes before it are garbage kept to avoid copying.
    private var start = 0
    private var state: State = .head(scanned: 0)

    private struct Head: Sendable {
        var method: HTTPMethod
        var target: String
        var version: HTTPVersion
        var headers: HTTPHeaders
        var expectsContinue: Bool
    }

    private enum State: Sendable {
        /// Looking for the blank line that ends the header block; `scanned` bytes after `start`
        /// are known to hold no end, so arriving data is not scanned twice.
        case head(scanned: Int)
        case fixedBody(Head, length: Int, continueSent: Bool)
        case chunked(Head, ChunkedBody, continueSent: Bool)
    }

    private struct ChunkedBody: Sendable {
        enum Step: Sendable { case size, data(remaining: Int), dataEnd, trailers(bytes: Int) }
        var step: Step = .size
        var body: [UInt8] = []
    }

    public init(limits: HTTPParserLimits = HTTPParserLimits()) {
        self.limits = limits
    }

    /// True while a request has begun but is not complete: what the read timeout watches.
    public var hasPartialRequest: Bool {
        switch state {
        case .head: return buffer[start...].contains { $0 != 0x0D && $0 != 0x0A }
        case .fixedBody, .chunked: return true
        }
    }

    /// Bytes received and not yet consumed by a request.
    public var bufferedByteCount: Int { buffer.count - start }

    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    public mutating func append<Bytes: Sequence>(contentsOf bytes: Bytes) where Bytes.Element == UInt8 {
        compact()
        buffer.append(contentsOf: bytes)
    }

    private mutating func compact() {
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start >= 64 * 1024 {
            buffer.removeFirst(start)
            start = 0
        }
    }

    /// The next event. After it throws, the connection must answer the error and close.
    public mutating func next() throws(HTTPParseError) -> Event {
        switch state {
        case .head(let scanned):
            guard let head = try parseHead(scanned: scanned) else { return .needMoreData }
            return try beginBody(head)
        case .fixedBody(let head, let length, let continueSent):
            if buffer.count - start >= length {
                let body = Array(buffer[start..<start + length])
                start += length
                state = .head(scanned: 0)
                return .request(makeRequest(head, body: body))
            }
            if head.expectsContinue && !continueSent && buffer.count == start {
                state = .fixedBody(head, length: length, continueSent: true)
                return .continueExpected
            }
            return .needMoreData
        case .chunked(let head, var chunks, let continueSent):
            if head.expectsContinue && !continueSent && buffer.count == start {
                state = .chunked(head, chunks, continueSent: true)
                return .continueExpected
            }
            // Leave the state without the body while decoding: otherwise the enum still holds
            // a reference and every append copies the whole body so far (quadratic for a body
            // that trickles in).
            state = .head(scanned: 0)
            if try decodeChunks(&chunks) {
                state = .head(scanned: 0)
                return .request(makeRequest(head, body: chunks.body))
            }
            state = .chunked(head, chunks, continueSent: true)
            return .needMoreData
        }
    }

    private func makeRequest(_ head: Head, body: [UInt8]) -> HTTPRequest {
        HTTPRequest(method: head.method, target: head.target, version: head.version, headers: head.headers, body: body)
    }

    // MARK: - Header block

    private mutating func parseHead(scanned: Int) throws(HTTPParseError) -> Head? {
        // RFC 9112 §2.2: a server SHOULD ignore at least one empty line before the request-line.
        if scanned == 0 {
            while start < buffer.count, buffer[start] == 0x0D || buffer[start] == 0x0A { start += 1 }
        }
        guard start < buffer.count else { return nil }

        // Look for the blank line from the last LF already seen, so bytes that trickle in are
        // not scanned again and again.
        var cursor = start + scanned
        var blockEnd: Int? = nil
        while let lf = buffer[cursor...].firstIndex(of: 0x0A) {
            let next = lf + 1
            if next < buffer.count, buffer[next] == 0x0A {
                blockEnd = next + 1
                break
            }
            if next + 1 < buffer.count, buffer[next] == 0x0D, buffer[next + 1] == 0x0A {
                blockEnd = next + 2
                break
            }
            if next >= buffer.count || (next + 1 >= buffer.count && buffer[next] == 0x0D) {
                cursor = lf
                break
            }
            cursor = next
        }

        guard let blockEnd else {
            let pending = buffer.count - start
            // Room for the line's CR as well as its LF: a line of exactly the limit, cut off
            // before its LF, is not yet too long (it is accepted when it arrives whole).
            if pending > limits.maxRequestLineBytes + 1, !buffer[start..<start + limits.maxRequestLineBytes + 2].contains(0x0A) {
                throw HTTPParseError(.requestLineTooLong, "The request line is longer than \(limits.maxRequestLineBytes) bytes.")
            }
            if pending > limits.maxHeaderBlockBytes {
                throw HTTPParseError(.headerBlockTooLarge, "The header block is larger than \(limits.maxHeaderBlockBytes) bytes.")
            }
            state = .head(scanned: max(0, cursor - start))
            return nil
        }
        if blockEnd - start > limits.maxHeaderBlockBytes {
            throw HTTPParseError(.headerBlockTooLarge, "The header block is larger than \(limits.maxHeaderBlockBytes) bytes.")
        }

        var lines: [Range<Int>] = []
        var lineStart = start
        while lineStart < blockEnd, let lf = buffer[lineStart..<blockEnd].firstIndex(of: 0x0A) {
            let lineEnd = lf > lineStart && buffer[lf - 1] == 0x0D ? lf - 1 : lf
            if lineEnd == lineStart { break }
            lines.append(lineStart..<lineEnd)
            lineStart = lf + 1
        }
        if lines[0].count > limits.maxRequestLineBytes {
            throw HTTPParseError(.requestLineTooLong, "The request line is longer than \(limits.maxRequestLineBytes) bytes.")
        }

        let (method, target, version) = try parseRequestLine(lines[0])
        var headers = HTTPHeaders()
        for line in lines.dropFirst() {
            let (name, value) = try parseField(line)
            headers.add(name, value)
        }
        start = blockEnd
        state = .head(scanned: 0)
        return try validate(Head(method: method, target: target, version: version, headers: headers, expectsContinue: false))
    }

    /// request-line = method SP request-target SP HTTP-version (RFC 9112 §3).
    private func parseRequestLine(_ line: Range<Int>) throws(HTTPParseError) -> (HTTPMethod, String, HTTPVersion) {
        let bytes = buffer[line]
        if bytes.contains(0x0D) {
            throw HTTPParseError(.invalidRequestLine, "The request line contains a bare CR.")
        }
        let parts = bytes.split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw HTTPParseError(.invalidRequestLine, "The request line is not 'METHOD TARGET HTTP/1.1'.")
        }
        guard parts[0].allSatisfy(Self.isTokenByte) else {
            throw HTTPParseError(.invalidMethod, "The method is not a valid token.")
        }
        let method = HTTPMethod(String(decoding: parts[0], as: UTF8.self))
        let target = try parseTarget(parts[1], method: method)
        let version = try parseVersion(parts[2])
        return (method, target, version)
    }

    /// Origin-form, absolute-form (reduced to its path, RFC 9112 §3.2.2) or `*` for OPTIONS.
    private func parseTarget(_ bytes: ArraySlice<UInt8>, method: HTTPMethod) throws(HTTPParseError) -> String {
        guard bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw HTTPParseError(.invalidTarget, "The request target contains a space, a control character or a non-ASCII byte.")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("/") { return text }
        if text == "*" && method == .options { return text }
        let lower = text.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            let afterScheme = text.dropFirst(lower.hasPrefix("https://") ? 8 : 7)
            guard let slash = afterScheme.firstIndex(where: { $0 == "/" || $0 == "?" }) else { return "/" }
            let rest = String(afterScheme[slash...])
            return rest.hasPrefix("?") ? "/" + rest : rest
        }
        throw HTTPParseError(.invalidTarget, "The request target must start with '/'.")
    }

    /// HTTP-version = "HTTP/" DIGIT "." DIGIT (RFC 9112 §2.3). A higher 1.x minor is served as
    /// 1.1 (RFC 9110 §6.2); another major version gets 505.
    private func parseVersion(_ bytes: ArraySlice<UInt8>) throws(HTTPParseError) -> HTTPVersion {
        let text = Array(bytes)
        guard text.count == 8, text.starts(with: Array("HTTP/".utf8)),
              Self.isDigit(text[5]), text[6] == UInt8(ascii: "."), Self.isDigit(text[7]) else {
            throw HTTPParseError(.invalidRequestLine, "The protocol version is not 'HTTP/1.1'.")
        }
        let major = Int(text[5] - 0x30)
        let minor = Int(text[7] - 0x30)
        guard major == 1 else {
            throw HTTPParseError(.unsupportedVersion, "Only HTTP/1.0 and HTTP/1.1 are served.")
        }
        return minor == 0 ? .http1_0 : .http1_1
    }

    /// field-line = field-name ":" OWS field-value OWS (RFC 9112 §5).
    private func parseField(_ line: Range<Int>) throws(HTTPParseError) -> (String, String) {
        let bytes = buffer[line]
        if let first = bytes.first, first == 0x20 || first == 0x09 {
            // RFC 9112 §5.2: obsolete line folding may be rejected with 400.
            throw HTTPParseError(.invalidHeader, "Obsolete header line folding is not accepted.")
        }
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else {
            throw HTTPParseError(.invalidHeader, "A header line has no colon.")
        }
        let name = bytes[bytes.startIndex..<colon]
        guard !name.isEmpty, name.allSatisfy(Self.isTokenByte) else {
            // RFC 9112 §5.1: whitespace between the name and the colon MUST be rejected with 400.
            throw HTTPParseError(.invalidHeader, "A header name is empty or not a valid token.")
        }
        var value = bytes[(colon + 1)...]
        while let first = value.first, first == 0x20 || first == 0x09 { value = value.dropFirst() }
        while let last = value.last, last == 0x20 || last == 0x09 { value = value.dropLast() }
        // RFC 9110 §5.5: CR, LF and NUL are never valid in a field value.
        if value.contains(where: { $0 == 0x00 || $0 == 0x0D || $0 == 0x0A }) {
            throw HTTPParseError(.invalidHeader, "The value of header '\(String(decoding: name, as: UTF8.self))' contains CR or NUL.")
        }
        return (String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self))
    }

    // MARK: - Framing

    private func validate(_ head: Head) throws(HTTPParseError) -> Head {
        var head = head
        let hosts = head.headers.values("Host")
        // RFC 9112 §3.2: no Host, or more than one, in an HTTP/1.1 request is a 400.
        if head.version == .http1_1 && hosts.count != 1 {
            throw HTTPParseError(.missingHost, hosts.isEmpty ? "An HTTP/1.1 request needs a Host header." : "A request may carry only one Host header.")
        }
        if let expectation = head.headers["Expect"], head.version == .http1_1 {
            // RFC 9110 §10.1.1: 100-continue is the only expectation defined; others may get 417.
            guard expectation.lowercased() == "100-continue" else {
                throw HTTPParseError(.unsupportedExpectation, "Only 'Expect: 100-continue' is supported.")
            }
            head.expectsContinue = true
        }
        return head
    }

    private mutating func beginBody(_ head: Head) throws(HTTPParseError) -> Event {
        let transferEncodings = head.headers.tokens("Transfer-Encoding")
        let contentLengths = head.headers.values("Content-Length")
        if !transferEncodings.isEmpty || head.headers.contains("Transfer-Encoding") {
            // RFC 9112 §6.1: both present is a smuggling attempt or a broken client; reject it.
            if !contentLengths.isEmpty {
                throw HTTPParseError(.contentLengthWithTransferEncoding, "A request may not carry both Content-Length and Transfer-Encoding.")
            }
            if head.version == .http1_0 {
                throw HTTPParseError(.invalidHeader, "Transfer-Encoding is not allowed in an HTTP/1.0 request.")
            }
            // RFC 9112 §6.3: if chunked is not the final coding the length is unknowable: 400.
            guard transferEncodings.last == "chunked" else {
                throw HTTPParseError(.invalidHeader, "The final transfer coding must be 'chunked'.")
            }
            guard transferEncodings == ["chunked"] else {
                throw HTTPParseError(.unsupportedTransferEncoding, "Only the 'chunked' transfer coding is supported.")
            }
            state = .chunked(head, ChunkedBody(), continueSent: false)
            return try next()
        }
        let length = try contentLength(contentLengths)
        if length > limits.maxBodyBytes {
            throw HTTPParseError(.bodyTooLarge, "The body is larger than \(limits.maxBodyBytes) bytes.")
        }
        if length == 0 {
            state = .head(scanned: 0)
            return .request(makeRequest(head, body: []))
        }
        state = .fixedBody(head, length: length, continueSent: false)
        return try next()
    }

    /// RFC 9110 §8.6: a list of identical values (`42, 42`) may be accepted as one; anything
    /// else that is not a plain decimal is a 400.
    private func contentLength(_ values: [String]) throws(HTTPParseError) -> Int {
        let elements = values.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
            .map { $0.trimmingASCIIWhitespace() }
        guard let first = elements.first else { return 0 }
        guard elements.allSatisfy({ $0 == first }), !first.isEmpty, first.utf8.count <= 18,
              first.utf8.allSatisfy(Self.isDigit), let length = Int(first) else {
            throw HTTPParseError(.invalidContentLength, "Content-Length is not a single decimal number.")
        }
        return length
    }

    /// Decodes as much of a chunked body (RFC 9112 §7.1) as has arrived; true when complete.
    private mutating func decodeChunks(_ chunks: inout ChunkedBody) throws(HTTPParseError) -> Bool {
        while true {
            switch chunks.step {
            case .size:
                guard let line = try takeLine(limit: 1024, what: "chunk size line") else { return false }
                // chunk = chunk-size [ chunk-ext ] CRLF; extensions are ignored (§7.1.1). Only the
                // BWS before an extension may follow the digits: whitespace before or inside them
                // ("1 0") is not a size, and reading it as one is how a proxy and a server come to
                // disagree on where a body ends.
                var sizeText = buffer[line].prefix { $0 != UInt8(ascii: ";") }
                while let last = sizeText.last, last == 0x20 || last == 0x09 { sizeText = sizeText.dropLast() }
                guard !sizeText.isEmpty, sizeText.count <= 15, sizeText.allSatisfy(Self.isHexDigit),
                      let size = Int(String(decoding: sizeText, as: UTF8.self), radix: 16) else {
                    throw HTTPParseError(.invalidChunk, "A chunk size is not a hexadecimal number.")
                }
                if chunks.body.count + size > limits.maxBodyBytes {
                    throw HTTPParseError(.bodyTooLarge, "The body is larger than \(limits.maxBodyBytes) bytes.")
                }
                chunks.step = size == 0 ? .trailers(bytes: 0) : .data(remaining: size)
            case .data(let remaining):
                let available = min(remaining, buffer.count - start)
                guard available > 0 else { return false }
                chunks.body.append(contentsOf: buffer[start..<start + available])
                start += available
                chunks.step = remaining == available ? .dataEnd : .data(remaining: remaining - available)
            case .dataEnd:
                guard let line = try takeLine(limit: 2, what: "chunk end") else { return false }
                guard line.isEmpty else {
                    throw HTTPParseError(.invalidChunk, "Chunk data is longer than its declared size.")
                }
                chunks.step = .size
            case .trailers(let bytes):
                // Trailer fields are read and dropped: none of the served APIs uses them.
                guard let line = try takeLine(limit: limits.maxHeaderBlockBytes, what: "trailer") else { return false }
                if line.isEmpty { return true }
                if bytes + line.count > limits.maxHeaderBlockBytes {
                    throw HTTPParseError(.headerBlockTooLarge, "The trailer section is larger than \(limits.maxHeaderBlockBytes) bytes.")
                }
                chunks.step = .trailers(bytes: bytes + line.count)
            }
        }
    }

    /// Consumes one line (without its CRLF or LF) if a whole one has arrived.
    private mutating func takeLine(limit: Int, what: String) throws(HTTPParseError) -> Range<Int>? {
        guard let lf = buffer[start...].firstIndex(of: 0x0A) else {
            if buffer.count - start > limit + 2 {
                throw HTTPParseError(.invalidChunk, "The \(what) is too long.")
            }
            return nil
        }
        var end = lf
        if end > start, buffer[end - 1] == 0x0D { end -= 1 }
        if end - start > limit {
            throw HTTPParseError(.invalidChunk, "The \(what) is too long.")
        }
        let line = start..<end
        start = lf + 1
        return line
    }

    // MARK: - Character classes

    /// tchar (RFC 9110 §5.6.2).
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
    }
}
