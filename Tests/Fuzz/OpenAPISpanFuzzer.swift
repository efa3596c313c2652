import DanaSandboxAPIs
import SandboxJSON

/// The raw-member span finder behind Open API signatures (the `request` member is verified over
/// its bytes as sent). Properties: the finder accepts exactly what the full parser accepts as an
/// object; it reports the root's members in order, with their keys; each span is the exact text of
/// its value (it parses, alone, to the value the full parse put there, and starts and ends on the
/// value's own bytes, not on whitespace); and the envelope's signed bytes are the `request` span.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOpenAPISpan(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = bytes(data, size)
    let document = try? JSONScanner.parse(input)
    let spans = try? JSONScanner.topLevelMembers(input)
    guard let members = document?.objectMembers else {
        if spans != nil { violated("spans were found in a body that is not a JSON object", "input \(hex(input))") }
        if case .success = OpenAPIRequest.parse(input) { violated("an envelope was accepted from a body that is not an object", "input \(hex(input))") }
        return 0
    }
    guard let spans else { violated("the span finder rejects an object the parser accepts", "input \(hex(input))") }
    guard spans.map(\.key) == members.map(\.key) else {
        violated("the spans' keys are not the root's members in order", "input \(hex(input))")
    }
    for (span, member) in zip(spans, members) {
        guard span.valueRange.lowerBound >= 0, span.valueRange.upperBound <= input.count, !span.valueRange.isEmpty else {
            violated("the span of '\(member.key)' is outside the input", "input \(hex(input)) span \(span.valueRange)")
        }
        let text = Array(input[span.valueRange])
        for edge in [text.first!, text.last!] where [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ","), UInt8(ascii: ":")].contains(edge) {
            violated("the span of '\(member.key)' starts or ends outside its value", "input \(hex(input)) span \(span.valueRange)")
        }
        guard let alone = try? JSONScanner.parse(text),
              JSONCanonicalWriter.write(alone) == JSONCanonicalWriter.write(member.value) else {
            violated("the span of '\(member.key)' is not the text the full parse placed there", "input \(hex(input)) span \(span.valueRange)")
        }
    }
    if case .success(let envelope) = OpenAPIRequest.parse(input) {
        guard let request = spans.first(where: { $0.key == "request" }), envelope.signedBytes == Array(input[request.valueRange]) else {
            violated("the envelope's signed bytes are not the raw request member", "input \(hex(input))")
        }
    }
    return 0
}
