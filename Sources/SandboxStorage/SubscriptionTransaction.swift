/// One charge of a subscription, as querysubtrans lists it.
public struct SubscriptionTransaction: StoredRecord, Sendable, Equatable {
    public let platformTradeNo: String
    public let subscriptionID: String
    /// Jakarta time, `yyyyMMddHHmmss`.
    public let successTime: String
    public let amountCents: Int64
    /// 01 pending, 02 succeeded, 09 failed.
    public let status: String
    /// A fraction: 0.015 is 1.5 %.
    public let feeRate: Double
    public let feeAmountCents: Int64
    public let totalFeeCents: Int64
    public let vatCents: Int64

    public init(platformTradeNo: String, subscriptionID: String, successTime: String, amountCents: Int64, status: String, feeRate: Double, feeAmountCents: Int64, totalFeeCents: Int64, vatCents: Int64) {
        self.platformTradeNo = platformTradeNo
        self.subscriptionID = subscriptionID
        self.successTime = successTime
        self.amountCents = amountCents
        self.status = status
        self.feeRate = feeRate
        self.feeAmountCents = feeAmountCents
        self.totalFeeCents = totalFeeCents
        self.vatCents = vatCents
    }

    init(row: SQLiteRow) throws(RowDecodingError) {
        platformTradeNo = try row.text("platform_trade_no")
        subscriptionID = try row.text("subscription_id")
        successTime = try row.text("success_time")
        amountCents = try row.integer("amount_cents")
        status = try row.text("status")
        feeRate = try row.real("fee_rate")
        feeAmountCents = try row.integer("fee_amount_cents")
        totalFeeCents = try row.integer("total_fee_cents")
        vatCents = try row.integer("vat_cents")
    }
}
