/// The `users` table: DANA wallet holders.
public struct UserStore: Sendable {
    let store: SandboxStore

    public init(store: SandboxStore) {
        self.store = store
    }

    public func user(danaID: String) throws -> User? {
        try store.record("SELECT * FROM users WHERE dana_id = ?", [.text(danaID)])
    }

    public func user(customerNumber: String) throws -> User? {
        try store.record("SELECT * FROM users WHERE customer_number = ?", [.text(customerNumber)])
    }
}
