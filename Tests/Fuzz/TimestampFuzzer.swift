import Foundation
import SandboxSupport

/// The X-TIMESTAMP / reqTime parser. Properties: it accepts exactly the documented grammar,
/// `yyyy-MM-ddTHH:mm:ss[.d{1,9}](Z|±HH:MM)` with a real calendar date (checked here by a second,
/// independent reading), and a time it accepts, written back in UTC by the project's formatter,
/// parses to the same whole second.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTimestamp(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = bytes(data, size)
    let text = String(decoding: input, as: UTF8.self)
    let parsed = SignatureTimestamp.parse(text)
    let grammatical = Array(text.utf8) == input && TimestampGrammar.matches(input)
    if (parsed != nil) != grammatical {
        violated("the timestamp parser \(parsed != nil ? "accepts" : "rejects") '\(text)', which the documented grammar \(grammatical ? "allows" : "does not allow")", "input \(hex(input))")
    }
    guard let parsed else { return 0 }
    let seconds = parsed.timeIntervalSince1970.rounded(.down)
    // The formatter writes four-digit years; outside them there is nothing to compare.
    guard seconds >= -62_135_596_800 + 86_400, seconds < 253_402_300_800 - 86_400 else { return 0 }
    let written = SignatureTimestamp.format(Date(timeIntervalSince1970: seconds), utcOffsetHours: 0, milliseconds: false)
    guard let again = SignatureTimestamp.parse(written), again.timeIntervalSince1970 == seconds else {
        violated("'\(text)' written back as '\(written)' does not parse to the same second", "input \(hex(input))")
    }
    return 0
}

/// The grammar and the calendar, read plainly and separately from the parser under test.
enum TimestampGrammar {
    static func matches(_ b: [UInt8]) -> Bool {
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= b.count, range.allSatisfy({ (0x30...0x39).contains(b[$0]) }) else { return nil }
            return range.reduce(0) { $0 * 10 + Int(b[$1] - 0x30) }
        }
        func at(_ index: Int, _ character: Character) -> Bool { index < b.count && b[index] == character.asciiValue! }
        guard let year = digits(0..<4), at(4, "-"), let month = digits(5..<7), at(7, "-"), let day = digits(8..<10), at(10, "T"),
              let hour = digits(11..<13), at(13, ":"), let minute = digits(14..<16), at(16, ":"), let second = digits(17..<19) else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(month), (1...monthDays[month - 1]).contains(day), hour < 24, minute < 60, second <= 60 else { return false }
        var index = 19
        if at(index, ".") {
            var count = 0
            index += 1
            while index < b.count, (0x30...0x39).contains(b[index]) { index += 1; count += 1 }
            guard (1...9).contains(count) else { return false }
        }
        if at(index, "Z") { return index + 1 == b.count }
        guard at(index, "+") || at(index, "-"), index + 6 == b.count, let offsetHours = digits(index + 1..<index + 3), at(index + 3, ":"),
              let offsetMinutes = digits(index + 4..<index + 6) else { return false }
        return offsetHours < 24 && offsetMinutes < 60
    }
}
