/// Building response bodies: members in the order written, optional members left out when nil.
extension JSONValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        self = .string(value)
    }

    /// An object from ordered pairs; a nil value leaves its member out, as the documents do for
    /// conditional fields.
    public static func fields(_ pairs: KeyValuePairs<String, JSONValue?>) -> JSONValue {
        .object(pairs.compactMap { key, value in value.map { JSONMember(key: key, value: $0) } })
    }

    /// `{"value":"10000.00","currency":"IDR"}`: SNAP's money object, from cents.
    public static func money(cents: Int64) -> JSONValue {
        .fields(["value": .string(Money.decimalString(cents: cents)), "currency": "IDR"])
    }

    /// A number written as Python writes a float (`15000.0`, `12345.67`, `0.015`): Paylabs
    /// responses are verified by re-dumping the parsed JSON, so only such lexemes survive.
    public static func decimalNumber(_ value: Double) -> JSONValue {
        .number(value.description)
    }

    /// Compact UTF-8 bytes.
    public var bytes: [UInt8] { JSONCanonicalWriter.write(self) }

    /// Compact text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
