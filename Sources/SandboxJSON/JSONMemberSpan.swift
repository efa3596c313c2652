/// Where the value of one member of the root object sits in the input bytes, so a caller can take
/// its exact raw text without re-serialising it: DANA Open API signs the `request` member as sent,
/// spaces, escapes and key order included (docs/signatures.md, Open API request).
public struct JSONMemberSpan: Equatable, Sendable {
    public let key: String
    /// From the value's first byte (e.g. its `{`) up to and including its last byte (the matching `}`).
    public let valueRange: Range<Int>

    public init(key: String, valueRange: Range<Int>) {
        self.key = key
        self.valueRange = valueRange
    }
}
