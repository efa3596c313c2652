/// Why a body is not valid JSON, with the zero-based byte offset where the problem was found and
/// one sentence a client developer can act on.
public struct JSONParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Zero-based offset into the input bytes.
    public let offset: Int
    public let message: String

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    public var description: String { message }
}

// MARK: - Constructors used by the scanner

extension JSONParseError {
    static func unexpected(_ found: UInt8?, expected: String, at offset: Int) -> JSONParseError {
        guard let found else {
            return JSONParseError(offset: offset, message: "expected \(expected) at byte \(offset), found the end of the input")
        }
        // RFC 8259 has no comments; clients that send them usually copied a commented example.
        if found == UInt8(ascii: "/") {
            return JSONParseError(offset: offset, message: "comments are not allowed in JSON: expected \(expected) at byte \(offset), found '/'")
        }
        return JSONParseError(offset: offset, message: "expected \(expected) at byte \(offset), found \(describe(found))")
    }

    static func empty(at offset: Int) -> JSONParseError {
        JSONParseError(offset: offset, message: "the document is empty: expected a JSON value at byte \(offset)")
    }

    static func trailingData(_ found: UInt8, at offset: Int) -> JSONParseError {
        JSONParseError(offset: offset, message: "unexpected \(describe(found)) after the end of the JSON value at byte \(offset)")
    }

    static func trailingComma(at offset: Int, before closer: UInt8) -> JSONParseError {
        JSONParseError(offset: offset, message: "trailing comma before \(describe(closer)) at byte \(offset)")
    }

    static func leadingZero(at offset: Int) -> JSONParseError {
        JSONParseError(offset: offset, message: "number at byte \(offset) has a leading zero")
    }

    static func invalidLiteral(_ literal: String, at offset: Int) -> JSONParseError {
        JSONParseError(offset: offset, message: "invalid literal at byte \(offset): expected '\(literal)'")
    }

    static func unterminatedString(startingAt offset: Int) -> JSONParseError {
        JSONParseError(offset: offset, message: "string starting at byte \(offset) has no closing '\"'")
    }

    static func controlCharacter(_ byte: UInt8, at offset: Int) -> JSONParseError {
        JSONParseError(offset: offset, message: "unescaped control character \(hex(byte)) in a string at byte \(offset)")
    }

    static func invalidEscape(_ byte: UInt8?, at offset: Int) -> JSONParseError {
        let found = byte.map(describe) ?? "the end of the input"
        return JSONParseError(offset: offset, message: "invalid escape in a string at byte \(offset): '\\' followed by \(found)")
    }

    static func invalidUnicodeEscape(at offset: Int) -> JSONParseError {
        JSONParseError(offset: offset, message: "invalid \\u escape at byte \(offset): expected four hex digits")
    }

    static func loneSurrogate(_ unit: UInt16, at offset: Int) -> JSONParseError {
        JSONParseError(offset: offset, message: "lone UTF-16 surrogate \\u\(String(unit, radix: 16)) at byte \(offset)")
    }

    static func invalidUTF8(_ byte: UInt8, at offset: Int) -> JSONParseError {
        JSONParseError(offset: offset, message: "invalid UTF-8 sequence starting with \(hex(byte)) at byte \(offset)")
    }

    static func tooDeep(limit: Int, at offset: Int) -> JSONParseError {
        JSONParseError(offset: offset, message: "arrays and objects nested deeper than \(limit) levels at byte \(offset)")
    }

    static func notAnObject(at offset: Int) -> JSONParseError {
        JSONParseError(offset: offset, message: "expected a JSON object at byte \(offset): the document's root is not an object")
    }

    /// `'x'` for visible ASCII, `byte 0x0A` for anything else.
    private static func describe(_ byte: UInt8) -> String {
        if byte > 0x20 && byte < 0x7F {
            return "'\(Character(Unicode.Scalar(byte)))'"
        }
        return "byte \(hex(byte))"
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "0x" + (digits.count < 2 ? "0" + digits : digits)
    }
}
