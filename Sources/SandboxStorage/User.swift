/// A DANA wallet holder, as the `users` table holds one.
public struct User: StoredRecord, Sendable, Equatable {
    public let danaID: String
    public let customerNumber: String
    public let fullName: String
    public let nickname: String
    public let kycLevel: String
    public let status: RecordStatus
    public let balanceCents: Int64
    public let monthlyInLimitCents: Int64
    public let monthlyInUsedCents: Int64
    public let ktpNumber: String?
    public let avatarURL: String?

    public init(danaID: String, customerNumber: String, fullName: String, nickname: String, kycLevel: String, status: RecordStatus, balanceCents: Int64, monthlyInLimitCents: Int64, monthlyInUsedCents: Int64, ktpNumber: String?, avatarURL: String?) {
        self.danaID = danaID
        self.customerNumber = customerNumber
        self.fullName = fullName
        self.nickname = nickname
        self.kycLevel = kycLevel
        self.status = status
        self.balanceCents = balanceCents
        self.monthlyInLimitCents = monthlyInLimitCents
        self.monthlyInUsedCents = monthlyInUsedCents
        self.ktpNumber = ktpNumber
        self.avatarURL = avatarURL
    }

    init(row: SQLiteRow) throws(RowDecodingError) {
        danaID = try row.text("dana_id")
        customerNumber = try row.text("customer_number")
        fullName = try row.text("full_name")
        nickname = try row.text("nickname")
        kycLevel = try row.text("kyc_level")
        status = try row.enumeration("status", as: RecordStatus.self)
        balanceCents = try row.integer("balance_cents")
        monthlyInLimitCents = try row.integer("monthly_in_limit_cents")
        monthlyInUsedCents = try row.integer("monthly_in_used_cents")
        ktpNumber = try row.string("ktp_number")
        avatarURL = try row.string("avatar_url")
    }
}
