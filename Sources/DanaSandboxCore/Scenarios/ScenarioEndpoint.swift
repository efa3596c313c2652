/// The emulated endpoints by the names scenario files and the journal use (the contract's table).
public enum ScenarioEndpoint: String, CaseIterable, Sendable {
    case queryUserProfile = "query-user-profile"
    case queryMerchantResource = "query-merchant-resource"
    case accountInquiry = "account-inquiry"
    case b2bToken = "b2b-token"
    case querySubscriptionTransactions = "query-subscription-transactions"

    public var paths: [String] {
        switch self {
        case .queryUserProfile: [QueryUserProfileHandler.path]
        case .queryMerchantResource: [QueryMerchantResourceHandler.path]
        case .accountInquiry: AccountInquiryHandler.paths
        case .b2bToken: [B2BTokenHandler.path]
        case .querySubscriptionTransactions: [QuerySubscriptionTransactionsHandler.path]
        }
    }

    public static func forPath(_ path: String) -> ScenarioEndpoint? {
        allCases.first { $0.paths.contains(path) }
    }

    /// The codes a `resultCode` may name: SNAP responseCode, Open API resultCode name or
    /// resultCodeId, Paylabs errCode.
    public var documentedCodes: [String] {
        switch self {
        case .accountInquiry: SNAPCatalog.accountInquiry.map(\.code)
        case .b2bToken: SNAPCatalog.b2bToken.map(\.code)
        case .queryUserProfile: OpenAPICatalog.queryUserProfile.flatMap { [$0.code, $0.codeID] }
        case .queryMerchantResource: OpenAPICatalog.queryMerchantResource.flatMap { [$0.code, $0.codeID] }
        case .querySubscriptionTransactions: PaylabsErrorCode.all.map(\.code)
        }
    }

    /// The codes to list when refusing one: names only for the Open API, ids are accepted too.
    public var listedCodes: [String] {
        switch self {
        case .queryUserProfile: OpenAPICatalog.queryUserProfile.map(\.code)
        case .queryMerchantResource: OpenAPICatalog.queryMerchantResource.map(\.code)
        default: documentedCodes
        }
    }

    public func isSuccess(_ code: String) -> Bool {
        ["2003700", "2007300", "SUCCESS", "00000000", "0"].contains(code)
    }

    /// Members of the success answer that `missing-field:NAME` may remove: SNAP and Paylabs
    /// bodies; for the Open API, members of response.head and response.body, and `signature`.
    public var successFields: [String] {
        let openAPIHead = ["version", "function", "clientId", "respTime", "reqMsgId", "reserve"]
        switch self {
        case .accountInquiry:
            return ["responseCode", "responseMessage", "referenceNo", "partnerReferenceNo", "sessionId", "customerNumber", "customerName",
                    "customerMonthlyInLimit", "minAmount", "maxAmount", "amount", "feeAmount", "feeType", "additionalInfo"]
        case .b2bToken:
            return ["responseCode", "responseMessage", "accessToken", "tokenType", "expiresIn", "additionalInfo"]
        case .queryUserProfile:
            return openAPIHead + ["resultInfo", "userResourceInfos", "signature"]
        case .queryMerchantResource:
            return openAPIHead + ["resultInfo", "merchantResourceInformations", "signature"]
        case .querySubscriptionTransactions:
            return ["merchantId", "requestId", "errCode", "storeId", "paymentType", "paymentInfo"]
        }
    }

    /// Whether responses carry a signature a `bad-signature` fault can break.
    public var signsResponses: Bool {
        switch self {
        case .queryUserProfile, .queryMerchantResource, .querySubscriptionTransactions: true
        case .accountInquiry, .b2bToken: false
        }
    }
}
