/// A value read from one row of its table. Decoding throws on a missing or mistyped column, so a
/// misspelt column name is an error, never a default.
protocol StoredRecord {
    init(row: SQLiteRow) throws(RowDecodingError)
}

extension SandboxStore {
    /// The first row `sql` selects from the live state, decoded; nil when it selects none.
    func record<Record: StoredRecord>(_ sql: String, _ bindings: [SQLiteValue] = []) throws -> Record? {
        try withDatabase { database in try database.queryRow(sql, bindings).map(Record.init(row:)) }
    }

    /// Every row `sql` selects from the live state, decoded.
    func records<Record: StoredRecord>(_ sql: String, _ bindings: [SQLiteValue] = []) throws -> [Record] {
        try withDatabase { database in try database.query(sql, bindings).map(Record.init(row:)) }
    }
}
