/// One stored fixture, of whichever kind, as `FixtureStore` reads it back.
public enum FixtureRecord: Sendable {
    case partner(Partner)
    case merchant(Merchant)
    case user(User)
    case customerToken(CustomerTokenFixture)
    case store(PaylabsShop)
    case subscription(Subscription)
    case transaction(SubscriptionTransaction)
}
