/// A script statement that failed, with the 1-based line it starts (or fails) on.
public struct SQLiteScriptError: Error, Equatable, Sendable {
    public let line: Int
    public let error: SQLiteError
}
