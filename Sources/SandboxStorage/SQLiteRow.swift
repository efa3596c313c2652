/// One result row, by column name or position. Reading a column the row does not have throws:
/// a misspelt name is a bug to report, never a silent NULL that becomes a zero limit.
public struct SQLiteRow: Equatable, Sendable {
    public let columns: [String]
    public let values: [SQLiteValue]

    public init(columns: [String], values: [SQLiteValue]) {
        self.columns = columns
        self.values = values
    }

    public subscript(_ column: String) -> SQLiteValue {
        get throws(RowDecodingError) {
            guard let index = columns.firstIndex(of: column) else { throw .missingColumn(column, in: columns) }
            return values[index]
        }
    }

    public subscript(_ index: Int) -> SQLiteValue { values[index] }

    /// The column's text, nil when NULL.
    public func string(_ column: String) throws(RowDecodingError) -> String? { try self[column].string }
    public func int(_ column: String) throws(RowDecodingError) -> Int? { try self[column].int }
    public func int64(_ column: String) throws(RowDecodingError) -> Int64? { try self[column].int64 }
    public func double(_ column: String) throws(RowDecodingError) -> Double? { try self[column].double }

    /// The column's text; NULL is an error.
    public func text(_ column: String) throws(RowDecodingError) -> String {
        guard let text = try string(column) else { throw .null(column) }
        return text
    }

    /// The column's integer; NULL or text that is not a number is an error.
    public func integer(_ column: String) throws(RowDecodingError) -> Int64 {
        guard let number = try int64(column) else { throw .notAnInteger(column, try self[column]) }
        return number
    }

    /// The column's number; NULL or text that is not a number is an error.
    public func real(_ column: String) throws(RowDecodingError) -> Double {
        guard let number = try double(column) else { throw .notANumber(column, try self[column]) }
        return number
    }

    /// The column's text as a value of `type` (a status), any other text being an error.
    public func enumeration<T: RawRepresentable>(_ column: String, as type: T.Type) throws(RowDecodingError) -> T where T.RawValue == String {
        let text = try text(column)
        guard let value = T(rawValue: text) else { throw .unexpected(column, text) }
        return value
    }
}
