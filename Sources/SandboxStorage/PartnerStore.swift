/// The `partners` table: who may call, with which key and secret.
public struct PartnerStore: Sendable {
    let store: SandboxStore

    public init(store: SandboxStore) {
        self.store = store
    }

    public func partner(_ clientID: String) throws -> Partner? {
        try store.withDatabase { database in try Self.find(clientID, in: database) }
    }

    /// Every partner, by client id.
    public func all() throws -> [Partner] {
        try store.records("SELECT * FROM partners ORDER BY client_id")
    }

    /// Adds or replaces a partner in the live state, and with `keepAcrossResets` in the seed state
    /// too, so the registration survives a reset. A family or secret left nil keeps the existing
    /// partner's; a new partner is DANA's, and a new DANA partner's secret is its client id, as in
    /// DANA's own samples, so Open API calls work at once.
    public func register(clientID: String, family: PartnerFamily?, publicKeyPEM: String, clientSecret: String?, keepAcrossResets: Bool = true) throws -> Partner {
        let write = { (database: SQLiteDatabase) throws -> Partner in
            let existing = try Self.find(clientID, in: database)
            let chosenFamily = family ?? existing?.family ?? .dana
            let secret = clientSecret ?? existing?.clientSecret ?? (chosenFamily == .dana ? clientID : nil)
            try database.run(
                """
                INSERT INTO partners (client_id, family, name, client_secret, public_key, status) VALUES (?, ?, ?, ?, ?, 'ACTIVE')
                ON CONFLICT (client_id) DO UPDATE SET family = excluded.family, client_secret = excluded.client_secret,
                    public_key = excluded.public_key, status = 'ACTIVE'
                """,
                [.text(clientID), .text(chosenFamily.rawValue), .text("Registered partner \(clientID)"), SQLiteValue(secret), .text(publicKeyPEM)]
            )
            guard let partner = try Self.find(clientID, in: database) else {
                throw SQLiteError(code: 0, message: "partner \(clientID) is not there after it was written")
            }
            return partner
        }
        return keepAcrossResets ? try store.withLiveAndSeed(write) : try store.transaction(write)
    }

    private static func find(_ clientID: String, in database: SQLiteDatabase) throws -> Partner? {
        try database.queryRow("SELECT * FROM partners WHERE client_id = ?", [.text(clientID)]).map(Partner.init(row:))
    }
}
