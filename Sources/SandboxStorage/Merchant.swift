/// A DANA merchant owned by a partner, with the three balances queryMerchantResource reports.
public struct Merchant: StoredRecord, Sendable, Equatable {
    public let merchantID: String
    public let partnerID: String
    public let name: String
    public let status: RecordStatus
    public let availableBalanceCents: Int64
    public let totalBalanceCents: Int64
    public let depositBalanceCents: Int64

    public init(merchantID: String, partnerID: String, name: String, status: RecordStatus, availableBalanceCents: Int64, totalBalanceCents: Int64, depositBalanceCents: Int64) {
        self.merchantID = merchantID
        self.partnerID = partnerID
        self.name = name
        self.status = status
        self.availableBalanceCents = availableBalanceCents
        self.totalBalanceCents = totalBalanceCents
        self.depositBalanceCents = depositBalanceCents
    }

    init(row: SQLiteRow) throws(RowDecodingError) {
        merchantID = try row.text("merchant_id")
        partnerID = try row.text("partner_id")
        name = try row.text("name")
        status = try row.enumeration("status", as: RecordStatus.self)
        availableBalanceCents = try row.integer("available_balance_cents")
        totalBalanceCents = try row.integer("total_balance_cents")
        depositBalanceCents = try row.integer("deposit_balance_cents")
    }
}
