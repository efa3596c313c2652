/// Why the store could not be opened: the seed or the database, and where. One line, as start-up
/// errors are shown.
public struct StoreOpenError: Error, Equatable, Sendable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }
}
