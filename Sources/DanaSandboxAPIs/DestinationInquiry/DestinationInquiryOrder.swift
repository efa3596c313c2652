import SandboxHTTP
import SandboxJSON

/// What to ask a partner and how: the body of `POST /sandbox/destination-inquiry` and the flags of
/// `dana-sandbox destination-inquiry`. Everything but the URL defaults to document 003's example.
public struct DestinationInquiryOrder: Sendable, Equatable {
    public static let exampleDestinations = [
        DestinationInfo(primaryParam: "111111111", secondaryParam: ""),
        DestinationInfo(primaryParam: "22222222", secondaryParam: ""),
    ]
    public static let exampleProductID = "merchant_sku_1"
    /// The document's expected timeout.
    public static let defaultTimeoutMilliseconds = 8000

    public var url: ClientURL
    /// The partner whose registered key the answer's signature must verify with.
    public var clientID = "2014000014442"
    public var productID = exampleProductID
    public var destinations = exampleDestinations
    public var timeoutMilliseconds = defaultTimeoutMilliseconds
    /// Run the whole battery of probes instead of one inquiry.
    public var suite = false

    public init(url: ClientURL) {
        self.url = url
    }

    /// The order a JSON body describes; a bad field is named with what it should be.
    public static func parse(_ body: [UInt8]) throws(OrderError) -> DestinationInquiryOrder {
        guard let json = try? JSONScanner.parse(body), case .object = json else {
            throw OrderError("the body must be a JSON object: {\"url\":\"https://…/destination/inquiry\", …}")
        }
        let known = ["url", "clientId", "productId", "destinationInfos", "timeoutMs", "suite"]
        if let unknown = json.objectMembers?.first(where: { !known.contains($0.key) }) {
            throw OrderError("\(unknown.key) is not a field; the fields are \(known.joined(separator: ", "))")
        }
        guard let text = json["url"]?.stringValue, !text.isEmpty else {
            throw OrderError("url is required: the partner's destination inquiry URL, http:// or https://")
        }
        var order: DestinationInquiryOrder
        do {
            order = DestinationInquiryOrder(url: try ClientURL(text))
        } catch {
            throw OrderError("url is unusable: \(error.message)")
        }
        if let value = json["clientId"], !value.isNull {
            guard let clientID = value.stringValue, (1...64).contains(clientID.count) else { throw OrderError("clientId must be a string of 1 to 64 characters") }
            order.clientID = clientID
        }
        if let value = json["productId"], !value.isNull {
            guard let productID = value.stringValue, (1...64).contains(productID.count) else { throw OrderError("productId must be a string of 1 to 64 characters") }
            order.productID = productID
        }
        if let value = json["destinationInfos"], !value.isNull {
            order.destinations = try destinations(value)
        }
        if let value = json["timeoutMs"], !value.isNull {
            guard let milliseconds = value.intValue, (1...120_000).contains(milliseconds) else { throw OrderError("timeoutMs must be a whole number from 1 to 120000") }
            order.timeoutMilliseconds = milliseconds
        }
        if let value = json["suite"], !value.isNull {
            guard let suite = value.boolValue else { throw OrderError("suite must be true or false") }
            order.suite = suite
        }
        return order
    }

    private static func destinations(_ value: JSONValue) throws(OrderError) -> [DestinationInfo] {
        guard let items = value.arrayValue, !items.isEmpty, items.count <= 20 else {
            throw OrderError("destinationInfos must be an array of 1 to 20 {\"primaryParam\",\"secondaryParam\",\"billAmount\"} objects")
        }
        var destinations: [DestinationInfo] = []
        for (index, item) in items.enumerated() {
            let at = "destinationInfos[\(index)]"
            guard let primary = item["primaryParam"]?.stringValue, (1...64).contains(primary.count) else {
                throw OrderError("\(at).primaryParam must be a string of 1 to 64 characters")
            }
            let secondary = item["secondaryParam"]
            if let secondary, !secondary.isNull, secondary.stringValue.map({ $0.count <= 64 }) != true {
                throw OrderError("\(at).secondaryParam must be a string of at most 64 characters")
            }
            let bill = item["billAmount"]
            if let bill, !bill.isNull {
                guard case .object = bill, bill["value"]?.stringValue.map({ (1...19).contains($0.count) }) == true,
                      bill["currency"]?.stringValue.map({ (1...3).contains($0.count) }) == true else {
                    throw OrderError("\(at).billAmount must be {\"value\": 1 to 19 characters, \"currency\": 1 to 3}")
                }
            }
            destinations.append(DestinationInfo(
                primaryParam: primary, secondaryParam: secondary?.stringValue, billAmount: bill.flatMap { $0.isNull ? nil : $0 }
            ))
        }
        return destinations
    }

    /// Why an order cannot be run: one sentence naming the field.
    public struct OrderError: Error, Sendable, Equatable {
        public let message: String

        public init(_ message: String) {
            self.message = message
        }
    }
}
