import Foundation

/// The seed state in memory, the source every reset and every new session copies from. Guarded
/// by its own lock: sessions of several event loops may copy it at once, and a partner
/// registered at start writes to it.
final class SeedImage: @unchecked Sendable {
    private let lock = NSLock()
    private let database: SQLiteDatabase

    init(_ database: SQLiteDatabase) {
        self.database = database
    }

    func withDatabase<T, E: Error>(_ body: (SQLiteDatabase) throws(E) -> T) throws(E) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(database)
    }
}
