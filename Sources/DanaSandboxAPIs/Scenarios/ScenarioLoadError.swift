/// A scenario file that cannot be used: which file, which field, what is wrong.
public struct ScenarioLoadError: Error, Equatable, Sendable, CustomStringConvertible {
    public let file: String
    /// `rules[0].respond.resultCode`, or empty for the file as a whole.
    public let field: String
    public let message: String

    public var description: String {
        field.isEmpty ? "\(file): \(message)" : "\(file): \(field): \(message)"
    }
}
