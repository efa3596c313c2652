/// The rules of document 004 (docs/api-documents.md, 004) the sandbox tolerates and reports;
/// `--strict` refuses them.
public enum PaylabsLintRules {
    public static let querySubscriptionTransactions: [LintRule] = [
        LintRule("paylabs.timestamp", field: "X-TIMESTAMP", expected: "yyyy-MM-ddTHH:mm:ss.SSS+07:00 (29 characters)", document: "004") { request, _ in
            LintRule.header(request, "X-TIMESTAMP") { text in
                text.count == 29 && text.hasSuffix("+07:00") && Array(text)[19] == "." && LintRule.isJakartaSeconds(String(text.prefix(19)) + "+07:00")
            }
        },
        LintRule("paylabs.content-type", field: "Content-Type", expected: "application/json;charset=utf-8", document: "004") { request, _ in
            guard let type = request.headers["Content-Type"] else { return LintRule.nothing }
            return type.lowercased().replacingOccurrences(of: " ", with: "") == "application/json;charset=utf-8" ? nil : type
        },
        LintRule("paylabs.page-number", field: "pageNum, pageSize", expected: "numbers (Number(4)), not strings", document: "004") { _, body in
            ["pageNum", "pageSize"].compactMap { key in body?[key].flatMap { $0.stringValue.map { "\(key) \"\($0)\"" } } }.first
        },
        LintRule("paylabs.request-id", field: "X-REQUEST-ID", expected: "the body's requestId", document: "004") { request, body in
            guard let header = request.headers["X-REQUEST-ID"], let requestID = body?["requestId"]?.stringValue, header != requestID else { return nil }
            return header
        },
    ]
}
