import Foundation
import SandboxHTTP

/// `dana.merchant.queryMerchantResource` (seed 002, "Check Disbursement Account"): the balances of
/// a merchant the partner owns, each as a JSON string `{"amount":…,"currency":"IDR"}`.
public struct QueryMerchantResourceHandler: RequestHandler {
    public static let path = "/dana/merchant/queryMerchantResource.htm"
    public static let function = "dana.merchant.queryMerchantResource"
    static let columns = [
        "MERCHANT_AVAILABLE_BALANCE": "available_balance_cents",
        "MERCHANT_TOTAL_BALANCE": "total_balance_cents",
        "MERCHANT_DEPOSIT_BALANCE": "deposit_balance_cents",
    ]

    let store: SandboxStore
    let endpoint: OpenAPIEndpoint

    public init(store: SandboxStore, endpoint: OpenAPIEndpoint) {
        self.store = store
        self.endpoint = endpoint
    }

    public func handle(_ request: HTTPRequest) -> Reply {
        endpoint.handle(request) { envelope, partner in
            guard let merchantID = envelope.body["requestMerchantId"]?.stringValue, !merchantID.isEmpty else {
                return OpenAPIEndpoint.illegal("body.requestMerchantId")
            }
            guard merchantID.count <= 64 else { return OpenAPIEndpoint.illegal("body.requestMerchantId") }
            guard let resources = OpenAPIEndpoint.stringList(envelope.body, "merchantResourceInfoList") else {
                return OpenAPIEndpoint.illegal("body.merchantResourceInfoList must be a non-empty list of MerchantResourceEnum values")
            }
            if let unknown = resources.first(where: { Self.columns[$0] == nil }) {
                return OpenAPIEndpoint.illegal("body.merchantResourceInfoList has \(unknown), not a MerchantResourceEnum value")
            }
            let merchant = try store.withDatabase { database in
                try database.queryRow(
                    "SELECT * FROM merchants WHERE merchant_id = ? AND partner_id = ? AND status = 'ACTIVE'",
                    [.text(merchantID), .text(partner.clientID)]
                )
            }
            guard let merchant else { return OpenAPIEndpoint.Answer(OpenAPICatalog.merchantResourceMerchantNotExist) }
            let informations = resources.map { resource in
                JSONValue.fields([
                    "resourceType": .string(resource),
                    "value": .string(ResourceValue.balance(cents: merchant.int64(Self.columns[resource]!) ?? 0)),
                ])
            }
            return OpenAPIEndpoint.Answer(OpenAPICatalog.success, [JSONMember(key: "merchantResourceInformations", value: .array(informations))])
        }
    }
}
