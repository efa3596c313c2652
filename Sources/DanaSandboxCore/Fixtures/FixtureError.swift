/// Why fixtures cannot be written: the field, as the request names it, and what was expected.
public struct FixtureError: Error, Equatable, Sendable {
    public let message: String

    public init(_ field: String, _ expected: String) {
        message = "\(field): \(expected)"
    }
}
