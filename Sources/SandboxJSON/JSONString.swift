/// Quotes a string as a JSON string literal (RFC 8259 §7), escaping only what JSON requires:
/// `"`, `\` and control characters; `/` and non-ASCII stay literal, as the signature rules expect
/// of a canonical form. The one escaper of the project: the HTTP layer's error bodies, the logs
/// and the canonical JSON writer all use it.
public enum JSONString {
    public static func quoted(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 2)
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` as a JSON string literal, quotes included.
    public static func append(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): appendEscape(UInt8(ascii: "\""), to: &out)
            case UInt8(ascii: "\\"): appendEscape(UInt8(ascii: "\\"), to: &out)
            case 0x08: appendEscape(UInt8(ascii: "b"), to: &out)
            case 0x0C: appendEscape(UInt8(ascii: "f"), to: &out)
            case 0x0A: appendEscape(UInt8(ascii: "n"), to: &out)
            case 0x0D: appendEscape(UInt8(ascii: "r"), to: &out)
            case 0x09: appendEscape(UInt8(ascii: "t"), to: &out)
            case 0x00..<0x20:
                // Lowercase hex, as Python, PHP and JavaScript write it.
                appendEscape(UInt8(ascii: "u"), to: &out)
                out.append(UInt8(ascii: "0"))
                out.append(UInt8(ascii: "0"))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            default:
                out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func appendEscape(_ letter: UInt8, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        out.append(letter)
    }
}
