import Foundation
import SandboxHTTP

/// `dana.member.query.queryUserProfile` (seed 000): the resources of the user behind an access
/// token, each as a string `value`. Outcomes come from the store: the token (unknown or expired →
/// OAUTH_FAILED, as DANA's real sandbox answers), its scopes, its user's status, the partner's
/// merchant.
public struct QueryUserProfileHandler: RequestHandler {
    public static let path = "/dana/member/query/queryUserProfile.htm"
    public static let function = "dana.member.query.queryUserProfile"
    /// UserResourceEnum.
    public static let resources = [
        "BALANCE", "TOPUP_URL", "TRANSACTION_URL", "OTT", "MASK_DANA_ID", "USER_KYC", "LOGIN_ID", "CLEAR_TEXT_DANA_ID",
        "NICKNAME", "FULLNAME", "KTP_NUMBER", "KTP_PHOTO_DATA", "SELFIE_PHOTO_DATA", "AVATAR_URL", "MASKED_FULLNAME",
    ]
    // Tiny valid PNGs (4×3 and 3×4 pixels): real base64 image data, small enough for any log.
    static let ktpPhoto = "iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAEElEQVR42mNwazoBRww4OQBnvhLBn9lR+QAAAABJRU5ErkJggg=="
    static let selfiePhoto = "iVBORw0KGgoAAAANSUhEUgAAAAMAAAAECAIAAADETxJQAAAAEUlEQVR42mN4dmIVBDHgZQEANZYcIS19G5MAAAAASUVORK5CYII="

    let store: SandboxStore
    let endpoint: OpenAPIEndpoint
    let now: @Sendable () -> Date

    public init(store: SandboxStore, endpoint: OpenAPIEndpoint, now: @escaping @Sendable () -> Date) {
        self.store = store
        self.endpoint = endpoint
        self.now = now
    }

    public func handle(_ request: HTTPRequest) -> Reply {
        endpoint.handle(request) { envelope, partner in
            guard let token = envelope.head("accessToken"), (1...512).contains(token.count) else {
                return OpenAPIEndpoint.illegal("head.accessToken")
            }
            guard let requested = OpenAPIEndpoint.stringList(envelope.body, "userResources") else {
                return OpenAPIEndpoint.illegal("body.userResources must be a non-empty list of UserResourceEnum values")
            }
            if let unknown = requested.first(where: { !Self.resources.contains($0) }) {
                return OpenAPIEndpoint.Answer(OpenAPICatalog.resourceNotDefine.with(message: "Resource not define: \(unknown)"))
            }
            return try store.withDatabase { database in
                guard let grant = try database.queryRow("SELECT * FROM customer_tokens WHERE token = ?", [.text(token)]),
                      grant.string("partner_id") == partner.clientID,
                      let expiry = SignatureTimestamp.parse(grant.string("expires_at") ?? ""), expiry > now() else {
                    return OpenAPIEndpoint.Answer(.oauthFailed)
                }
                guard try database.queryRow("SELECT 1 FROM merchants WHERE partner_id = ? AND status = 'ACTIVE'", [.text(partner.clientID)]) != nil else {
                    return OpenAPIEndpoint.Answer(OpenAPICatalog.userProfileMerchantNotExist)
                }
                guard let user = try database.queryRow("SELECT * FROM users WHERE dana_id = ?", [.text(grant.string("dana_id") ?? "")]) else {
                    return OpenAPIEndpoint.Answer(OpenAPICatalog.userNotExist)
                }
                guard user.string("status") == "ACTIVE" else {
                    return OpenAPIEndpoint.Answer(OpenAPICatalog.userStatusAbnormal)
                }
                let scopes = Set((grant.string("scopes") ?? "").split(separator: " ").map(String.init))
                if !scopes.contains("*"), let forbidden = requested.first(where: { !scopes.contains($0) }) {
                    return OpenAPIEndpoint.Answer(OpenAPICatalog.tokenForbiddenAccessResources.with(message: "This accessToken can’t access all apply resources: \(forbidden)"))
                }
                // The document makes value conditional, but dana-python's model requires a string:
                // a resource the user lacks (no KTP on file) is answered with "".
                let infos = requested.map { resource in
                    JSONValue.fields(["resourceType": .string(resource), "value": .string(value(of: resource, for: user) ?? "")])
                }
                return OpenAPIEndpoint.Answer(OpenAPICatalog.success, [JSONMember(key: "userResourceInfos", value: .array(infos))])
            }
        }
    }

    /// A resource's value; nil when the user has none.
    private func value(of resource: String, for user: SQLiteRow) -> String? {
        let number = user.string("customer_number") ?? ""
        switch resource {
        case "BALANCE": return ResourceValue.balance(cents: user.int64("balance_cents") ?? 0)
        case "TOPUP_URL": return "https://m.sandbox.dana.id/m/portal/topup"
        case "TRANSACTION_URL": return "https://m.sandbox.dana.id/m/portal/transaction"
        case "OTT": return RandomText.make(32, from: RandomText.upperAlphanumeric)
        case "MASK_DANA_ID": return ResourceValue.maskedNumber(number)
        case "USER_KYC": return user.string("kyc_level")
        case "LOGIN_ID": return number
        case "CLEAR_TEXT_DANA_ID": return user.string("dana_id")
        case "NICKNAME": return user.string("nickname")
        case "FULLNAME": return user.string("full_name")
        case "KTP_NUMBER": return user.string("ktp_number")
        case "KTP_PHOTO_DATA": return user.string("ktp_number") == nil ? nil : Self.ktpPhoto
        case "SELFIE_PHOTO_DATA": return user.string("ktp_number") == nil ? nil : Self.selfiePhoto
        case "AVATAR_URL": return user.string("avatar_url")
        case "MASKED_FULLNAME": return ResourceValue.maskedName(user.string("full_name") ?? "")
        default: return nil
        }
    }
}
