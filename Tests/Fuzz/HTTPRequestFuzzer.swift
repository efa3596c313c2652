import SandboxHTTP

/// The HTTP/1.1 request parser under arbitrary bytes, delivered whole, one byte at a time and in
/// random splits. Property: the same requests come out, and the same framing error stops it,
/// however the bytes arrive (a parser that depends on read sizes answers a client differently
/// depending on the network). Small limits, so the 414/431/413 paths are reached by short inputs.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTTPRequest(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = bytes(data, size)
    let limits = HTTPParserLimits(maxRequestLineBytes: 200, maxHeaderBlockBytes: 600, maxBodyBytes: 1000)
    var reference: [HTTPTranscript.Line]? = nil
    for feeding in feedings(of: input) {
        let transcript = HTTPTranscript.of(feeding.pieces, limits: limits)
        if let reference, reference != transcript {
            violated("a request parses differently when its bytes arrive \(feeding.name)",
                     "input \(hex(input))\nwhole: \(reference)\n\(feeding.name): \(transcript)")
        }
        reference = reference ?? transcript
    }
    return 0
}

/// What a connection would see: each request, then the error that closed it or what is left over.
/// `100 Continue` events are left out: they depend on arrival by design (sent only while the body
/// has not started). Compared as values, and turned into text only for a violation's message:
/// building strings for every feeding cost most of each execution.
enum HTTPTranscript {
    enum Line: Equatable {
        case request(method: String, target: String, version: String, headers: [HTTPHeaders.Field], body: [UInt8], keepAlive: Bool)
        case error(String)
        case end(partial: Bool, buffered: Int)
    }

    static func of(_ pieces: [ArraySlice<UInt8>], limits: HTTPParserLimits) -> [Line] {
        var parser = HTTPRequestParser(limits: limits)
        var lines: [Line] = []
        for piece in pieces {
            parser.append(contentsOf: piece)
            do {
                loop: while true {
                    switch try parser.next() {
                    case .request(let request):
                        lines.append(.request(
                            method: request.method.rawValue, target: request.target, version: "\(request.version)",
                            headers: Array(request.headers), body: request.body, keepAlive: request.shouldKeepAlive
                        ))
                    case .continueExpected: continue
                    case .needMoreData: break loop
                    }
                }
            } catch {
                lines.append(.error("\(error.kind)"))
                return lines
            }
        }
        lines.append(.end(partial: parser.hasPartialRequest, buffered: parser.bufferedByteCount))
        return lines
    }
}
