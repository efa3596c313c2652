/// Builds signature candidate C2 (docs/signatures.md, Body forms): the body with JSON whitespace
/// removed, which is what compact senders sign and what Paylabs' rule "remove … \n, \r, \t and
/// space" means.
public enum JSONMinifier {
    /// Drops space, tab, CR and LF outside string literals, byte by byte and without parsing, so
    /// it also works on bodies that are not valid JSON: a signature over such a body can still be
    /// checked, and the parse error reported separately.
    public static func removingWhitespace(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                out.append(byte)
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case 0x20, 0x09, 0x0D, 0x0A:
                continue
            case UInt8(ascii: "\""):
                inString = true
                out.append(byte)
            default:
                out.append(byte)
            }
        }
        return out
    }
}
