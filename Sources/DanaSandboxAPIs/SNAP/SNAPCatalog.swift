/// Every documented response code of the emulated SNAP services, with DANA's messages
/// (docs/result-codes.md). Scenarios may force only these.
public enum SNAPCatalog {
    /// Service 37, account inquiry.
    public static let accountInquiry: [SNAPResponseCode] = [
        SNAPResponseCode("2003700", "Successful"),
        SNAPResponseCode("4003700", "Bad Request"),
        SNAPResponseCode("4003701", "Invalid Field Format"),
        SNAPResponseCode("4003702", "Invalid Mandatory Field"),
        SNAPResponseCode("4013700", "Unauthorized. Invalid Signature"),
        SNAPResponseCode("4013701", "Invalid Token (B2B)"),
        SNAPResponseCode("4013702", "Invalid Customer Token"),
        SNAPResponseCode("4013704", "Customer Token Not Found"),
        SNAPResponseCode("4033702", "Exceeds Transaction Amount Limit"),
        SNAPResponseCode("4033705", "Do Not Honor"),
        SNAPResponseCode("4033714", "Insufficient Funds"),
        SNAPResponseCode("4033715", "Transaction Not Permitted."),
        SNAPResponseCode("4033718", "Inactive Card/Account/Customer"),
        SNAPResponseCode("4033720", "Merchant Limit Exceed"),
        SNAPResponseCode("4043708", "Invalid Merchant"),
        SNAPResponseCode("4043711", "Invalid Card/Account/Customer/Virtual Account"),
        SNAPResponseCode("4093700", "Conflict"),
        SNAPResponseCode("4293700", "Too Many Requests"),
        SNAPResponseCode("5003700", "General Error"),
        SNAPResponseCode("5003701", "Internal Server Error"),
    ]

    /// Service 73, the B2B access token.
    public static let b2bToken: [SNAPResponseCode] = [
        SNAPResponseCode("2007300", "Successful"),
        SNAPResponseCode("4007300", "Bad Request"),
        SNAPResponseCode("4007301", "Invalid Field Format"),
        SNAPResponseCode("4007302", "Invalid Mandatory Field"),
        SNAPResponseCode("4017300", "Unauthorized. Invalid Signature"),
        SNAPResponseCode("4297300", "Too Many Requests"),
        SNAPResponseCode("5007300", "General Error"),
        SNAPResponseCode("5007301", "Internal Server Error"),
    ]

    /// The documented code `code` of a catalog, or nil.
    public static func find(_ code: String, in catalog: [SNAPResponseCode]) -> SNAPResponseCode? {
        catalog.first { $0.code == code }
    }
}
