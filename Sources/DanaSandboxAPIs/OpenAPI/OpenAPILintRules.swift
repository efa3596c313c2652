/// The rules of documents 000 and 002 (docs/api-documents.md) the sandbox tolerates and
/// reports; `--strict` refuses them.
public enum OpenAPILintRules {
    static func common(_ document: String) -> [LintRule] {
        [
            LintRule("openapi.req-time", field: "request.head.reqTime", expected: "YYYY-MM-DDTHH:mm:ss+07:00 (25 characters, Jakarta time)", document: document) { _, body in
                LintRule.text(body?.value(atPath: "request.head.reqTime"), breaks: LintRule.isJakartaSeconds)
            },
            LintRule("openapi.content-type", field: "Content-Type", expected: "application/json", document: document) { request, _ in
                guard let type = request.headers["Content-Type"] else { return LintRule.nothing }
                return type.lowercased() == "application/json" ? nil : type
            },
            LintRule("openapi.reserve", field: "request.head.reserve", expected: "a string of at most 256 characters, such as \"{}\"", document: document) { _, body in
                guard let reserve = body?.value(atPath: "request.head.reserve"), !reserve.isNull else { return nil }
                return reserve.stringValue == nil ? reserve.text : nil
            },
        ]
    }

    public static let queryUserProfile = common("000")

    public static let queryMerchantResource = common("002") + [
        LintRule("openapi.merchant-id", field: "request.body.requestMerchantId", expected: "21 characters", document: "002") { _, body in
            LintRule.text(body?.value(atPath: "request.body.requestMerchantId")) { $0.count == 21 }
        },
    ]

    /// Reported when a partner sends a `reqMsgId` it sent before.
    public static func reusedMessageID(_ id: String, document: String) -> LintFinding {
        LintFinding(rule: "openapi.req-msg-id", field: "request.head.reqMsgId", sent: id, expected: "a unique id (UUID) for each request", document: document)
    }
}
