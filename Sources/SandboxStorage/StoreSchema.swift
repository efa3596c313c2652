/// The tables and columns the sandbox's code reads and writes. `seed.sql` creates them (it is the
/// one place a user sees the schema), so a database is checked against this list at start: an
/// edit that drops a column fails start-up with its name, not a request later with a 500.
enum StoreSchema {
    /// `PRAGMA user_version` of the schema this code expects; seed.sql sets it.
    static let version = 1

    static let requiredColumns: [(table: String, columns: [String])] = [
        ("partners", ["client_id", "family", "name", "client_secret", "public_key", "status", "topup_min_cents", "topup_max_cents", "topup_fee_cents", "topup_fee_type"]),
        ("merchants", ["merchant_id", "partner_id", "name", "status", "available_balance_cents", "total_balance_cents", "deposit_balance_cents"]),
        ("users", ["dana_id", "customer_number", "full_name", "nickname", "kyc_level", "status", "balance_cents", "monthly_in_limit_cents", "monthly_in_used_cents", "ktp_number", "avatar_url"]),
        ("customer_tokens", ["token", "dana_id", "partner_id", "scopes", "expires_at"]),
        ("b2b_tokens", ["token", "partner_id", "issued_at", "expires_at"]),
        ("paylabs_stores", ["store_id", "merchant_id", "name", "status"]),
        ("subscriptions", ["subscription_id", "merchant_id", "store_id", "payment_type", "product_name", "amount_cents", "created_at"]),
        ("subscription_transactions", ["platform_trade_no", "subscription_id", "success_time", "amount_cents", "status", "fee_rate", "fee_amount_cents", "total_fee_cents", "vat_cents"]),
        ("snap_external_ids", ["partner_id", "day", "external_id"]),
        ("paylabs_request_ids", ["merchant_id", "request_id"]),
    ]

    /// What is wrong with `database`'s schema, or nil when it has everything.
    static func problem(in database: SQLiteDatabase) throws(SQLiteError) -> String? {
        let version = try database.queryRow("PRAGMA user_version")?[0].int ?? 0
        if version != Self.version {
            return "its schema version (PRAGMA user_version) is \(version); this sandbox needs \(Self.version)"
        }
        for (table, columns) in requiredColumns {
            let present = Set(try database.query("SELECT name FROM pragma_table_info(?)", [.text(table)]).compactMap { $0[0].string })
            if present.isEmpty { return "it has no table \(table)" }
            if let missing = columns.first(where: { !present.contains($0) }) {
                return "table \(table) has no column \(missing)"
            }
        }
        return nil
    }
}
