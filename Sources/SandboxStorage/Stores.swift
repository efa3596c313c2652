/// Every store over one `SandboxStore`, so a handler asks for the data it needs by role.
public struct Stores: Sendable {
    public let store: SandboxStore
    public let partners: PartnerStore
    public let users: UserStore
    public let customerTokens: CustomerTokenStore
    public let merchants: MerchantStore
    public let b2bTokens: B2BTokenStore
    public let requestIDs: RequestIDLedger
    public let subscriptions: SubscriptionStore

    public init(_ store: SandboxStore) {
        self.store = store
        partners = PartnerStore(store: store)
        users = UserStore(store: store)
        customerTokens = CustomerTokenStore(store: store)
        merchants = MerchantStore(store: store)
        b2bTokens = B2BTokenStore(store: store)
        requestIDs = RequestIDLedger(store: store)
        subscriptions = SubscriptionStore(store: store)
    }
}
