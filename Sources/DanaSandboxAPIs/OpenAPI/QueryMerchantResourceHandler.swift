import Foundation
import SandboxHTTP
import SandboxJSON
import SandboxStorage

/// `dana.merchant.queryMerchantResource` (docs/api-documents.md, 002, "Check Disbursement
/// Account"): the balances of a merchant the partner owns, each as a JSON string
/// `{"amount":…,"currency":"IDR"}`.
public struct QueryMerchantResourceHandler: OpenAPIEndpoint {
    public static let path = "/dana/merchant/queryMerchantResource.htm"
    public static let function = "dana.merchant.queryMerchantResource"
    public static let document = "002"
    public static let lintRules = OpenAPILintRules.queryMerchantResource
    public static let descriptor = OpenAPIFamily.descriptor(
        name: "query-merchant-resource", path: path, catalogue: OpenAPICatalog.queryMerchantResource, members: ["merchantResourceInformations"]
    )
    /// MerchantResourceEnum, and the balance each reports.
    static let balances: [String: @Sendable (Merchant) -> Int64] = [
        "MERCHANT_AVAILABLE_BALANCE": { $0.availableBalanceCents },
        "MERCHANT_TOTAL_BALANCE": { $0.totalBalanceCents },
        "MERCHANT_DEPOSIT_BALANCE": { $0.depositBalanceCents },
    ]

    public let openAPI: OpenAPIFamily
    public let services: EndpointServices

    public init(services: EndpointServices) {
        openAPI = OpenAPIFamily(function: Self.function, catalogue: OpenAPICatalog.queryMerchantResource, signer: services.signer, now: services.now)
        self.services = services
    }

    public func answer(_ envelope: OpenAPIRequest, from partner: Partner, stores: Stores) throws -> Reply {
        guard let merchantID = envelope.body["requestMerchantId"]?.stringValue, (1...64).contains(merchantID.count) else {
            throw OpenAPIRejection.illegal("body.requestMerchantId")
        }
        guard let resources = envelope.bodyStrings("merchantResourceInfoList") else {
            throw OpenAPIRejection.illegal("body.merchantResourceInfoList must be a non-empty list of MerchantResourceEnum values")
        }
        let readers = try resources.map { resource throws(Rejection<OpenAPIResult>) in
            guard let balance = Self.balances[resource] else {
                throw OpenAPIRejection.illegal("body.merchantResourceInfoList has \(resource), not a MerchantResourceEnum value")
            }
            return (resource, balance)
        }
        guard let merchant = try stores.merchants.activeMerchant(merchantID, ownedBy: partner.clientID) else {
            throw Rejection(OpenAPICatalog.merchantResourceMerchantNotExist)
        }
        let informations = readers.map { resource, balance in
            JSONValue.fields(["resourceType": .string(resource), "value": .string(ResourceValue.balance(cents: balance(merchant)))])
        }
        return .respond(openAPI.answer(OpenAPICatalog.success, [JSONMember(key: "merchantResourceInformations", value: .array(informations))], to: envelope))
    }
}
