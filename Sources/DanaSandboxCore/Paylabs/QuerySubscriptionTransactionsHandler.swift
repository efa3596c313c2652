import Foundation
import SandboxHTTP

/// Paylabs `POST /dana/v1/sub/querysubtrans`: the transactions of one DANA subscription, newest
/// first, a page at a time (seed 004).
public struct QuerySubscriptionTransactionsHandler: RequestHandler {
    public static let path = "/dana/v1/sub/querysubtrans"
    static let paymentTypes = ["StaticDanaSub", "DynamicDanaSub"]

    let store: SandboxStore
    let authenticator: PaylabsAuthenticator
    let responder: PaylabsResponder
    let logger: Logger

    public init(store: SandboxStore, authenticator: PaylabsAuthenticator, responder: PaylabsResponder, logger: Logger) {
        self.store = store
        self.authenticator = authenticator
        self.responder = responder
        self.logger = logger
    }

    /// The request's identity fields, echoed in every answer, errors included.
    private struct Echo {
        var requestID: String?
        var merchantID: String?
        var storeID: String?
        var paymentType: String?
        var requestIDHeader: String
        var partnerHeader: String
    }

    public func handle(_ request: HTTPRequest) -> Reply {
        let body = try? JSONScanner.parse(request.body)
        var echo = Echo(
            requestID: body?["requestId"]?.stringValue, merchantID: body?["merchantId"]?.stringValue,
            storeID: body?["storeId"]?.stringValue, paymentType: body?["paymentType"]?.stringValue,
            requestIDHeader: request.headers["X-REQUEST-ID"] ?? body?["requestId"]?.stringValue ?? "",
            partnerHeader: request.headers["X-PARTNER-ID"] ?? body?["merchantId"]?.stringValue ?? ""
        )
        do {
            switch try authenticator.authenticate(request) {
            case .rejected(let code):
                return answer(code, echo)
            case .accepted:
                guard let body, case .object = body else {
                    return answer(.paramInvalid.with(description: "Invalid request parameters: the body is not a JSON object"), echo)
                }
                return try query(body, &echo)
            }
        } catch {
            logger.log(.error, "querysubtrans failed", [("error", .string("\(error)"))])
            return answer(.systemError, echo)
        }
    }

    private func query(_ body: JSONValue, _ echo: inout Echo) throws -> Reply {
        // Field rules of seed 004's table, in its order.
        if let problem = stringField(body, "requestId", maxLength: 64, required: true) { return answer(problem, echo) }
        if let problem = stringField(body, "merchantId", maxLength: 20, required: true) { return answer(problem, echo) }
        if let problem = stringField(body, "storeId", maxLength: 30, required: false) { return answer(problem, echo) }
        if let problem = stringField(body, "paymentType", maxLength: 20, required: true) { return answer(problem, echo) }
        // The field table says merchantTradeNo; the example and paylabs-sdk send merchantSubId.
        let subscriptionKey = body["merchantSubId"].map { _ in "merchantSubId" } ?? "merchantTradeNo"
        if let problem = stringField(body, subscriptionKey, maxLength: 32, required: true) {
            return answer(subscriptionKey == "merchantTradeNo" && body["merchantTradeNo"] == nil
                ? .paramInvalid.with(description: "Invalid request parameters: merchantTradeNo (or merchantSubId) is required") : problem, echo)
        }
        guard let pageNum = pageField(body, "pageNum", default: 1, maximum: 9999) else {
            return answer(.paramInvalid.with(description: "Invalid request parameters: pageNum must be a whole number from 1 to 9999"), echo)
        }
        guard let pageSize = pageField(body, "pageSize", default: 10, maximum: 50) else {
            return answer(.paramInvalid.with(description: "Invalid request parameters: pageSize must be a whole number from 1 to 50"), echo)
        }
        let requestID = body["requestId"]!.stringValue!, merchantID = body["merchantId"]!.stringValue!
        let paymentType = body["paymentType"]!.stringValue!, subscriptionID = body[subscriptionKey]!.stringValue!
        let storeID = body["storeId"]?.stringValue

        guard merchantID == echo.partnerHeader else {
            return answer(.merchantInvalid.with(description: "Merchant is not registered: merchantId differs from X-PARTNER-ID"), echo)
        }
        guard Self.paymentTypes.contains(paymentType) else { return answer(.paymentTypeIsError, echo) }

        return try store.transaction { database in
            do {
                try database.run("INSERT INTO paylabs_request_ids (merchant_id, request_id) VALUES (?, ?)", [.text(merchantID), .text(requestID)])
            } catch let error as SQLiteError where error.isConstraintViolation {
                return answer(.conflict.with(description: "Duplicate / invalid request code: requestId \(requestID) was already used"), echo)
            }
            if let storeID {
                let store = try database.queryRow("SELECT status FROM paylabs_stores WHERE store_id = ? AND merchant_id = ?", [.text(storeID), .text(merchantID)])
                guard let store else { return answer(.storeInvalid, echo) }
                if store.string("status") != "ACTIVE" { return answer(.storeFreezing, echo) }
            }
            guard let subscription = try database.queryRow(
                "SELECT store_id, payment_type FROM subscriptions WHERE subscription_id = ? AND merchant_id = ?",
                [.text(subscriptionID), .text(merchantID)]
            ), subscription.string("payment_type") == paymentType, storeID == nil || subscription.string("store_id") == storeID else {
                return answer(.orderInvalid.with(description: "Invalid order: no \(paymentType) subscription \(subscriptionID) for this merchant\(storeID.map { " and store \($0)" } ?? "")"), echo)
            }
            let rows = try database.query(
                """
                SELECT * FROM subscription_transactions WHERE subscription_id = ?
                ORDER BY success_time DESC, platform_trade_no DESC LIMIT ? OFFSET ?
                """,
                [.text(subscriptionID), .integer(Int64(pageSize)), .integer(Int64((pageNum - 1) * pageSize))]
            )
            let payments = rows.map { row in
                JSONValue.fields([
                    "successTime": row.string("success_time").map(JSONValue.string),
                    "platformTradeNo": row.string("platform_trade_no").map(JSONValue.string),
                    "amount": .decimalNumber(Double(row.int64("amount_cents") ?? 0) / 100),
                    "status": row.string("status").map(JSONValue.string),
                    "transFeeRate": .decimalNumber(row.double("fee_rate") ?? 0),
                    "transFeeAmount": .decimalNumber(Double(row.int64("fee_amount_cents") ?? 0) / 100),
                    "totalTransFee": .decimalNumber(Double(row.int64("total_fee_cents") ?? 0) / 100),
                    "vatFee": .decimalNumber(Double(row.int64("vat_cents") ?? 0) / 100),
                ])
            }
            return answer(.success, echo, payments: payments)
        }
    }

    /// A string field's rule broken, or nil.
    private func stringField(_ body: JSONValue, _ key: String, maxLength: Int, required: Bool) -> PaylabsErrorCode? {
        guard let value = body[key], !value.isNull else {
            return required ? .paramInvalid.with(description: "Invalid request parameters: \(key) is required") : nil
        }
        guard let text = value.stringValue, !text.isEmpty, text.count <= maxLength else {
            return .paramInvalid.with(description: "Invalid request parameters: \(key) must be a string of 1 to \(maxLength) characters")
        }
        return nil
    }

    /// pageNum / pageSize: absent means the default; otherwise a whole number in range.
    private func pageField(_ body: JSONValue, _ key: String, default value: Int, maximum: Int) -> Int? {
        guard let field = body[key], !field.isNull else { return value }
        let number = field.intValue ?? field.stringValue.flatMap { Int($0) }
        guard let number, number >= 1, number <= maximum else { return nil }
        return number
    }

    private func answer(_ code: PaylabsErrorCode, _ echo: Echo, payments: [JSONValue]? = nil) -> Reply {
        let body = JSONValue.fields([
            "merchantId": .string(echo.merchantID ?? echo.partnerHeader),
            "requestId": .string(echo.requestID ?? echo.requestIDHeader),
            "errCode": .string(code.code),
            "errCodeDes": code == .success ? nil : .string(code.description),
            "storeId": echo.storeID.map(JSONValue.string),
            "paymentType": echo.paymentType.map(JSONValue.string),
            "paymentInfo": payments.map(JSONValue.array),
        ])
        return .respond(responder.response(path: Self.path, partnerID: echo.partnerHeader, requestID: echo.requestIDHeader, body: body, code: code))
    }
}
