import SandboxJSON

/// One destination DANA asks about: a customer number, meter or account (`primaryParam`), a
/// secondary identifier such as a game server, and optionally the user's bill amount.
public struct DestinationInfo: Sendable, Equatable {
    public let primaryParam: String
    public let secondaryParam: String?
    /// `{"value":"…","currency":"IDR"}`, in the smallest unit.
    public let billAmount: JSONValue?

    public init(primaryParam: String, secondaryParam: String? = nil, billAmount: JSONValue? = nil) {
        self.primaryParam = primaryParam
        self.secondaryParam = secondaryParam
        self.billAmount = billAmount
    }

    var json: JSONValue {
        .fields(["primaryParam": .string(primaryParam), "secondaryParam": secondaryParam.map(JSONValue.string), "billAmount": billAmount])
    }
}
