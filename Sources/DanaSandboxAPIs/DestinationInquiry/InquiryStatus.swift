/// The `inquiryStatus` codes of document 003 (docs/result-codes.md, Destination inquiry
/// inquiryStatus): 10 is SUCCESS, every other one FAILED.
public enum InquiryStatus {
    public static let table: [(code: String, status: String, message: String)] = [
        ("10", "SUCCESS", "Success"),
        ("20", "FAILED", "Invalid Destination"),
        ("21", "FAILED", "Destination is blocked"),
        ("22", "FAILED", "Invalid Amount"),
        ("23", "FAILED", "Invalid Payment Time"),
        ("24", "FAILED", "Timeout"),
        ("25", "FAILED", "Bill is already paid"),
        ("26", "FAILED", "Bill is not available"),
        ("27", "FAILED", "Transaction failed"),
        ("28", "FAILED", "Data not found"),
        ("29", "FAILED", "Cut off time"),
        ("30", "FAILED", "Pay in office"),
        ("99", "FAILED", "General Error"),
    ]

    /// The documented status of `code`, or nil for a code the document does not list.
    public static func status(of code: String) -> String? {
        table.first { $0.code == code }?.status
    }

    public static var codes: [String] { table.map(\.code) }
}
