/// A row that does not decode into its record: the column and what was wrong with it.
public struct RowDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    public let description: String

    static func missingColumn(_ column: String, in columns: [String]) -> RowDecodingError {
        RowDecodingError(description: "no column \(column) in the row (it has \(columns.joined(separator: ", ")))")
    }

    static func null(_ column: String) -> RowDecodingError {
        RowDecodingError(description: "column \(column) is NULL")
    }

    static func notAnInteger(_ column: String, _ value: SQLiteValue) -> RowDecodingError {
        RowDecodingError(description: "column \(column) holds \(value), not an integer")
    }

    static func notANumber(_ column: String, _ value: SQLiteValue) -> RowDecodingError {
        RowDecodingError(description: "column \(column) holds \(value), not a number")
    }

    static func unexpected(_ column: String, _ text: String) -> RowDecodingError {
        RowDecodingError(description: "column \(column) holds '\(text)', which this sandbox does not know")
    }
}
