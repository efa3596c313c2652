/// A parsed JSON document that keeps what signature checks depend on: member order, duplicate
/// keys and number lexemes as written. Numbers stay text because re-formatting `15000.00` as
/// `15000.0` or `1e3` as `1000` changes the bytes that were signed (docs/signatures.md, Paylabs).
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    /// The number exactly as received, e.g. `"15000.0"`, `"1e3"`, `"-0"`.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])

    // MARK: - Reading values

    /// The first member named `key`, for objects; `nil` for anything else or a missing key.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// Follows object keys separated by dots, e.g. `"additionalInfo.accessToken"`. Each component
    /// is a key as written (no array indices, no escaping of dots).
    public func value(atPath path: String) -> JSONValue? {
        // Walks the path in place: splitting it into an array of strings on every lookup showed
        // in the profile of a request that reads a dozen fields.
        var current = self
        var rest = path[...]
        while true {
            let end = rest.firstIndex(of: ".") ?? rest.endIndex
            let key = rest[..<end]
            guard case .object(let members) = current, let member = members.first(where: { $0.key == key }) else { return nil }
            current = member.value
            guard end < rest.endIndex else { return current }
            rest = rest[rest.index(after: end)...]
        }
    }

    public var stringValue: String? {
        guard case .string(let text) = self else { return nil }
        return text
    }

    public var boolValue: Bool? {
        guard case .bool(let flag) = self else { return nil }
        return flag
    }

    /// The number's lexeme as received.
    public var numberLexeme: String? {
        guard case .number(let lexeme) = self else { return nil }
        return lexeme
    }

    /// The value of a number written as an integer (`10`, `-3`); `nil` for `10.0` or `1e1`, whose
    /// writers meant a decimal, and for integers that do not fit in `Int`.
    public var intValue: Int? {
        guard case .number(let lexeme) = self else { return nil }
        let digits = lexeme.utf8.first == UInt8(ascii: "-") ? lexeme.utf8.dropFirst() : lexeme.utf8[...]
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return nil
        }
        return Int(lexeme)
    }

    public var arrayValue: [JSONValue]? {
        guard case .array(let elements) = self else { return nil }
        return elements
    }

    public var objectMembers: [JSONMember]? {
        guard case .object(let members) = self else { return nil }
        return members
    }

    public var isNull: Bool {
        self == .null
    }
}
