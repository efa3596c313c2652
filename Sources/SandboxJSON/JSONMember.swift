/// One `"key": value` pair of a JSON object. Objects are lists of members rather than dictionaries
/// because signatures are computed over text: member order and duplicate keys must survive a
/// parse and a re-serialisation exactly as the client sent them.
public struct JSONMember: Equatable, Sendable {
    public let key: String
    public let value: JSONValue

    public init(key: String, value: JSONValue) {
        self.key = key
        self.value = value
    }
}
