import SandboxHTTP
import SandboxJSON
import SandboxSupport

/// The fields of an account-inquiry request, checked against the field table of
/// docs/api-documents.md, 001: each broken rule is 4003702 (missing) or 4003701 (bad format),
/// naming the field.
extension AccountInquiryHandler {
    struct Input {
        var partnerReferenceNo: String?
        var customerNumber: String?
        var customerToken: String?
        var amountCents: Int64

        init(_ body: JSONValue, headers: HTTPHeaders, service: SNAPService) throws(Rejection<SNAPResponseCode>) {
            func missing(_ field: String) -> Rejection<SNAPResponseCode> { Rejection(service.invalidMandatoryField(field)) }
            func format(_ field: String) -> Rejection<SNAPResponseCode> { Rejection(service.invalidFieldFormat(field)) }
            /// A present string of an allowed length, nil when absent.
            func optionalString(_ path: String, _ lengths: ClosedRange<Int>) throws(Rejection<SNAPResponseCode>) -> String? {
                guard let value = body.value(atPath: path), !value.isNull else { return nil }
                guard let text = value.stringValue, lengths.contains(text.count) else { throw format(path) }
                return text
            }

            partnerReferenceNo = try optionalString("partnerReferenceNo", 1...64)
            let number = try optionalString("customerNumber", 1...32)
            let bodyToken = try optionalString("additionalInfo.accessToken", 1...512)
            var headerToken = headers["Authorization-Customer"]
            if let value = headerToken, value.lowercased().hasPrefix("bearer ") { headerToken = String(value.dropFirst(7)) }
            if let value = headerToken, value.isEmpty || value.count > 512 { throw format("Authorization-Customer") }
            customerToken = headerToken ?? bodyToken
            customerNumber = number

            if customerToken == nil && number == nil { throw missing("customerNumber") }
            if let number, !(number.hasPrefix("62") && number.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }) { throw format("customerNumber") }

            guard let amount = body["amount"], !amount.isNull else { throw missing("amount") }
            guard case .object = amount else { throw format("amount") }
            guard let value = amount["value"], !value.isNull else { throw missing("amount.value") }
            guard let text = value.stringValue, let cents = Money.cents(text) else { throw format("amount.value") }
            guard let currency = amount["currency"], !currency.isNull else { throw missing("amount.currency") }
            guard currency.stringValue == "IDR" else { throw format("amount.currency") }
            amountCents = cents

            if let date = body["transactionDate"], !date.isNull {
                guard let text = date.stringValue, SignatureTimestamp.parse(text) != nil else { throw format("transactionDate") }
            }
            guard let fundType = body.value(atPath: "additionalInfo.fundType"), !fundType.isNull else { throw missing("additionalInfo.fundType") }
            guard let fund = fundType.stringValue, AccountInquiryHandler.fundTypes.contains(fund) else { throw format("additionalInfo.fundType") }
        }
    }
}
