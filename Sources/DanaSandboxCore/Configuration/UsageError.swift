/// A command line that cannot be acted on: exit status 2 with this one-line reason, and a line
/// pointing at the help page of the command it concerns.
public struct UsageError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    /// The command whose `--help` explains, or nil for the whole page.
    public private(set) var topic: Usage.Topic?

    public init(_ message: String) {
        self.message = message
    }

    /// The same error, about `topic`.
    func about(_ topic: Usage.Topic) -> UsageError {
        var error = self
        error.topic = topic
        return error
    }

    public var description: String { message }
}
