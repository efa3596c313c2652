/// A partner as the `partners` table holds it: who signs, with which key and secret.
public struct Partner: Sendable, Equatable {
    public let clientID: String
    public let family: PartnerFamily
    public let name: String
    public let clientSecret: String?
    public let publicKeyPEM: String
    public let isActive: Bool
    public let topupMinCents: Int64
    public let topupMaxCents: Int64
    public let topupFeeCents: Int64
    public let topupFeeType: String

    init(row: SQLiteRow) {
        clientID = row.string("client_id") ?? ""
        family = PartnerFamily(rawValue: row.string("family") ?? "") ?? .dana
        name = row.string("name") ?? ""
        clientSecret = row.string("client_secret")
        publicKeyPEM = row.string("public_key") ?? ""
        isActive = row.string("status") == "ACTIVE"
        topupMinCents = row.int64("topup_min_cents") ?? 0
        topupMaxCents = row.int64("topup_max_cents") ?? 0
        topupFeeCents = row.int64("topup_fee_cents") ?? 0
        topupFeeType = row.string("topup_fee_type") ?? "Admin fee"
    }
}
