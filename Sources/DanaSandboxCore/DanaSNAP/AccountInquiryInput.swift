import SandboxHTTP

/// The fields of an account-inquiry request, checked against seed 001's table: each broken rule
/// is 4003702 (missing) or 4003701 (bad format), naming the field.
extension AccountInquiryHandler {
    struct Input {
        var partnerReferenceNo: String?
        var customerNumber: String?
        var customerToken: String?
        var amountCents: Int64

        struct Problem: Error {
            let code: SNAPResponseCode
        }

        static func read(_ body: JSONValue, headers: HTTPHeaders, service: SNAPService) -> Result<Input, Problem> {
            func missing(_ field: String) -> Result<Input, Problem> { .failure(Problem(code: service.invalidMandatoryField(field))) }
            func format(_ field: String) -> Result<Input, Problem> { .failure(Problem(code: service.invalidFieldFormat(field))) }
            /// A present string of an allowed length, nil when absent, or the failure.
            func optionalString(_ path: String, _ lengths: ClosedRange<Int>) -> Result<String?, Problem> {
                guard let value = body.value(atPath: path), !value.isNull else { return .success(nil) }
                guard let text = value.stringValue, lengths.contains(text.count) else {
                    return .failure(Problem(code: service.invalidFieldFormat(path)))
                }
                return .success(text)
            }

            guard case .success(let reference) = optionalString("partnerReferenceNo", 1...64) else { return format("partnerReferenceNo") }
            guard case .success(let number) = optionalString("customerNumber", 1...32) else { return format("customerNumber") }
            guard case .success(let bodyToken) = optionalString("additionalInfo.accessToken", 1...512) else { return format("additionalInfo.accessToken") }
            var headerToken = headers["Authorization-Customer"]
            if let value = headerToken, value.lowercased().hasPrefix("bearer ") { headerToken = String(value.dropFirst(7)) }
            if let value = headerToken, value.isEmpty || value.count > 512 { return format("Authorization-Customer") }
            let token = headerToken ?? bodyToken

            if token == nil && number == nil { return missing("customerNumber") }
            if let number, !(number.hasPrefix("62") && number.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }) { return format("customerNumber") }

            guard let amount = body["amount"], !amount.isNull else { return missing("amount") }
            guard case .object = amount else { return format("amount") }
            guard let value = amount["value"], !value.isNull else { return missing("amount.value") }
            guard let text = value.stringValue, let cents = Money.cents(text) else { return format("amount.value") }
            guard let currency = amount["currency"], !currency.isNull else { return missing("amount.currency") }
            guard currency.stringValue == "IDR" else { return format("amount.currency") }

            if let date = body["transactionDate"], !date.isNull {
                guard let text = date.stringValue, SignatureTimestamp.parse(text) != nil else { return format("transactionDate") }
            }
            guard let fundType = body.value(atPath: "additionalInfo.fundType"), !fundType.isNull else { return missing("additionalInfo.fundType") }
            guard let fund = fundType.stringValue, AccountInquiryHandler.fundTypes.contains(fund) else { return format("additionalInfo.fundType") }

            return .success(Input(partnerReferenceNo: reference, customerNumber: number, customerToken: token, amountCents: cents))
        }
    }
}
