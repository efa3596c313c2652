import DanaSandboxAPIs
import SandboxHTTP
import SandboxJSON

/// What `dana-sandbox destination-inquiry URL` is asked to do: the order, where the keys and
/// partners come from, and where to write JUnit XML.
public struct DestinationInquiryOptions: Sendable, Equatable {
    /// Set last, from the URL and the order's flags.
    public private(set) var order: DestinationInquiryOrder?
    /// nil: the built-in seed and keys, as for serve.
    public var seed: String?
    public var keys: String?
    public var partners: [ServeOptions.PartnerKey] = []
    public var caFile: String?
    public var insecure = false
    public var junit: String?
    /// Print the JSON report instead of the text one.
    public var json = false

    /// The order's flags, kept until the URL is known.
    private var clientID: String?
    private var productID: String?
    private var timeoutMilliseconds: Int?
    private var suite = false

    private typealias Flags = FlagSet<DestinationInquiryOptions>

    private static let flags = Flags([
        .init(name: "client-id") { options, value throws(UsageError) in options.clientID = try Flags.nonEmpty(value, flag: "client-id") },
        .init(name: "product-id") { options, value throws(UsageError) in options.productID = try Flags.nonEmpty(value, flag: "product-id") },
        .init(name: "destination", repeatable: true) { options, value throws(UsageError) in
            let parts = value.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard let primary = parts.first, (1...64).contains(primary.count) else {
                throw UsageError("--destination takes PRIMARY[:SECONDARY], each at most 64 characters, not '\\(value)'")
            }
            options.destinations.append(DestinationInfo(primaryParam: primary, secondaryParam: parts.count > 1 ? parts[1] : ""))
        },
        .init(name: "bill-amount") { options, value throws(UsageError) in
            guard (1...19).contains(value.count), value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                throw UsageError("--bill-amount takes the amount in the smallest unit (1 to 19 digits, 1000000 is IDR 10,000.00), not '\\(value)'")
            }
            options.billAmount = value
        },
        .init(name: "timeout-ms") { options, value throws(UsageError) in
            options.timeoutMilliseconds = try Flags.integer(value, flag: "timeout-ms", in: 1...120_000)
        },
        .init(name: "suite", isSwitch: true) { options, value throws(UsageError) in options.suite = try Flags.boolean(value, flag: "suite") },
        .init(name: "junit") { options, value throws(UsageError) in options.junit = try Flags.nonEmpty(value, flag: "junit") },
        .init(name: "json", isSwitch: true) { options, value throws(UsageError) in options.json = try Flags.boolean(value, flag: "json") },
        .init(name: "seed") { options, value throws(UsageError) in options.seed = try Flags.nonEmpty(value, flag: "seed") },
        .init(name: "keys") { options, value throws(UsageError) in options.keys = try Flags.nonEmpty(value, flag: "keys") },
        .init(name: "partner", repeatable: true) { options, value throws(UsageError) in options.partners.append(try Flags.partnerKey(value)) },
        .init(name: "ca-file") { options, value throws(UsageError) in options.caFile = try Flags.nonEmpty(value, flag: "ca-file") },
        .init(name: "insecure", isSwitch: true) { options, value throws(UsageError) in options.insecure = try Flags.boolean(value, flag: "insecure") },
    ])

    /// Destinations given with --destination, in order; the document's example when none.
    private var destinations: [DestinationInfo] = []
    /// --bill-amount, put on every destination as IDR.
    private var billAmount: String?

    /// `destination-inquiry URL [--flag value]…`.
    static func parse(_ arguments: [String], environment: [String: String]) throws(UsageError) -> DestinationInquiryOptions {
        var options = DestinationInquiryOptions()
        let (_, positional) = try flags.parse(arguments, environment: environment, into: &options, positionals: 1)
        guard let text = positional.first else {
            throw UsageError("destination-inquiry needs the partner's URL, e.g. https://partner.example/destination/inquiry")
        }
        var order: DestinationInquiryOrder
        do {
            order = DestinationInquiryOrder(url: try ClientURL(text))
        } catch {
            throw UsageError("destination-inquiry: \(error.message)")
        }
        if let clientID = options.clientID { order.clientID = clientID }
        if let productID = options.productID { order.productID = productID }
        if let timeout = options.timeoutMilliseconds { order.timeoutMilliseconds = timeout }
        order.suite = options.suite
        if !options.destinations.isEmpty { order.destinations = options.destinations }
        if let billAmount = options.billAmount {
            order.destinations = order.destinations.map {
                DestinationInfo(primaryParam: $0.primaryParam, secondaryParam: $0.secondaryParam, billAmount: .fields(["value": .string(billAmount), "currency": "IDR"]))
            }
        }
        options.order = order
        return options
    }
}
