/// Records to create or replace together, in dependency order: partners (DANA and Paylabs),
/// merchants, users, customer tokens, Paylabs stores, subscriptions, transactions. Each list keeps
/// the index it had in the request, for errors that name the field.
public struct FixtureBatch: Sendable {
    public var partners: [Partner] = []
    public var paylabsMerchants: [Partner] = []
    public var merchants: [Merchant] = []
    public var users: [User] = []
    public var customerTokens: [CustomerTokenFixture] = []
    public var stores: [PaylabsShop] = []
    public var subscriptions: [Subscription] = []
    public var transactions: [SubscriptionTransaction] = []

    public init() {}
}
