/// The `users` table: DANA wallet holders.
public struct UserStore: Sendable {
    let store: SandboxStore

    public init(store: SandboxStore) {
        self.store = store
    }

    public func user(danaID: String) throws -> User? {
        try find("SELECT * FROM users WHERE dana_id = ?", danaID)
    }

    public func user(customerNumber: String) throws -> User? {
        try find("SELECT * FROM users WHERE customer_number = ?", customerNumber)
    }

    private func find(_ sql: String, _ key: String) throws -> User? {
        try store.withDatabase { database in
            try database.queryRow(sql, [.text(key)]).map(User.init(row:))
        }
    }
}
