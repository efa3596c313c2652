/// A documented result of one family (SNAP `responseCode`, Open API `resultInfo`, Paylabs
/// `errCode`) with its message, which a handler may reword to name the field at fault.
public protocol ResultCode: Sendable, Equatable {
    var code: String { get }
    var message: String { get }
    /// Other names of the same result, accepted by scenarios.
    var aliases: [String] { get }
    var isSuccess: Bool { get }
    /// The same result with another message.
    func with(message: String) -> Self
}

extension ResultCode {
    public var aliases: [String] { [] }
}
