/// Every emulated endpoint, in the contract's order. The router, the scenario library and the
/// journal read this list; nothing else names endpoints.
public enum EndpointRegistry {
    public static let endpoints: [any EmulatedEndpoint.Type] = [
        QueryUserProfileHandler.self,
        QueryMerchantResourceHandler.self,
        AccountInquiryHandler.self,
        B2BTokenHandler.self,
        QuerySubscriptionTransactionsHandler.self,
    ]

    public static let descriptors: [EndpointDescriptor] = endpoints.map { $0.descriptor }

    private static let byName = Dictionary(uniqueKeysWithValues: descriptors.map { ($0.name, $0) })
    private static let byPath = Dictionary(uniqueKeysWithValues: descriptors.flatMap { descriptor in descriptor.paths.map { ($0, descriptor) } })

    public static var names: [String] { descriptors.map(\.name) }

    public static func descriptor(named name: String) -> EndpointDescriptor? { byName[name] }

    public static func descriptor(forPath path: String) -> EndpointDescriptor? { byPath[path] }
}
