import SandboxJSON

/// One broken rule of document 003, where, what was found and what the document says.
public struct Violation: Sendable, Equatable {
    public let rule: String
    /// A JSON path into the response (`response.body.inquiryResults[0].inquiryId`), or the part
    /// of the exchange (`http.status`, `transport`).
    public let path: String
    public let found: String
    public let expected: String

    public init(_ rule: String, at path: String, found: String, expected: String) {
        self.rule = rule
        self.path = path
        self.found = found
        self.expected = expected
    }

    public var json: JSONValue {
        .fields(["rule": .string(rule), "path": .string(path), "found": .string(found), "expected": .string(expected)])
    }
}
