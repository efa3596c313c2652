/// What `dana-sandbox sign` is asked to sign.
public struct SignOptions: Equatable, Sendable {
    public enum Family: String, Sendable, CaseIterable {
        /// SNAP asymmetric (account inquiry); symmetric HMAC when a B2B token is given.
        case snap
        /// The SNAP B2B token request: `X-CLIENT-KEY|X-TIMESTAMP`.
        case b2b
        /// A DANA Open API envelope around the body.
        case openapi
        /// Paylabs: `POST:path:hash(body):X-TIMESTAMP`.
        case paylabs
    }

    public var family: Family
    public var path: String?
    public var function: String?
    public var body: String?
    public var bodyFile: String?
    public var partner: String?
    /// nil: the built-in demo partner key.
    public var keyPath: String?
    public var timestamp: String?
    public var secret: String?
    public var b2bToken: String?
    public var accessToken: String?
    public var externalID: String?

    public init(family: Family) {
        self.family = family
    }

    /// `sign FAMILY [--flag value]…`.
    static func parse(_ arguments: [String]) throws(UsageError) -> SignOptions {
        guard let first = arguments.first, let family = Family(rawValue: first) else {
            throw UsageError("sign needs a family: \(Family.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var options = SignOptions(family: family)
        var index = 1
        while index < arguments.count {
            let flag = arguments[index]
            guard index + 1 < arguments.count else { throw UsageError("\(flag) needs a value") }
            let value = arguments[index + 1]
            switch flag {
            case "--path": options.path = value
            case "--function": options.function = value
            case "--body": options.body = value
            case "--body-file": options.bodyFile = value
            case "--partner": options.partner = value
            case "--key": options.keyPath = value
            case "--timestamp": options.timestamp = value
            case "--secret": options.secret = value
            case "--b2b-token": options.b2bToken = value
            case "--access-token": options.accessToken = value
            case "--external-id": options.externalID = value
            default: throw UsageError("unknown option '\(flag)' for sign")
            }
            index += 2
        }
        switch family {
        case .snap, .paylabs:
            guard options.path?.hasPrefix("/") == true else { throw UsageError("sign \(family.rawValue) needs --path, the request path (e.g. /v1.0/emoney/account-inquiry.htm)") }
        case .openapi:
            guard options.function != nil else { throw UsageError("sign openapi needs --function (e.g. dana.merchant.queryMerchantResource)") }
        case .b2b:
            break
        }
        if family != .b2b, options.body == nil, options.bodyFile == nil {
            throw UsageError("sign \(family.rawValue) needs --body JSON or --body-file FILE")
        }
        return options
    }
}
