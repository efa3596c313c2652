/// Amounts as the APIs write them. The store keeps cents as integers; the wire has decimal text
/// with two digits ("10000.00"), validated without floating point.
public enum Money {
    /// "10000.00" from 1000000 cents.
    public static func decimalString(cents: Int64) -> String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Cents from "10000.00": digits, a point and exactly two digits (ISO 4217 for IDR), at most
    /// 19 characters; nil for anything else ("10000", "1e4", "-1.00", "10.5").
    public static func cents(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 4, bytes.count <= 19, bytes[bytes.count - 3] == UInt8(ascii: ".") else { return nil }
        let whole = bytes[0..<(bytes.count - 3)], fraction = bytes[(bytes.count - 2)...]
        guard !whole.isEmpty, whole.allSatisfy(isDigit), fraction.allSatisfy(isDigit),
              whole.count == 1 || whole.first != UInt8(ascii: "0") else { return nil }
        guard let units = Int64(String(decoding: whole, as: UTF8.self)), let cents = Int64(String(decoding: fraction, as: UTF8.self)) else { return nil }
        let (scaled, overflow) = units.multipliedReportingOverflow(by: 100)
        return overflow ? nil : scaled + cents
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
