/// A Paylabs DANA subscription, named by partners as merchantSubId or merchantTradeNo.
public struct Subscription: StoredRecord, Sendable, Equatable {
    public let subscriptionID: String
    public let merchantID: String
    public let storeID: String?
    public let paymentType: String
    public let productName: String
    public let amountCents: Int64
    public let createdAt: String

    public init(subscriptionID: String, merchantID: String, storeID: String?, paymentType: String, productName: String, amountCents: Int64, createdAt: String) {
        self.subscriptionID = subscriptionID
        self.merchantID = merchantID
        self.storeID = storeID
        self.paymentType = paymentType
        self.productName = productName
        self.amountCents = amountCents
        self.createdAt = createdAt
    }

    init(row: SQLiteRow) throws(RowDecodingError) {
        subscriptionID = try row.text("subscription_id")
        merchantID = try row.text("merchant_id")
        storeID = try row.string("store_id")
        paymentType = try row.text("payment_type")
        productName = try row.text("product_name")
        amountCents = try row.integer("amount_cents")
        createdAt = try row.text("created_at")
    }
}
