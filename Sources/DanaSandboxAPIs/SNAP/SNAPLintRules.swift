/// The rules of document 001 (docs/api-documents.md, 001) the sandbox tolerates, because the
/// official SDKs differ from the document, and reports; `--strict` refuses them.
public enum SNAPLintRules {
    public static let accountInquiry: [LintRule] = [
        LintRule("snap.timestamp", field: "X-TIMESTAMP", expected: "YYYY-MM-DDTHH:mm:ss+07:00 (25 characters, Jakarta time)", document: "001") { request, _ in
            LintRule.header(request, "X-TIMESTAMP", breaks: LintRule.isJakartaSeconds)
        },
        LintRule("snap.content-type", field: "Content-Type", expected: "application/json", document: "001") { request, _ in
            guard let type = request.headers["Content-Type"] else { return LintRule.nothing }
            return type.lowercased() == "application/json" ? nil : type
        },
        LintRule("snap.channel-id", field: "CHANNEL-ID", expected: "1 to 5 characters", document: "001") { request, _ in
            LintRule.header(request, "CHANNEL-ID") { (1...5).contains($0.count) }
        },
        LintRule("snap.partner-id", field: "X-PARTNER-ID", expected: "1 to 36 characters", document: "001") { request, _ in
            LintRule.header(request, "X-PARTNER-ID") { (1...36).contains($0.count) }
        },
        LintRule("snap.device-id", field: "X-DEVICE-ID", expected: "1 to 400 characters, required with Authorization-Customer", document: "001") { request, _ in
            guard request.headers["Authorization-Customer"] != nil else { return nil }
            guard let device = request.headers["X-DEVICE-ID"], !device.isEmpty else { return LintRule.nothing }
            return device.count <= 400 ? nil : device
        },
        LintRule("snap.fund-type", field: "additionalInfo.fundType", expected: "AGENT_TOPUP_FOR_USER_CLEARING", document: "001") { _, body in
            LintRule.text(body?.value(atPath: "additionalInfo.fundType")) { $0 == "AGENT_TOPUP_FOR_USER_CLEARING" }
        },
        LintRule("snap.customer-number", field: "customerNumber", expected: "628 and digits", document: "001") { _, body in
            LintRule.text(body?["customerNumber"]) { $0.hasPrefix("628") && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        },
        LintRule("snap.transaction-date", field: "transactionDate", expected: "YYYY-MM-DDTHH:mm:ss+07:00 (25 characters, Jakarta time)", document: "001") { _, body in
            LintRule.text(body?["transactionDate"], breaks: LintRule.isJakartaSeconds)
        },
    ]

    /// Reported by the handler, which alone knows the token's user.
    public static func tokenOfAnotherUser(token user: String, customerNumber: String) -> LintFinding {
        LintFinding(
            rule: "snap.token-customer", field: "customerNumber", sent: customerNumber,
            expected: "the customer number of the token's user (\(user))", document: "001"
        )
    }
}
