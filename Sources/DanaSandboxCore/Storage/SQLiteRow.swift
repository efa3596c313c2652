/// One result row, by column name or position.
public struct SQLiteRow: Equatable, Sendable {
    public let columns: [String]
    public let values: [SQLiteValue]

    public init(columns: [String], values: [SQLiteValue]) {
        self.columns = columns
        self.values = values
    }

    public subscript(_ column: String) -> SQLiteValue {
        guard let index = columns.firstIndex(of: column) else { return .null }
        return values[index]
    }

    public subscript(_ index: Int) -> SQLiteValue { values[index] }

    public func string(_ column: String) -> String? { self[column].string }
    public func int(_ column: String) -> Int? { self[column].int }
    public func int64(_ column: String) -> Int64? { self[column].int64 }
    public func double(_ column: String) -> Double? { self[column].double }
}
