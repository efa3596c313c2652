import SandboxJSON
import SandboxStorage
import SandboxSupport

/// The fields of one fixture object, read with the rule each must follow; every refusal names
/// the field (`users[0].status`) and what was expected.
struct FixtureFields {
    let value: JSONValue
    let path: String

    /// Refuses anything but an object, and keys other than `allowed`.
    init(_ value: JSONValue, at path: String, allowed: [String]) throws(FixtureError) {
        guard let members = value.objectMembers else { throw FixtureError(path, "an object") }
        if let unknown = members.first(where: { !allowed.contains($0.key) }) {
            throw FixtureError("\(path).\(unknown.key)", "not a field; the fields are \(allowed.joined(separator: ", "))")
        }
        self.value = value
        self.path = path
    }

    private func given(_ key: String) -> JSONValue? {
        guard let field = value[key], !field.isNull else { return nil }
        return field
    }

    /// A string of `lengths` characters; `fallback` when absent, required when there is none.
    func string(_ key: String, _ lengths: ClosedRange<Int>, fallback: String? = nil) throws(FixtureError) -> String {
        guard let field = given(key) else {
            guard let fallback else { throw FixtureError("\(path).\(key)", "required: \(Self.string(lengths))") }
            return fallback
        }
        guard let text = field.stringValue, lengths.contains(text.count) else {
            throw FixtureError("\(path).\(key)", "\(Self.string(lengths)), not \(field.text)")
        }
        return text
    }

    /// `a string of 1 to 64 characters`, or `of exactly 16`.
    private static func string(_ lengths: ClosedRange<Int>) -> String {
        lengths.count == 1 ? "a string of exactly \(lengths.lowerBound) characters" : "a string of \(lengths.lowerBound) to \(lengths.upperBound) characters"
    }

    func optionalString(_ key: String, _ lengths: ClosedRange<Int>) throws(FixtureError) -> String? {
        given(key) == nil ? nil : try string(key, lengths)
    }

    /// Digits only, of `lengths`, starting with `prefix`.
    func digits(_ key: String, _ lengths: ClosedRange<Int>, prefix: String = "", fallback: String? = nil) throws(FixtureError) -> String {
        let text = try string(key, lengths, fallback: fallback)
        guard text.hasPrefix(prefix), text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            let count = lengths.count == 1 ? "exactly \(lengths.lowerBound)" : "\(lengths.lowerBound) to \(lengths.upperBound)"
            throw FixtureError("\(path).\(key)", "\(count) digits\(prefix.isEmpty ? "" : " starting with \(prefix)"), not \"\(text)\"")
        }
        return text
    }

    /// One of `choices`.
    func choice(_ key: String, _ choices: [String], fallback: String) throws(FixtureError) -> String {
        guard let field = given(key) else { return fallback }
        guard let text = field.stringValue, choices.contains(text) else {
            throw FixtureError("\(path).\(key)", "one of \(choices.joined(separator: ", ")), not \(field.text)")
        }
        return text
    }

    /// `ACTIVE` or `FROZEN`; partners and merchants keep FROZEN as SUSPENDED.
    func status(_ key: String = "status", frozen: RecordStatus = .frozen) throws(FixtureError) -> RecordStatus {
        try choice(key, ["ACTIVE", "FROZEN"], fallback: "ACTIVE") == "ACTIVE" ? .active : frozen
    }

    /// `{"value":"10000.00","currency":"IDR"}`, in cents.
    func money(_ key: String, fallback: Int64) throws(FixtureError) -> Int64 {
        guard let field = given(key) else { return fallback }
        let expected = "money: {\"value\":\"10000.00\",\"currency\":\"IDR\"}, not \(field.text)"
        guard case .object = field, let text = field["value"]?.stringValue, let cents = Money.cents(text) else { throw FixtureError("\(path).\(key)", expected) }
        guard field["currency"]?.stringValue == "IDR" else { throw FixtureError("\(path).\(key).currency", "IDR") }
        return cents
    }

    /// A number from `range`.
    func number(_ key: String, _ range: ClosedRange<Double>, fallback: Double) throws(FixtureError) -> Double {
        guard let field = given(key) else { return fallback }
        guard let lexeme = field.numberLexeme, let number = Double(lexeme), range.contains(number) else {
            throw FixtureError("\(path).\(key)", "a number from \(range.lowerBound) to \(range.upperBound), not \(field.text)")
        }
        return number
    }

    /// An ISO-8601 time (`2026-12-31T23:59:59+07:00`), kept as written.
    func time(_ key: String, fallback: String) throws(FixtureError) -> String {
        guard let field = given(key) else { return fallback }
        guard let text = field.stringValue, SignatureTimestamp.parse(text) != nil else {
            throw FixtureError("\(path).\(key)", "a time as YYYY-MM-DDTHH:mm:ss+07:00, not \(field.text)")
        }
        return text
    }

    /// A non-empty list of strings, each one of `choices`.
    func list(_ key: String, of choices: [String], fallback: [String]) throws(FixtureError) -> [String] {
        guard let field = given(key) else { return fallback }
        guard let items = field.arrayValue, !items.isEmpty, items.allSatisfy({ $0.stringValue.map(choices.contains) == true }) else {
            throw FixtureError("\(path).\(key)", "a non-empty list of \(choices.joined(separator: ", ")), not \(field.text)")
        }
        return items.compactMap(\.stringValue)
    }
}
