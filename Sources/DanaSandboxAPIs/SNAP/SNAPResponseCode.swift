/// A SNAP `responseCode` with its message: HTTP status (3 digits) + service code (2) + case (2).
public struct SNAPResponseCode: ResultCode {
    public let code: String
    /// The documented message; `[reason]` and `{field}` parts are filled in by the caller.
    public let message: String

    /// The HTTP status SNAP answers with: the first three digits of the code, read once here
    /// rather than on every answer.
    public let httpStatus: Int

    public init(_ code: String, _ message: String) {
        self.code = code
        self.message = message
        httpStatus = Int(code.prefix(3)) ?? 500
    }

    public var isSuccess: Bool { code.hasPrefix("200") }

    public func with(message: String) -> SNAPResponseCode {
        SNAPResponseCode(code, message)
    }
}
