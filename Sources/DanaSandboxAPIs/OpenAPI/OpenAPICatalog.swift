/// Every documented `resultInfo` of the emulated Open API endpoints (docs/result-codes.md). Names
/// repeat across endpoints with different ids (MERCHANT_NOT_EXIST), so each endpoint has its own.
public enum OpenAPICatalog {
    public static let success = OpenAPIResult(.success, "00000000", "SUCCESS", "Success")
    public static let paramIllegal = OpenAPIResult(.failure, "00000004", "PARAM_ILLEGAL", "parameter illegal")
    /// Status U, as document 002 lists it (docs/api-documents.md): the outcome is unknown, so the
    /// partner retries.
    public static let systemError = OpenAPIResult(.unknown, "00000900", "SYSTEM_ERROR", "system error")

    public static let userNotExist = OpenAPIResult(.failure, "12002005", "USER_NOT_EXIST", "User does not exist")
    public static let userStatusAbnormal = OpenAPIResult(.failure, "12002006", "USER_STATUS_ABNORMAL", "User status is not normal")
    public static let tokenForbiddenAccessResources = OpenAPIResult(.failure, "12014201", "TOKEN_FORBIDDEN_ACCESS_RESOURCES", "This accessToken can’t access all apply resources")
    public static let resourceNotDefine = OpenAPIResult(.failure, "12014202", "RESOURCE_NOT_DEFINE", "Resource not define")
    public static let userProfileMerchantNotExist = OpenAPIResult(.failure, "12014203", "MERCHANT_NOT_EXIST", "Merchant not exist")
    /// 11 digits, verbatim from document 002 (docs/api-documents.md).
    public static let merchantResourceMerchantNotExist = OpenAPIResult(.failure, "12158006901", "MERCHANT_NOT_EXIST", "Merchant not exist")

    public static let queryUserProfile: [OpenAPIResult] = [
        success, userNotExist, userStatusAbnormal, tokenForbiddenAccessResources, resourceNotDefine,
        userProfileMerchantNotExist, paramIllegal, systemError, .oauthFailed,
    ]

    public static let queryMerchantResource: [OpenAPIResult] = [
        success, paramIllegal, systemError, merchantResourceMerchantNotExist,
    ]

    /// A result of `catalog` by its name (`USER_NOT_EXIST`) or id (`12002005`).
    public static func find(_ code: String, in catalog: [OpenAPIResult]) -> OpenAPIResult? {
        catalog.first { $0.code == code || $0.codeID == code }
    }
}
