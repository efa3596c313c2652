/// A strict RFC 8259 parser over UTF-8 bytes. Strict because the sandbox stands in for DANA and
/// Paylabs: a client that sends trailing commas, comments or invalid UTF-8 must find out here, not
/// in production. Index-based over `[UInt8]`, since it runs on every signed request.
///
/// Not `JSONSerialization`: it loses member order and number lexemes, which signatures depend on.
public struct JSONScanner: Sendable {
    /// Deeper than any DANA or Paylabs body, shallow enough that the recursion cannot exhaust a
    /// thread's stack whatever a client sends.
    public static let maximumDepth = 64

    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0
    /// Set by `topLevelMembers`: record where each member value of the root object sits.
    private let recordsRootSpans: Bool
    private var rootSpans: [JSONMemberSpan] = []

    private init(_ bytes: [UInt8], recordsRootSpans: Bool = false) {
        self.bytes = bytes
        self.recordsRootSpans = recordsRootSpans
    }

    // MARK: - Entry points

    /// Parses one JSON text (RFC 8259 §2: a value with optional whitespace around it).
    public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        var scanner = JSONScanner(bytes)
        return try scanner.parseDocument()
    }

    /// The members of the root object with the byte range of each value as it appears in the input,
    /// in document order (duplicates included). The whole document is validated first, so a range is
    /// never taken from a body a strict parser would reject.
    public static func topLevelMembers(_ bytes: [UInt8]) throws(JSONParseError) -> [JSONMemberSpan] {
        var scanner = JSONScanner(bytes, recordsRootSpans: true)
        let root = try scanner.parseDocument()
        guard case .object = root else {
            var start = 0
            while start < bytes.count, isWhitespace(bytes[start]) { start += 1 }
            throw .notAnObject(at: start)
        }
        return scanner.rootSpans
    }

    // MARK: - Grammar

    private mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        guard index < bytes.count else { throw .empty(at: index) }
        let value = try parseValue()
        skipWhitespace()
        if index < bytes.count { throw .trailingData(bytes[index], at: index) }
        return value
    }

    private var current: UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    /// RFC 8259 §2: only space, horizontal tab, line feed and carriage return.
    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func isDigit(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, Self.isWhitespace(bytes[index]) { index += 1 }
    }

    private mutating func parseValue() throws(JSONParseError) -> JSONValue {
        guard let byte = current else { throw .unexpected(nil, expected: "a JSON value", at: index) }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        default: throw .unexpected(byte, expected: "a JSON value", at: index)
        }
    }

    private mutating func enterContainer() throws(JSONParseError) {
        depth += 1
        if depth > Self.maximumDepth { throw .tooDeep(limit: Self.maximumDepth, at: index) }
        index += 1 // the opening bracket
    }

    /// RFC 8259 §4. Members are kept in order, duplicates included: §4 leaves duplicate names to
    /// the implementation, and a signature covers them as sent.
    private mutating func parseObject() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        var members: [JSONMember] = []
        if closesEmpty(UInt8(ascii: "}")) { return .object(members) }
        while true {
            guard current == UInt8(ascii: "\"") else {
                throw .unexpected(current, expected: "a member name in double quotes", at: index)
            }
            let key = try parseString()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else {
                throw .unexpected(current, expected: "':' after the member name", at: index)
            }
            index += 1
            skipWhitespace()
            let valueStart = index
            let value = try parseValue()
            if recordsRootSpans && depth == 1 {
                rootSpans.append(JSONMemberSpan(key: key, valueRange: valueStart..<index))
            }
            members.append(JSONMember(key: key, value: value))
            guard try continues(UInt8(ascii: "}"), after: "an object member") else { return .object(members) }
        }
    }

    /// RFC 8259 §5.
    private mutating func parseArray() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        var elements: [JSONValue] = []
        if closesEmpty(UInt8(ascii: "]")) { return .array(elements) }
        while true {
            elements.append(try parseValue())
            guard try continues(UInt8(ascii: "]"), after: "an array element") else { return .array(elements) }
        }
    }

    /// True, having left the container, when `closer` follows at once: `{}` or `[]`.
    private mutating func closesEmpty(_ closer: UInt8) -> Bool {
        skipWhitespace()
        guard current == closer else { return false }
        index += 1
        depth -= 1
        return true
    }

    /// After a member or element: true past a comma (another must follow, §4 and §5 allow no
    /// trailing comma), false having left the container at `closer`.
    private mutating func continues(_ closer: UInt8, after item: String) throws(JSONParseError) -> Bool {
        skipWhitespace()
        switch current {
        case UInt8(ascii: ","):
            let comma = index
            index += 1
            skipWhitespace()
            if current == closer { throw .trailingComma(at: comma, before: closer) }
            return true
        case closer:
            index += 1
            depth -= 1
            return false
        default:
            throw .unexpected(current, expected: "',' or '\(Character(Unicode.Scalar(closer)))' after \(item)", at: index)
        }
    }

    /// RFC 8259 §6: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, returned as written.
    /// No NaN, Infinity, leading `+`, leading zeros or bare `.5`.
    private mutating func parseNumber() throws(JSONParseError) -> String {
        let start = index
        if current == UInt8(ascii: "-") { index += 1 }
        guard Self.isDigit(current) else { throw .unexpected(current, expected: "a digit", at: index) }
        if current == UInt8(ascii: "0") {
            index += 1
            if Self.isDigit(current) { throw .leadingZero(at: start) }
        } else {
            skipDigits()
        }
        if current == UInt8(ascii: ".") {
            index += 1
            guard Self.isDigit(current) else { throw .unexpected(current, expected: "a digit after '.'", at: index) }
            skipDigits()
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard Self.isDigit(current) else { throw .unexpected(current, expected: "a digit in the exponent", at: index) }
            skipDigits()
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func skipDigits() {
        while Self.isDigit(current) { index += 1 }
    }

    private mutating func expectLiteral(_ literal: String) throws(JSONParseError) {
        guard bytes[index...].starts(with: literal.utf8) else { throw .invalidLiteral(literal, at: index) }
        index += literal.utf8.count
    }

    // MARK: - Strings

    /// RFC 8259 §7 and §8.1. Runs without escapes are validated and copied as they are; a buffer is
    /// only built once an escape shows up.
    private mutating func parseString() throws(JSONParseError) -> String {
        let quote = index
        index += 1
        var runStart = index
        var decoded: [UInt8] = []
        var sawEscape = false
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                let run = bytes[runStart..<index]
                index += 1
                guard sawEscape else { return String(decoding: run, as: UTF8.self) }
                decoded.append(contentsOf: run)
                return String(decoding: decoded, as: UTF8.self)
            case UInt8(ascii: "\\"):
                sawEscape = true
                decoded.append(contentsOf: bytes[runStart..<index])
                try parseEscape(into: &decoded, inStringStartingAt: quote)
                runStart = index
            case 0x00..<0x20:
                throw .controlCharacter(byte, at: index)
            case 0x80...:
                try skipUTF8Sequence()
            default:
                index += 1
            }
        }
        throw .unterminatedString(startingAt: quote)
    }

    /// One escape starting at the backslash; appends its UTF-8 and moves past it.
    private mutating func parseEscape(into decoded: inout [UInt8], inStringStartingAt quote: Int) throws(JSONParseError) {
        let backslash = index
        index += 1
        guard let letter = current else { throw .unterminatedString(startingAt: quote) }
        index += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(letter)
        case UInt8(ascii: "b"): decoded.append(0x08)
        case UInt8(ascii: "f"): decoded.append(0x0C)
        case UInt8(ascii: "n"): decoded.append(0x0A)
        case UInt8(ascii: "r"): decoded.append(0x0D)
        case UInt8(ascii: "t"): decoded.append(0x09)
        case UInt8(ascii: "u"):
            let scalar = try parseUnicodeEscape(startingAt: backslash)
            UTF8.encode(scalar) { decoded.append($0) }
        default:
            throw .invalidEscape(letter, at: backslash)
        }
    }

    /// `\uXXXX`, or a `\uD8xx\uDCxx` surrogate pair for a scalar beyond the BMP (RFC 8259 §7).
    /// A surrogate without its partner encodes no character, so it is an error rather than U+FFFD.
    private mutating func parseUnicodeEscape(startingAt backslash: Int) throws(JSONParseError) -> Unicode.Scalar {
        let unit = try readHex4()
        switch unit {
        case 0xD800...0xDBFF:
            guard bytes.count - index >= 2,
                  bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                throw .loneSurrogate(unit, at: backslash)
            }
            index += 2
            let low = try readHex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw .loneSurrogate(unit, at: backslash) }
            let value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            guard let scalar = Unicode.Scalar(value) else { throw .loneSurrogate(unit, at: backslash) }
            return scalar
        case 0xDC00...0xDFFF:
            throw .loneSurrogate(unit, at: backslash)
        default:
            guard let scalar = Unicode.Scalar(unit) else { throw .loneSurrogate(unit, at: backslash) }
            return scalar
        }
    }

    private mutating func readHex4() throws(JSONParseError) -> UInt16 {
        guard bytes.count - index >= 4 else { throw .invalidUnicodeEscape(at: index) }
        var unit: UInt16 = 0
        for offset in 0..<4 {
            let byte = bytes[index + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw .invalidUnicodeEscape(at: index)
            }
            unit = unit << 4 | UInt16(digit)
        }
        index += 4
        return unit
    }

    /// Validates one multi-byte UTF-8 sequence (RFC 3629 §4: no overlong forms, no surrogates,
    /// nothing above U+10FFFF) and moves past it. RFC 8259 §8.1 requires UTF-8, and
    /// `String(decoding:)` would silently repair what a client got wrong.
    private mutating func skipUTF8Sequence() throws(JSONParseError) {
        let lead = bytes[index]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default: throw .invalidUTF8(lead, at: index)
        }
        guard bytes.count - index >= length, secondRange.contains(bytes[index + 1]) else {
            throw .invalidUTF8(lead, at: index)
        }
        for continuation in 2..<length where !(0x80...0xBF).contains(bytes[index + continuation]) {
            throw .invalidUTF8(lead, at: index)
        }
        index += length
    }
}
