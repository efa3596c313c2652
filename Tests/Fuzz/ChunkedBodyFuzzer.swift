import SandboxHTTP

/// Chunked decoding (RFC 9112 §7.1): the input is a chunked body after a fixed header block, fed
/// whole, byte by byte and in random splits. Properties: every feeding agrees, and whenever the
/// parser accepts a body it is the body an independent, plain reading of §7.1 decodes from the same
/// bytes (sizes as hex digits with optional whitespace before `;` extensions, CRLF or LF endings,
/// trailers dropped); when the parser rejects, that reading rejects too or a limit was passed.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzChunkedBody(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let body = bytes(data, size)
    let head = Array("POST /chunked HTTP/1.1\r\nHost: fuzz\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)
    let input = head + body
    let limits = HTTPParserLimits(maxRequestLineBytes: 200, maxHeaderBlockBytes: 600, maxBodyBytes: 1000)
    let expected = ReferenceChunkedDecoder.decode(body, limits: limits)
    for feeding in feedings(of: input) {
        var parser = HTTPRequestParser(limits: limits)
        var outcome = Parsed.incomplete
        feed: for piece in feeding.pieces {
            parser.append(contentsOf: piece)
            do {
                while true {
                    switch try parser.next() {
                    case .request(let request):
                        outcome = .body(request.body)
                        break feed
                    case .continueExpected: continue
                    case .needMoreData: continue feed
                    }
                }
            } catch {
                outcome = .error("\(error.kind)")
                break feed
            }
        }
        switch expected {
        case .body(let decoded):
            if outcome != .body(decoded) {
                violated("chunked body decoded \(feeding.name) differs from RFC 9112 §7.1", "input \(hex(body))\nexpected body \(hex(decoded))\ngot \(outcome)")
            }
        case .incomplete:
            if case .body = outcome {
                violated("a body was accepted \(feeding.name) before its last chunk and blank line", "input \(hex(body))\ngot \(outcome)")
            }
        case .invalid:
            if case .body = outcome {
                violated("a body that breaks RFC 9112 §7.1 was accepted \(feeding.name)", "input \(hex(body))\ngot \(outcome)")
            }
        }
    }
    return 0
}

/// What the parser made of a feeding, compared as a value.
enum Parsed: Equatable {
    case body([UInt8])
    case error(String)
    case incomplete
}

/// A second, deliberately simple decoder over the whole input at once.
enum ReferenceChunkedDecoder {
    enum Outcome { case body([UInt8]), incomplete, invalid }

    /// The parser's limits are part of the contract: a size line over 1 KiB, trailers over the
    /// header block limit and a body over its limit are refused.
    static func decode(_ input: [UInt8], limits: HTTPParserLimits) -> Outcome {
        var index = 0
        var body: [UInt8] = []
        var trailerBytes = 0
        /// One line without its LF or CRLF, or nil when no LF has arrived.
        func line() -> [UInt8]? {
            guard let lf = input[index...].firstIndex(of: 0x0A) else { return nil }
            var text = Array(input[index..<lf])
            if text.last == 0x0D { text.removeLast() }
            index = lf + 1
            return text
        }
        while true {
            guard let sizeLine = line() else { return .incomplete }
            guard sizeLine.count <= 1024 else { return .invalid }
            var digits = Array(sizeLine.prefix { $0 != UInt8(ascii: ";") })
            while let last = digits.last, last == 0x20 || last == 0x09 { digits.removeLast() }
            guard !digits.isEmpty, digits.count <= 15, digits.allSatisfy(isHexDigit),
                  let size = Int(String(decoding: digits, as: UTF8.self), radix: 16) else { return .invalid }
            if size == 0 {
                while true {
                    guard let trailer = line() else { return .incomplete }
                    if trailer.isEmpty { return .body(body) }
                    trailerBytes += trailer.count
                    guard trailerBytes <= limits.maxHeaderBlockBytes else { return .invalid }
                }
            }
            guard body.count + size <= limits.maxBodyBytes else { return .invalid }
            guard input.count - index >= size else { return .incomplete }
            body += input[index..<index + size]
            index += size
            guard let end = line() else { return .incomplete }
            guard end.isEmpty else { return .invalid }
        }
    }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }
}
