/// One SNAP service: its two-digit code, catalog, and the codes its common failures use.
public struct SNAPService: Sendable {
    public let serviceCode: String
    public let catalog: [SNAPResponseCode]

    public static let accountInquiry = SNAPService(serviceCode: "37", catalog: SNAPCatalog.accountInquiry)
    public static let b2bToken = SNAPService(serviceCode: "73", catalog: SNAPCatalog.b2bToken)

    /// The catalog entry for HTTP status + this service + case, e.g. `code("400", "02")`.
    public func code(_ http: String, _ caseCode: String) -> SNAPResponseCode {
        let code = http + serviceCode + caseCode
        return SNAPCatalog.find(code, in: catalog) ?? SNAPResponseCode(code, "General Error")
    }

    public var success: SNAPResponseCode { code("200", "00") }
    public var badRequest: SNAPResponseCode { code("400", "00") }

    public func invalidFieldFormat(_ field: String) -> SNAPResponseCode {
        code("400", "01").with(message: "Invalid Field Format \(field)")
    }

    public func invalidMandatoryField(_ field: String) -> SNAPResponseCode {
        code("400", "02").with(message: "Invalid Mandatory Field \(field)")
    }

    public func unauthorized(_ reason: String) -> SNAPResponseCode {
        SNAPResponseCode("401\(serviceCode)00", "Unauthorized. \(reason)")
    }

    public var internalServerError: SNAPResponseCode { code("500", "01") }
}
