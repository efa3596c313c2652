import Foundation

/// The timestamps partners put in `X-TIMESTAMP` and `reqTime`. DANA documents
/// `yyyy-MM-ddTHH:mm:ss+07:00`, but real clients send `Z` (dana-node on a UTC host), milliseconds
/// (paylabs-sdk) or other fraction digits (PHP's `.B`), so any ISO-8601 offset and any fraction is
/// accepted: `yyyy-MM-ddTHH:mm:ss[.d{1,9}](Z|±HH:MM)`.
public enum SignatureTimestamp {
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 else { return nil }
                value = value * 10 + Int(bytes[index] - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), bytes[4] == UInt8(ascii: "-"), let month = number(5..<7), bytes[7] == UInt8(ascii: "-"),
              let day = number(8..<10), bytes[10] == UInt8(ascii: "T"), let hour = number(11..<13), bytes[13] == UInt8(ascii: ":"),
              let minute = number(14..<16), bytes[16] == UInt8(ascii: ":"), let second = number(17..<19),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        var index = 19
        var fraction = 0.0
        if bytes[index] == UInt8(ascii: ".") {
            var scale = 0.1
            index += 1
            let start = index
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                fraction += Double(bytes[index] - 0x30) * scale
                scale /= 10
                index += 1
            }
            guard index - start >= 1, index - start <= 9 else { return nil }
        }
        guard index < bytes.count else { return nil }
        var offsetSeconds = 0
        if bytes[index] == UInt8(ascii: "Z") {
            guard index + 1 == bytes.count else { return nil }
        } else {
            guard bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"), index + 6 == bytes.count,
                  let offsetHours = number(index + 1..<index + 3), bytes[index + 3] == UInt8(ascii: ":"),
                  let offsetMinutes = number(index + 4..<index + 6), offsetHours < 24, offsetMinutes < 60 else { return nil }
            offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
        }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        // The seconds are added after timegm: a leap second (23:59:60, only ever at the end of a
        // month) would otherwise roll the date into the next month and fail the check below.
        parts.tm_sec = 0
        let utc = timegm(&parts) + time_t(second)
        // timegm normalises 31 February into March; a round trip catches such dates.
        guard parts.tm_mday == Int32(day), parts.tm_mon == Int32(month - 1) else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(utc - offsetSeconds) + fraction)
    }

    /// `yyyy-MM-ddTHH:mm:ss+07:00`: how DANA and Paylabs write times, in Jakarta time.
    public static func jakarta(_ date: Date, milliseconds: Bool = false) -> String {
        format(date, utcOffsetHours: 7, milliseconds: milliseconds)
    }

    /// ISO-8601 with a whole-hour offset (`Z` for 0), by hand: a DateFormatter per log line or
    /// response would cost more than the rest of it. The one formatter for API, log and journal times.
    public static func format(_ date: Date, utcOffsetHours: Int, milliseconds: Bool) -> String {
        let shifted = date.timeIntervalSince1970 + Double(utcOffsetHours * 3600)
        var seconds = time_t(shifted.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        // Digits written into one byte buffer: string interpolation of padded parts was a few
        // per cent of every request (each answer and log line carries a time).
        var text = [UInt8]()
        text.reserveCapacity(29)
        func digits(_ value: Int32, _ width: Int) {
            var divisor: Int32 = 1
            for _ in 1..<width { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                text.append(UInt8(ascii: "0") + UInt8((rest / divisor) % 10))
                rest %= divisor
                divisor /= 10
            }
        }
        func separator(_ character: Unicode.Scalar) { text.append(UInt8(ascii: character)) }
        digits(parts.tm_year + 1900, 4); separator("-"); digits(parts.tm_mon + 1, 2); separator("-"); digits(parts.tm_mday, 2)
        separator("T"); digits(parts.tm_hour, 2); separator(":"); digits(parts.tm_min, 2); separator(":"); digits(parts.tm_sec, 2)
        if milliseconds {
            separator("."); digits(Int32((shifted - shifted.rounded(.down)) * 1000), 3)
        }
        if utcOffsetHours == 0 {
            separator("Z")
        } else {
            separator(utcOffsetHours > 0 ? "+" : "-"); digits(Int32(abs(utcOffsetHours)), 2); separator(":"); digits(0, 2)
        }
        return String(decoding: text, as: UTF8.self)
    }
}
