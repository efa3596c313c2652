import Foundation
import SandboxHTTP
import SandboxJSON
import SandboxStorage
import SandboxSupport

/// `dana.member.query.queryUserProfile` (docs/api-documents.md, 000): the resources of the user
/// behind an access token, each as a string `value`. Outcomes come from the store: the token
/// (unknown or expired → OAUTH_FAILED, as DANA's real sandbox answers), its scopes, its user's
/// status, the partner's merchant.
public struct QueryUserProfileHandler: OpenAPIEndpoint {
    public static let path = "/dana/member/query/queryUserProfile.htm"
    public static let function = "dana.member.query.queryUserProfile"
    public static let document = "000"
    public static let lintRules = OpenAPILintRules.queryUserProfile
    public static let descriptor = OpenAPIFamily.descriptor(
        name: "query-user-profile", path: path, catalogue: OpenAPICatalog.queryUserProfile, members: ["userResourceInfos"]
    )
    /// UserResourceEnum.
    public static let resources = [
        "BALANCE", "TOPUP_URL", "TRANSACTION_URL", "OTT", "MASK_DANA_ID", "USER_KYC", "LOGIN_ID", "CLEAR_TEXT_DANA_ID",
        "NICKNAME", "FULLNAME", "KTP_NUMBER", "KTP_PHOTO_DATA", "SELFIE_PHOTO_DATA", "AVATAR_URL", "MASKED_FULLNAME",
    ]
    // Tiny valid PNGs (4×3 and 3×4 pixels): real base64 image data, small enough for any log.
    static let ktpPhoto = "iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAEElEQVR42mNwazoBRww4OQBnvhLBn9lR+QAAAABJRU5ErkJggg=="
    static let selfiePhoto = "iVBORw0KGgoAAAANSUhEUgAAAAMAAAAECAIAAADETxJQAAAAEUlEQVR42mN4dmIVBDHgZQEANZYcIS19G5MAAAAASUVORK5CYII="

    public let openAPI: OpenAPIFamily
    public let services: EndpointServices

    public init(services: EndpointServices) {
        openAPI = OpenAPIFamily(function: Self.function, catalogue: OpenAPICatalog.queryUserProfile, signer: services.signer, now: services.now)
        self.services = services
    }

    public func answer(_ envelope: OpenAPIRequest, from partner: Partner, stores: Stores) throws -> Reply {
        guard let token = envelope.head("accessToken"), (1...512).contains(token.count) else {
            throw OpenAPIRejection.illegal("head.accessToken")
        }
        guard let requested = envelope.bodyStrings("userResources") else {
            throw OpenAPIRejection.illegal("body.userResources must be a non-empty list of UserResourceEnum values")
        }
        if let unknown = requested.first(where: { !Self.resources.contains($0) }) {
            throw Rejection(OpenAPICatalog.resourceNotDefine.with(message: "Resource not define: \(unknown)"))
        }
        guard let grant = try stores.customerTokens.token(token, preferring: partner.clientID), grant.isValid(for: partner.clientID, at: services.now()) else {
            throw Rejection(OpenAPIResult.oauthFailed)
        }
        guard try stores.merchants.hasActiveMerchant(ownedBy: partner.clientID) else {
            throw Rejection(OpenAPICatalog.userProfileMerchantNotExist)
        }
        guard let user = try stores.users.user(danaID: grant.danaID) else { throw Rejection(OpenAPICatalog.userNotExist) }
        guard user.status.isActive else { throw Rejection(OpenAPICatalog.userStatusAbnormal) }
        if let forbidden = grant.firstForbidden(of: requested) {
            throw Rejection(OpenAPICatalog.tokenForbiddenAccessResources.with(message: "This accessToken can’t access all apply resources: \(forbidden)"))
        }
        // The document makes value conditional, but dana-python's model requires a string: a
        // resource the user lacks (no KTP on file) is answered with "".
        let infos = requested.map { resource in
            JSONValue.fields(["resourceType": .string(resource), "value": .string(value(of: resource, for: user) ?? "")])
        }
        return .respond(openAPI.answer(OpenAPICatalog.success, [JSONMember(key: "userResourceInfos", value: .array(infos))], to: envelope))
    }

    /// A resource's value; nil when the user has none.
    private func value(of resource: String, for user: User) -> String? {
        switch resource {
        case "BALANCE": return ResourceValue.balance(cents: user.balanceCents)
        case "TOPUP_URL": return "https://m.sandbox.dana.id/m/portal/topup"
        case "TRANSACTION_URL": return "https://m.sandbox.dana.id/m/portal/transaction"
        case "OTT": return RandomText.make(32, from: RandomText.upperAlphanumeric)
        case "MASK_DANA_ID": return ResourceValue.maskedNumber(user.customerNumber)
        case "USER_KYC": return user.kycLevel
        case "LOGIN_ID": return user.customerNumber
        case "CLEAR_TEXT_DANA_ID": return user.danaID
        case "NICKNAME": return user.nickname
        case "FULLNAME": return user.fullName
        case "KTP_NUMBER": return user.ktpNumber
        case "KTP_PHOTO_DATA": return user.ktpNumber == nil ? nil : Self.ktpPhoto
        case "SELFIE_PHOTO_DATA": return user.ktpNumber == nil ? nil : Self.selfiePhoto
        case "AVATAR_URL": return user.avatarURL
        case "MASKED_FULLNAME": return ResourceValue.maskedName(user.fullName)
        default: return nil
        }
    }
}
