/// Fixtures: any record created or replaced in one transaction (all or nothing), read back, or
/// removed. References are checked before each write so an error names the field at fault.
public struct FixtureStore: Sendable {
    let store: SandboxStore

    public init(store: SandboxStore) {
        self.store = store
    }

    /// Writes every record of `batch`, or none; with `keepAcrossResets` into the seed state too
    /// (fixtures loaded at start).
    public func write(_ batch: FixtureBatch, keepAcrossResets: Bool = false) throws {
        let write = { (database: SQLiteDatabase) throws in try Self.write(batch, into: database) }
        if keepAcrossResets { try store.withLiveAndSeed(write) } else { try store.transaction(write) }
    }

    private static func write(_ batch: FixtureBatch, into database: SQLiteDatabase) throws {
        for partner in batch.partners + batch.paylabsMerchants {
            try database.run(
                """
                INSERT INTO partners (client_id, family, name, client_secret, public_key, status, topup_min_cents, topup_max_cents, topup_fee_cents, topup_fee_type)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (client_id) DO UPDATE SET family = excluded.family, name = excluded.name, client_secret = excluded.client_secret,
                    public_key = excluded.public_key, status = excluded.status, topup_min_cents = excluded.topup_min_cents,
                    topup_max_cents = excluded.topup_max_cents, topup_fee_cents = excluded.topup_fee_cents, topup_fee_type = excluded.topup_fee_type
                """,
                [.text(partner.clientID), .text(partner.family.rawValue), .text(partner.name), SQLiteValue(partner.clientSecret), .text(partner.publicKeyPEM),
                 .text(partner.status.rawValue), .integer(partner.topupMinCents), .integer(partner.topupMaxCents), .integer(partner.topupFeeCents), .text(partner.topupFeeType)]
            )
        }
        for (index, merchant) in batch.merchants.enumerated() {
            try require(database, "SELECT 1 FROM partners WHERE client_id = ? AND family = 'DANA'", merchant.partnerID,
                        field: "merchants[\(index)].clientId", expected: "the clientId of a DANA partner")
            try database.run(
                """
                INSERT INTO merchants (merchant_id, partner_id, name, status, available_balance_cents, total_balance_cents, deposit_balance_cents)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (merchant_id) DO UPDATE SET partner_id = excluded.partner_id, name = excluded.name, status = excluded.status,
                    available_balance_cents = excluded.available_balance_cents, total_balance_cents = excluded.total_balance_cents,
                    deposit_balance_cents = excluded.deposit_balance_cents
                """,
                [.text(merchant.merchantID), .text(merchant.partnerID), .text(merchant.name), .text(merchant.status.rawValue),
                 .integer(merchant.availableBalanceCents), .integer(merchant.totalBalanceCents), .integer(merchant.depositBalanceCents)]
            )
        }
        for (index, user) in batch.users.enumerated() {
            if let other = try database.queryRow("SELECT dana_id FROM users WHERE customer_number = ? AND dana_id <> ?", [.text(user.customerNumber), .text(user.danaID)]) {
                throw FixtureWriteError(field: "users[\(index)].danaId", expected: "\(try other.text("dana_id")), the DANA id the user with customer number \(user.customerNumber) already has")
            }
            try database.run(
                """
                INSERT INTO users (dana_id, customer_number, full_name, nickname, kyc_level, status, balance_cents, monthly_in_limit_cents, monthly_in_used_cents, ktp_number, avatar_url)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (dana_id) DO UPDATE SET customer_number = excluded.customer_number, full_name = excluded.full_name, nickname = excluded.nickname,
                    kyc_level = excluded.kyc_level, status = excluded.status, balance_cents = excluded.balance_cents,
                    monthly_in_limit_cents = excluded.monthly_in_limit_cents, monthly_in_used_cents = excluded.monthly_in_used_cents,
                    ktp_number = excluded.ktp_number, avatar_url = excluded.avatar_url
                """,
                [.text(user.danaID), .text(user.customerNumber), .text(user.fullName), .text(user.nickname), .text(user.kycLevel), .text(user.status.rawValue),
                 .integer(user.balanceCents), .integer(user.monthlyInLimitCents), .integer(user.monthlyInUsedCents), SQLiteValue(user.ktpNumber), SQLiteValue(user.avatarURL)]
            )
        }
        for (index, token) in batch.customerTokens.enumerated() {
            guard let user = try database.queryRow("SELECT dana_id FROM users WHERE customer_number = ?", [.text(token.customerNumber)]) else {
                throw FixtureWriteError(field: "customerTokens[\(index)].customerNumber", expected: "the customer number of a user (in the seed or in these fixtures)")
            }
            try require(database, "SELECT 1 FROM partners WHERE client_id = ? AND family = 'DANA'", token.partnerID,
                        field: "customerTokens[\(index)].clientId", expected: "the clientId of a DANA partner")
            try database.run(
                """
                INSERT INTO customer_tokens (token, dana_id, partner_id, scopes, expires_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (token, partner_id) DO UPDATE SET dana_id = excluded.dana_id, scopes = excluded.scopes, expires_at = excluded.expires_at
                """,
                [.text(token.token), .text(try user.text("dana_id")), .text(token.partnerID), .text(token.scopes.joined(separator: " ")), .text(token.expiresAt)]
            )
        }
        for (index, shop) in batch.stores.enumerated() {
            try require(database, "SELECT 1 FROM partners WHERE client_id = ? AND family = 'PAYLABS'", shop.merchantID,
                        field: "stores[\(index)].merchantId", expected: "the merchantId of a Paylabs merchant")
            try database.run(
                """
                INSERT INTO paylabs_stores (store_id, merchant_id, name, status) VALUES (?, ?, ?, ?)
                ON CONFLICT (store_id) DO UPDATE SET merchant_id = excluded.merchant_id, name = excluded.name, status = excluded.status
                """,
                [.text(shop.storeID), .text(shop.merchantID), .text(shop.name), .text(shop.status.rawValue)]
            )
        }
        for (index, subscription) in batch.subscriptions.enumerated() {
            try require(database, "SELECT 1 FROM partners WHERE client_id = ? AND family = 'PAYLABS'", subscription.merchantID,
                        field: "subscriptions[\(index)].merchantId", expected: "the merchantId of a Paylabs merchant")
            if let storeID = subscription.storeID {
                try require(database, "SELECT 1 FROM paylabs_stores WHERE store_id = ?", storeID,
                            field: "subscriptions[\(index)].storeId", expected: "the storeId of a Paylabs store")
            }
            try database.run(
                """
                INSERT INTO subscriptions (subscription_id, merchant_id, store_id, payment_type, product_name, amount_cents, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (subscription_id) DO UPDATE SET merchant_id = excluded.merchant_id, store_id = excluded.store_id, payment_type = excluded.payment_type,
                    product_name = excluded.product_name, amount_cents = excluded.amount_cents, created_at = excluded.created_at
                """,
                [.text(subscription.subscriptionID), .text(subscription.merchantID), SQLiteValue(subscription.storeID), .text(subscription.paymentType),
                 .text(subscription.productName), .integer(subscription.amountCents), .text(subscription.createdAt)]
            )
        }
        for (index, payment) in batch.transactions.enumerated() {
            try require(database, "SELECT 1 FROM subscriptions WHERE subscription_id = ?", payment.subscriptionID,
                        field: "transactions[\(index)].subscriptionId", expected: "the subscriptionId of a subscription")
            try database.run(
                """
                INSERT INTO subscription_transactions (platform_trade_no, subscription_id, success_time, amount_cents, status, fee_rate, fee_amount_cents, total_fee_cents, vat_cents)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (platform_trade_no) DO UPDATE SET subscription_id = excluded.subscription_id, success_time = excluded.success_time,
                    amount_cents = excluded.amount_cents, status = excluded.status, fee_rate = excluded.fee_rate, fee_amount_cents = excluded.fee_amount_cents,
                    total_fee_cents = excluded.total_fee_cents, vat_cents = excluded.vat_cents
                """,
                [.text(payment.platformTradeNo), .text(payment.subscriptionID), .text(payment.successTime), .integer(payment.amountCents), .text(payment.status),
                 .real(payment.feeRate), .integer(payment.feeAmountCents), .integer(payment.totalFeeCents), .integer(payment.vatCents)]
            )
        }
    }

    private static func require(_ database: SQLiteDatabase, _ sql: String, _ key: String, field: String, expected: String) throws {
        if try database.queryRow(sql, [.text(key)]) == nil { throw FixtureWriteError(field: field, expected: expected) }
    }

    // MARK: - Reading and removing

    /// A fixture kind's table: how rows are listed, found by id, and removed.
    public enum Kind: String, Sendable, CaseIterable {
        case partners, merchants, users, customerTokens, paylabsMerchants, stores, subscriptions, transactions

        var table: String {
            switch self {
            case .partners, .paylabsMerchants: "partners"
            case .merchants: "merchants"
            case .users: "users"
            case .customerTokens: "customer_tokens"
            case .stores: "paylabs_stores"
            case .subscriptions: "subscriptions"
            case .transactions: "subscription_transactions"
            }
        }

        /// The column the kind's id is in (customer tokens by token, users by customer number).
        var key: String {
            switch self {
            case .partners, .paylabsMerchants: "client_id"
            case .merchants: "merchant_id"
            case .users: "customer_number"
            case .customerTokens: "token"
            case .stores: "store_id"
            case .subscriptions: "subscription_id"
            case .transactions: "platform_trade_no"
            }
        }

        var condition: String {
            switch self {
            case .partners: "family = 'DANA'"
            case .paylabsMerchants: "family = 'PAYLABS'"
            default: "1"
            }
        }
    }

    /// Every record of `kind`, or the one with `id`.
    public func records(_ kind: Kind, id: String? = nil) throws -> [FixtureRecord] {
        try rows(kind, id: id).map { row throws -> FixtureRecord in
            switch kind {
            case .partners, .paylabsMerchants: return .partner(try Partner(row: row))
            case .merchants: return .merchant(try Merchant(row: row))
            case .users: return .user(try User(row: row))
            case .stores: return .store(try PaylabsShop(row: row))
            case .subscriptions: return .subscription(try Subscription(row: row))
            case .transactions: return .transaction(try SubscriptionTransaction(row: row))
            case .customerTokens:
                return .customerToken(CustomerTokenFixture(
                    token: try row.text("token"), customerNumber: try row.string("customer_number") ?? "",
                    partnerID: try row.text("partner_id"), scopes: try row.text("scopes").split(separator: " ").map(String.init),
                    expiresAt: try row.text("expires_at")
                ))
            }
        }
    }

    /// Every row of `kind`, or the one with `id`, each with the customer number of a token's user.
    private func rows(_ kind: Kind, id: String?) throws -> [SQLiteRow] {
        let select = kind == .customerTokens
            ? "SELECT customer_tokens.*, users.customer_number FROM customer_tokens LEFT JOIN users ON users.dana_id = customer_tokens.dana_id"
            : "SELECT * FROM \(kind.table)"
        let filter = id == nil ? "" : " AND \(kind.table).\(kind.key) = ?"
        return try store.withDatabase { database in
            try database.query("\(select) WHERE \(kind.condition)\(filter) ORDER BY \(kind.table).\(kind.key)", id.map { [.text($0)] } ?? [])
        }
    }

    /// Removes the row of `kind` with `id`; false when there is none. A row others depend on (a
    /// merchant's partner, a subscription's store) is refused by SQLite's foreign keys.
    public func delete(_ kind: Kind, id: String) throws -> Bool {
        try store.withDatabase { database in
            try database.run("DELETE FROM \(kind.table) WHERE \(kind.condition) AND \(kind.key) = ?", [.text(id)]) >= 1
        }
    }
}
