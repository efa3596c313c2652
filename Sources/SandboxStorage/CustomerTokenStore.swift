/// The `customer_tokens` table: user access tokens issued to partners.
public struct CustomerTokenStore: Sendable {
    let store: SandboxStore

    public init(store: SandboxStore) {
        self.store = store
    }

    public func token(_ token: String) throws -> CustomerToken? {
        try store.withDatabase { database in
            try database.queryRow("SELECT * FROM customer_tokens WHERE token = ?", [.text(token)])
                .map(CustomerToken.init(row:))
        }
    }
}
