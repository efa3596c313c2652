import Foundation
import SandboxHTTP
import SandboxJSON
import SandboxStorage

/// Paylabs `POST /dana/v1/sub/querysubtrans`: the transactions of one DANA subscription, newest
/// first, a page at a time (docs/api-documents.md, 004).
public struct QuerySubscriptionTransactionsHandler: EmulatedEndpoint {
    public static let path = "/dana/v1/sub/querysubtrans"
    public static let explainSignature: SignatureExplainer = PaylabsSignatureExplainer.explain
    public static let descriptor = PaylabsFamily.descriptor(
        name: "query-subscription-transactions", path: path, members: ["storeId", "paymentType", "paymentInfo"]
    )
    public static let lintRules = PaylabsLintRules.querySubscriptionTransactions
    static let paymentTypes = ["StaticDanaSub", "DynamicDanaSub"]

    private let paylabs: PaylabsFamily
    let authenticator: PaylabsAuthenticator
    let services: EndpointServices

    public init(services: EndpointServices) {
        paylabs = PaylabsFamily(path: Self.path, echoed: ["storeId", "paymentType"], signer: services.signer, now: services.now)
        authenticator = PaylabsAuthenticator(context: services.authentication)
        self.services = services
    }

    public var family: any APIFamily { paylabs }

    public func handle(_ request: HTTPRequest, context: RequestContext) throws -> Reply {
        let stores = try services.stores(for: request)
        let partner = try authenticator.authenticate(request, stores: stores)
        return try context.pass { try query(request, body: context.jsonBody(of: request), from: partner, stores: stores) }
    }

    private func query(_ request: HTTPRequest, body: JSONValue?, from partner: Partner, stores: Stores) throws -> Reply {
        guard let body, case .object = body else {
            throw Self.invalid("the body is not a JSON object")
        }
        // Field rules of the field table of docs/api-documents.md, 004, in its order.
        let requestID = try Self.string(body, "requestId", maxLength: 64)
        let merchantID = try Self.string(body, "merchantId", maxLength: 20)
        let storeID = try Self.optionalString(body, "storeId", maxLength: 30)
        let paymentType = try Self.string(body, "paymentType", maxLength: 20)
        // The field table says merchantTradeNo; the example and paylabs-sdk send merchantSubId.
        let subscriptionKey = body["merchantSubId"] == nil ? "merchantTradeNo" : "merchantSubId"
        if subscriptionKey == "merchantTradeNo" && body["merchantTradeNo"] == nil {
            throw Self.invalid("merchantTradeNo (or merchantSubId) is required")
        }
        let subscriptionID = try Self.string(body, subscriptionKey, maxLength: 32)
        guard let pageNum = Self.page(body, "pageNum", default: 1, maximum: 9999) else {
            throw Self.invalid("pageNum must be a whole number from 1 to 9999")
        }
        guard let pageSize = Self.page(body, "pageSize", default: 10, maximum: 50) else {
            throw Self.invalid("pageSize must be a whole number from 1 to 50")
        }

        guard merchantID == partner.clientID else {
            throw Rejection(PaylabsErrorCode.merchantInvalid.with(message: "Merchant is not registered: merchantId differs from X-PARTNER-ID"))
        }
        guard Self.paymentTypes.contains(paymentType) else { throw Rejection(PaylabsErrorCode.paymentTypeIsError) }
        guard try stores.requestIDs.spendPaylabsRequestID(requestID, merchant: merchantID) else {
            throw Rejection(PaylabsErrorCode.conflict.with(message: "Duplicate / invalid request code: requestId \(requestID) was already used"))
        }
        if let storeID {
            guard let shop = try stores.subscriptions.shop(storeID, merchant: merchantID) else { throw Rejection(PaylabsErrorCode.storeInvalid) }
            guard shop.status.isActive else { throw Rejection(PaylabsErrorCode.storeFreezing) }
        }
        guard let subscription = try stores.subscriptions.subscription(subscriptionID, merchant: merchantID),
              subscription.paymentType == paymentType, storeID == nil || subscription.storeID == storeID else {
            throw Rejection(PaylabsErrorCode.orderInvalid.with(
                message: "Invalid order: no \(paymentType) subscription \(subscriptionID) for this merchant\(storeID.map { " and store \($0)" } ?? "")"
            ))
        }
        let payments = try stores.subscriptions.transactions(of: subscriptionID, page: pageNum, size: pageSize).map { payment in
            JSONValue.fields([
                "successTime": .string(payment.successTime),
                "platformTradeNo": .string(payment.platformTradeNo),
                "amount": .decimalNumber(Double(payment.amountCents) / 100),
                "status": .string(payment.status),
                "transFeeRate": .decimalNumber(payment.feeRate),
                "transFeeAmount": .decimalNumber(Double(payment.feeAmountCents) / 100),
                "totalTransFee": .decimalNumber(Double(payment.totalFeeCents) / 100),
                "vatFee": .decimalNumber(Double(payment.vatCents) / 100),
            ])
        }
        return .respond(paylabs.answer(.success, to: request, body: body, [JSONMember(key: "paymentInfo", value: .array(payments))]))
    }

    /// paramInvalid saying what is wrong.
    private static func invalid(_ what: String) -> Rejection<PaylabsErrorCode> {
        Rejection(PaylabsErrorCode.paramInvalid.with(message: "Invalid request parameters: \(what)"))
    }

    /// A required string field of 1 to `maxLength` characters.
    private static func string(_ body: JSONValue, _ key: String, maxLength: Int) throws(Rejection<PaylabsErrorCode>) -> String {
        guard let text = try optionalString(body, key, maxLength: maxLength) else { throw invalid("\(key) is required") }
        return text
    }

    /// An optional string field of 1 to `maxLength` characters; nil when absent or null.
    private static func optionalString(_ body: JSONValue, _ key: String, maxLength: Int) throws(Rejection<PaylabsErrorCode>) -> String? {
        guard let value = body[key], !value.isNull else { return nil }
        guard let text = value.stringValue, !text.isEmpty, text.count <= maxLength else {
            throw invalid("\(key) must be a string of 1 to \(maxLength) characters")
        }
        return text
    }

    /// pageNum / pageSize: absent means the default; otherwise a whole number in range.
    private static func page(_ body: JSONValue, _ key: String, default value: Int, maximum: Int) -> Int? {
        guard let field = body[key], !field.isNull else { return value }
        let number = field.intValue ?? field.stringValue.flatMap { Int($0) }
        guard let number, number >= 1, number <= maximum else { return nil }
        return number
    }
}
