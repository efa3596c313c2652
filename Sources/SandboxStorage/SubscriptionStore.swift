/// Paylabs stores, subscriptions and their transactions.
public struct SubscriptionStore: Sendable {
    let store: SandboxStore

    public init(store: SandboxStore) {
        self.store = store
    }

    public func shop(_ storeID: String, merchant: String) throws -> PaylabsShop? {
        try store.record("SELECT * FROM paylabs_stores WHERE store_id = ? AND merchant_id = ?", [.text(storeID), .text(merchant)])
    }

    public func subscription(_ subscriptionID: String, merchant: String) throws -> Subscription? {
        try store.record("SELECT * FROM subscriptions WHERE subscription_id = ? AND merchant_id = ?", [.text(subscriptionID), .text(merchant)])
    }

    /// Page `page` (from 1) of `size` transactions, newest first.
    public func transactions(of subscriptionID: String, page: Int, size: Int) throws -> [SubscriptionTransaction] {
        try store.records(
            """
            SELECT * FROM subscription_transactions WHERE subscription_id = ?
            ORDER BY success_time DESC, platform_trade_no DESC LIMIT ? OFFSET ?
            """,
            [.text(subscriptionID), .integer(Int64(size)), .integer(Int64((page - 1) * size))]
        )
    }
}
