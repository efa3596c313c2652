import CSQLite

/// One SQLite connection. Not thread-safe by design: the store serialises every use behind one
/// lock, so the connection is opened `SQLITE_OPEN_NOMUTEX` and SQLite's own mutexes are skipped.
public final class SQLiteDatabase {
    let handle: OpaquePointer
    public let path: String
    private var statements: [String: SQLiteStatement] = [:]

    public init(path: String) throws(SQLiteError) {
        var connection: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
            // The handle must be closed even when the open fails (sqlite3_open_v2's contract).
            sqlite3_close_v2(connection)
            throw SQLiteError(code: code, message: "cannot open \(path): \(message)")
        }
        handle = connection
        self.path = path
        sqlite3_extended_result_codes(handle, 1)
        try execute("PRAGMA foreign_keys = ON")
    }

    deinit {
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    // MARK: - Statements

    /// Runs SQL without bindings, several statements allowed (for pragmas and set-up).
    public func execute(_ sql: String) throws(SQLiteError) {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        defer { sqlite3_free(message) }
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            throw SQLiteError(code: sqlite3_extended_errcode(handle), message: text, sql: sql)
        }
    }

    /// The rows of one statement, prepared once and cached by its text.
    public func query(_ sql: String, _ bindings: [SQLiteValue] = []) throws(SQLiteError) -> [SQLiteRow] {
        let statement = try prepared(sql)
        do {
            try statement.bind(bindings)
        } catch {
            statement.reset()
            throw error
        }
        return try statement.rows()
    }

    /// The first row, or nil.
    public func queryRow(_ sql: String, _ bindings: [SQLiteValue] = []) throws(SQLiteError) -> SQLiteRow? {
        try query(sql, bindings).first
    }

    /// Runs one data-changing statement and returns how many rows it changed.
    @discardableResult
    public func run(_ sql: String, _ bindings: [SQLiteValue] = []) throws(SQLiteError) -> Int {
        _ = try query(sql, bindings)
        return Int(sqlite3_changes(handle))
    }

    private func prepared(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        if let statement = statements[sql] { return statement }
        let statement = try SQLiteStatement(database: handle, sql: sql)
        statements[sql] = statement
        return statement
    }

    /// How many statements are cached (for tests of the cache).
    var cachedStatementCount: Int { statements.count }

    // MARK: - Transactions

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws (and
    /// the first error is rethrown, not one from the rollback).
    @discardableResult
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    // MARK: - Whole databases

    /// Replaces this database's whole content with `source`'s, page by page, with SQLite's online
    /// backup API: far faster than replaying SQL, which is what makes a reset cheap.
    public func replaceContents(with source: SQLiteDatabase) throws(SQLiteError) {
        guard let backup = sqlite3_backup_init(handle, "main", source.handle, "main") else {
            throw SQLiteError(code: sqlite3_extended_errcode(handle), message: String(cString: sqlite3_errmsg(handle)), sql: "backup")
        }
        let stepped = sqlite3_backup_step(backup, -1)
        let finished = sqlite3_backup_finish(backup)
        guard stepped == SQLITE_DONE, finished == SQLITE_OK else {
            throw SQLiteError(code: sqlite3_extended_errcode(handle), message: String(cString: sqlite3_errmsg(handle)), sql: "backup")
        }
    }

    /// Runs a script of many statements (a seed file), one at a time, so a failure can name the
    /// line of the statement that failed, and of the error within it when SQLite knows it.
    public func executeScript(_ script: String) throws(SQLiteScriptError) {
        var utf8 = Array(script.utf8)
        utf8.append(0)
        var failure: SQLiteScriptError?
        utf8.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            var cursor = base
            while cursor.pointee != 0 {
                let statementStart = Self.skipWhitespaceAndComments(cursor)
                var statement: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                let text = UnsafeRawPointer(cursor).assumingMemoryBound(to: CChar.self)
                let prepared = sqlite3_prepare_v2(handle, text, -1, &statement, &tail)
                if prepared != SQLITE_OK {
                    let offset = sqlite3_error_offset(handle)
                    let errorAt = offset >= 0 ? cursor + Int(offset) : statementStart
                    failure = SQLiteScriptError(
                        line: Self.line(of: errorAt, in: base),
                        error: SQLiteError(code: sqlite3_extended_errcode(handle), message: String(cString: sqlite3_errmsg(handle)))
                    )
                    return
                }
                guard let statement else { break } // only comments or whitespace were left
                var code = sqlite3_step(statement)
                while code == SQLITE_ROW { code = sqlite3_step(statement) }
                sqlite3_finalize(statement)
                if code != SQLITE_DONE {
                    failure = SQLiteScriptError(
                        line: Self.line(of: statementStart, in: base),
                        error: SQLiteError(code: sqlite3_extended_errcode(handle), message: String(cString: sqlite3_errmsg(handle)))
                    )
                    return
                }
                guard let tail else { break }
                cursor = UnsafeRawPointer(tail).assumingMemoryBound(to: UInt8.self)
                // As sqlite3_exec does between statements: C isspace, vertical tab and form feed
                // included, which SQLite's tokenizer itself calls illegal. Without this a script
                // `sqlite3` runs would fail here at a stray \v.
                while (0x09...0x0D).contains(cursor.pointee) || cursor.pointee == 0x20 { cursor += 1 }
            }
        }
        if let failure { throw failure }
    }

    private static func line(of position: UnsafePointer<UInt8>, in base: UnsafePointer<UInt8>) -> Int {
        var line = 1
        var cursor = base
        while cursor < position {
            if cursor.pointee == 0x0A { line += 1 }
            cursor += 1
        }
        return line
    }

    /// The first byte of the next statement: past blanks, `-- line` and `/* block */` comments.
    private static func skipWhitespaceAndComments(_ start: UnsafePointer<UInt8>) -> UnsafePointer<UInt8> {
        var cursor = start
        while true {
            switch cursor.pointee {
            case 0x20, 0x09, 0x0A, 0x0D:
                cursor += 1
            case UInt8(ascii: "-") where cursor[1] == UInt8(ascii: "-"):
                while cursor.pointee != 0 && cursor.pointee != 0x0A { cursor += 1 }
            case UInt8(ascii: "/") where cursor[1] == UInt8(ascii: "*"):
                cursor += 2
                while cursor.pointee != 0 && !(cursor.pointee == UInt8(ascii: "*") && cursor[1] == UInt8(ascii: "/")) { cursor += 1 }
                if cursor.pointee != 0 { cursor += 2 }
            default:
                return cursor
            }
        }
    }
}
