/// Writes the canonical form used as signature candidate C3/C4 (docs/signatures.md, Body forms): no
/// whitespace, members in their original order, numbers as their lexeme, and strings escaped only
/// where JSON requires it (`"`, `\`, U+0000–U+001F), the way Python (`ensure_ascii=False`), PHP
/// (`JSON_UNESCAPED_SLASHES|JSON_UNESCAPED_UNICODE`) and JavaScript write them. `/` and non-ASCII
/// stay literal UTF-8, so a body sent as `Jos\u00e9` or `https:\/\/…` maps to what was signed.
public enum JSONCanonicalWriter {
    public static func write(_ value: JSONValue) -> [UInt8] {
        write(value, droppingNullMembers: false)
    }

    /// With `droppingNullMembers`, object members whose value is `null` are left out at every level
    /// (Paylabs: "If the value of the field is null, then you don't have to include such fields in
    /// the creating signature process"); `null` array elements stay, since dropping them would shift
    /// positions.
    public static func write(_ value: JSONValue, droppingNullMembers: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        append(value, to: &out, droppingNullMembers: droppingNullMembers)
        return out
    }

    private static func append(_ value: JSONValue, to out: inout [UInt8], droppingNullMembers: Bool) {
        switch value {
        case .null:
            out.append(contentsOf: "null".utf8)
        case .bool(let flag):
            out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let lexeme):
            out.append(contentsOf: lexeme.utf8)
        case .string(let text):
            JSONString.append(text, to: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                append(element, to: &out, droppingNullMembers: droppingNullMembers)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            var first = true
            for member in members where !(droppingNullMembers && member.value.isNull) {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                JSONString.append(member.key, to: &out)
                out.append(UInt8(ascii: ":"))
                append(member.value, to: &out, droppingNullMembers: droppingNullMembers)
            }
            out.append(UInt8(ascii: "}"))
        }
    }
}
