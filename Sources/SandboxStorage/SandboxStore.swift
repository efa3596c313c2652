import Foundation
import SandboxSupport

/// The sandbox's state: a live SQLite database, and a pristine copy of the seed state kept in
/// memory (shared by every session's store) so that a reset, or a new session, is one page copy
/// (SQLite's backup API) instead of replaying seed.sql.
///
/// Every use of the live database goes through `lock`: SQLite work here takes microseconds, and
/// one connection used serially is both the simplest correct model and what keeps prepared
/// statements reusable. That lock is why the class is `@unchecked Sendable`: the connection is
/// touched only while holding it (a `Mutex` cannot lend its non-Sendable value to a closure that
/// hands out borrowed rows). When both are needed, `lock` is taken before the seed's.
public final class SandboxStore: @unchecked Sendable {
    private let lock = NSLock()
    private let live: SQLiteDatabase
    private let pristine: SeedImage
    /// Where the live database is (`:memory:` or a file path).
    public let path: String
    /// True when an existing file was opened and the seed was not applied.
    public let reopened: Bool

    private init(live: SQLiteDatabase, pristine: SeedImage, reopened: Bool) {
        self.live = live
        self.pristine = pristine
        self.path = live.path
        self.reopened = reopened
    }

    /// A new in-memory store in the seed state, sharing this one's seed: a session's own data.
    public func makeSessionStore() throws(SQLiteError) -> SandboxStore {
        let database = try SQLiteDatabase(path: ":memory:")
        try pristine.withDatabase { seed throws(SQLiteError) in try database.replaceContents(with: seed) }
        return SandboxStore(live: database, pristine: pristine, reopened: false)
    }

    /// The memory the live database holds, in bytes (its pages).
    public var memoryBytes: Int {
        withDatabase { database in
            let pages = (try? database.queryRow("PRAGMA page_count")?[0].int) ?? 0
            let size = (try? database.queryRow("PRAGMA page_size")?[0].int) ?? 0
            return pages * size
        }
    }

    /// Loads `seedPath` into the pristine copy, then opens `databasePath`: `:memory:` or a new file
    /// gets the seed state; an existing file is kept as it is (state survives restarts).
    public static func open(databasePath: String, seedPath: String) throws(StoreOpenError) -> SandboxStore {
        let seed: String
        do {
            seed = try String(contentsOfFile: seedPath, encoding: .utf8)
        } catch {
            throw StoreOpenError("cannot read seed file \(seedPath): \(FileErrorReason.describe(error))")
        }
        return try open(databasePath: databasePath, seed: seed, seedName: seedPath)
    }

    /// As `open(databasePath:seedPath:)`, with the seed's text; `seedName` names it in errors.
    public static func open(databasePath: String, seed: String, seedName seedPath: String) throws(StoreOpenError) -> SandboxStore {
        let pristine: SQLiteDatabase
        do {
            pristine = try SQLiteDatabase(path: ":memory:")
        } catch {
            throw StoreOpenError("cannot open an in-memory database: \(error.message)")
        }
        do throws(SQLiteScriptError) {
            try pristine.executeScript(seed)
        } catch {
            throw StoreOpenError("broken seed: \(seedPath):\(error.line): \(error.error.message)")
        }
        try check(pristine, what: "seed \(seedPath)")
        let seedImage = SeedImage(pristine)

        do {
            let live = try SQLiteDatabase(path: databasePath)
            let isFile = databasePath != ":memory:" && !databasePath.isEmpty
            let isNew = try live.queryRow("SELECT count(*) FROM sqlite_schema")?[0].int == 0
            if isFile {
                // WAL: readers (a user's sqlite3 shell) never block the sandbox, and commits
                // need no fsync of the main file.
                try live.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000")
            }
            if isNew {
                try live.replaceContents(with: pristine)
            } else {
                try check(live, what: "database \(databasePath)")
            }
            return SandboxStore(live: live, pristine: seedImage, reopened: !isNew)
        } catch let error as StoreOpenError {
            throw error
        } catch let error as SQLiteError {
            throw StoreOpenError("cannot use database \(databasePath): \(error.message)")
        } catch {
            throw StoreOpenError("cannot use database \(databasePath): \(error)")
        }
    }

    private static func check(_ database: SQLiteDatabase, what: String) throws(StoreOpenError) {
        let problem: String?
        do {
            problem = try StoreSchema.problem(in: database)
        } catch {
            throw StoreOpenError("cannot read the schema of \(what): \(error.message)")
        }
        if let problem {
            throw StoreOpenError("\(what) does not fit this sandbox: \(problem)")
        }
    }

    // MARK: - Use

    /// Runs `body` with the live database, alone.
    @discardableResult
    public func withDatabase<T>(_ body: (SQLiteDatabase) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(live)
    }

    /// Runs `body` in a transaction of the live database: all or nothing.
    @discardableResult
    public func transaction<T>(_ body: (SQLiteDatabase) throws -> T) throws -> T {
        try withDatabase { database in try database.transaction { try body(database) } }
    }

    /// Runs `body` on the seed state, then on the live state, each in a transaction, and returns
    /// the live result: for changes that must survive a reset (a partner registered at start).
    @discardableResult
    public func withLiveAndSeed<T>(_ body: (SQLiteDatabase) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        _ = try pristine.withDatabase { seed in try seed.transaction { try body(seed) } }
        return try live.transaction { try body(live) }
    }

    /// Copies everything the write-ahead log holds into the database file and empties the log, so
    /// the file alone is complete (a user may copy just the `.db`). For a graceful stop; a no-op
    /// for `:memory:`.
    public func checkpoint() throws(SQLiteError) {
        guard path != ":memory:" && !path.isEmpty else { return }
        lock.lock()
        defer { lock.unlock() }
        try live.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }

    /// Back to the seed state: every table as seed.sql left it.
    public func reset() throws(SQLiteError) {
        lock.lock()
        defer { lock.unlock() }
        try pristine.withDatabase { seed throws(SQLiteError) in try live.replaceContents(with: seed) }
    }
}
