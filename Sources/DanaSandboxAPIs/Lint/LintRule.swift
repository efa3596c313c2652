import SandboxHTTP
import SandboxJSON
import SandboxSupport

/// A documented rule the sandbox tolerates but reports: its short id (`snap.channel-id`), the
/// field, what the document says and which document, and a check that returns what was sent
/// when the request breaks it.
public struct LintRule: Sendable {
    /// What `sent` says when the field is missing.
    public static let nothing = "nothing"

    public let id: String
    public let field: String
    public let expected: String
    public let document: String
    let check: @Sendable (HTTPRequest, JSONValue?) -> String?

    public init(_ id: String, field: String, expected: String, document: String, check: @escaping @Sendable (HTTPRequest, JSONValue?) -> String?) {
        self.id = id
        self.field = field
        self.expected = expected
        self.document = document
        self.check = check
    }

    /// The finding, if `request` (with JSON `body`) breaks the rule.
    public func finding(_ request: HTTPRequest, body: JSONValue?) -> LintFinding? {
        check(request, body).map { LintFinding(rule: id, field: field, sent: $0, expected: expected, document: document) }
    }

    // MARK: - Checks the families' tables share

    /// `YYYY-MM-DDTHH:mm:ss+07:00`: 25 characters, seconds, Jakarta time.
    static func isJakartaSeconds(_ text: String) -> Bool {
        text.count == 25 && text.hasSuffix("+07:00") && SignatureTimestamp.parse(text) != nil
    }

    /// The value of a text field that breaks `isValid`, or nil when absent or valid.
    static func text(_ value: JSONValue?, breaks isValid: (String) -> Bool) -> String? {
        guard let value, !value.isNull else { return nil }
        guard let text = value.stringValue else { return value.text }
        return isValid(text) ? nil : text
    }

    /// A header's value that breaks `isValid`, or nil when absent or valid.
    static func header(_ request: HTTPRequest, _ name: String, breaks isValid: (String) -> Bool) -> String? {
        request.headers[name].flatMap { isValid($0) ? nil : $0 }
    }
}
