/// Why the sandbox could not start: printed as one line, then exit status 1.
public struct StartupError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
