/// A partner as the `partners` table holds it: who signs, with which key and secret.
public struct Partner: StoredRecord, Sendable, Equatable {
    public let clientID: String
    public let family: PartnerFamily
    public let name: String
    public let clientSecret: String?
    public let publicKeyPEM: String
    public let status: RecordStatus
    public let topupMinCents: Int64
    public let topupMaxCents: Int64
    public let topupFeeCents: Int64
    public let topupFeeType: String

    public var isActive: Bool { status.isActive }

    public init(clientID: String, family: PartnerFamily, name: String, clientSecret: String?, publicKeyPEM: String, status: RecordStatus, topupMinCents: Int64, topupMaxCents: Int64, topupFeeCents: Int64, topupFeeType: String) {
        self.clientID = clientID
        self.family = family
        self.name = name
        self.clientSecret = clientSecret
        self.publicKeyPEM = publicKeyPEM
        self.status = status
        self.topupMinCents = topupMinCents
        self.topupMaxCents = topupMaxCents
        self.topupFeeCents = topupFeeCents
        self.topupFeeType = topupFeeType
    }

    init(row: SQLiteRow) throws(RowDecodingError) {
        clientID = try row.text("client_id")
        family = try row.enumeration("family", as: PartnerFamily.self)
        name = try row.text("name")
        clientSecret = try row.string("client_secret")
        publicKeyPEM = try row.text("public_key")
        status = try row.enumeration("status", as: RecordStatus.self)
        topupMinCents = try row.integer("topup_min_cents")
        topupMaxCents = try row.integer("topup_max_cents")
        topupFeeCents = try row.integer("topup_fee_cents")
        topupFeeType = try row.text("topup_fee_type")
    }
}
