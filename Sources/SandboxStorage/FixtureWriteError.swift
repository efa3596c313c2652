/// A fixture that refers to something that does not exist: the field, as the request named it
/// (`merchants[0].clientId`), and what was expected there.
public struct FixtureWriteError: Error, Equatable, Sendable {
    public let field: String
    public let expected: String

    public init(field: String, expected: String) {
        self.field = field
        self.expected = expected
    }
}
