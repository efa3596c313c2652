/// The `merchants` table: DANA merchants and the partners that own them.
public struct MerchantStore: Sendable {
    let store: SandboxStore

    public init(store: SandboxStore) {
        self.store = store
    }

    /// The active merchant `merchantID` if `partner` owns it.
    public func activeMerchant(_ merchantID: String, ownedBy partner: String) throws -> Merchant? {
        try store.record(
            "SELECT * FROM merchants WHERE merchant_id = ? AND partner_id = ? AND status = ?",
            [.text(merchantID), .text(partner), .text(RecordStatus.active.rawValue)]
        )
    }

    /// Whether `partner` owns at least one active merchant.
    public func hasActiveMerchant(ownedBy partner: String) throws -> Bool {
        try store.withDatabase { database in
            try database.queryRow(
                "SELECT 1 FROM merchants WHERE partner_id = ? AND status = ?", [.text(partner), .text(RecordStatus.active.rawValue)]
            ) != nil
        }
    }
}
