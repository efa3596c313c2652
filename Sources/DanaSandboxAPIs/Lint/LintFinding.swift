import SandboxJSON

/// A documented rule a request breaks: which, where, what was sent, what the document says, and
/// which document says it (docs/api-documents.md).
public struct LintFinding: Sendable, Equatable {
    public let rule: String
    public let field: String
    public let sent: String
    public let expected: String
    public let document: String

    public init(rule: String, field: String, sent: String, expected: String, document: String) {
        self.rule = rule
        self.field = field
        self.sent = sent
        self.expected = expected
        self.document = document
    }

    /// Nothing was sent where the document requires something.
    public var isMissing: Bool { sent == LintRule.nothing }

    public var json: JSONValue {
        .fields(["rule": .string(rule), "field": .string(field), "sent": .string(sent), "expected": .string(expected), "document": .string(document)])
    }
}
