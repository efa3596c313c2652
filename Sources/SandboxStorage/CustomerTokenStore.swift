/// The `customer_tokens` table: user access tokens issued to partners.
public struct CustomerTokenStore: Sendable {
    let store: SandboxStore

    public init(store: SandboxStore) {
        self.store = store
    }

    /// The token, as bound for `partner` when it is, else as bound for another partner.
    public func token(_ token: String, preferring partner: String) throws -> CustomerToken? {
        try store.record("SELECT * FROM customer_tokens WHERE token = ? ORDER BY partner_id = ? DESC LIMIT 1", [.text(token), .text(partner)])
    }
}
