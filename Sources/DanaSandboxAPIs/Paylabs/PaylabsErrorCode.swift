/// A Paylabs `errCode` with its English description, answered as `errCodeDes` (`paylabs-sdk`
/// `ERROR_DESCRIPTIONS`).
public struct PaylabsErrorCode: ResultCode {
    public let code: String
    public let message: String

    public init(_ code: String, _ message: String) {
        self.code = code
        self.message = message
    }

    public var isSuccess: Bool { code == "0" }

    public func with(message: String) -> PaylabsErrorCode {
        PaylabsErrorCode(code, message)
    }

    public static let success = PaylabsErrorCode("0", "Success")
    public static let merchantInvalid = PaylabsErrorCode("merchantInvalid", "Merchant is not registered")
    public static let merchantFreezing = PaylabsErrorCode("merchantFreezing", "Merchant account is frozen")
    public static let storeInvalid = PaylabsErrorCode("storeInvalid", "Store is not available")
    public static let storeFreezing = PaylabsErrorCode("storeFreezing", "Store account is frozen")
    public static let orderInvalid = PaylabsErrorCode("orderInvalid", "Invalid order")
    public static let paramInvalid = PaylabsErrorCode("paramInvalid", "Invalid request parameters")
    public static let paymentTypeIsError = PaylabsErrorCode("paymentTypeIsError", "Invalid payment type")
    public static let postDataEmpty = PaylabsErrorCode("postDataEmpty", "POST body data is empty")
    public static let signError = PaylabsErrorCode("signError", "Invalid signature")
    public static let conflict = PaylabsErrorCode("Conflict", "Duplicate / invalid request code")
    public static let systemError = PaylabsErrorCode("systemError", "System error")

    /// Every code Paylabs documents, for scenarios (docs/result-codes.md).
    public static let all: [PaylabsErrorCode] = [
        success,
        PaylabsErrorCode("noauth", "Merchant does not have access rights to the API"),
        PaylabsErrorCode("InvalidAmount", "Invalid amount value"),
        PaylabsErrorCode("amountSetERROR", "Incorrect amount format"),
        conflict,
        PaylabsErrorCode("h5orderpaid", "H5 order has been paid"),
        PaylabsErrorCode("h5ordervalid", "H5 order is valid"),
        merchantInvalid, merchantFreezing,
        PaylabsErrorCode("Rejected", "Merchant did not grant permission for this interface"),
        PaylabsErrorCode("orderCheckOuted", "Order completed / checked out"),
        PaylabsErrorCode("orderExpired", "Unpaid order has expired"),
        orderInvalid,
        PaylabsErrorCode("merchantRefundNoExit", "Merchant refund order does not exist"),
        PaylabsErrorCode("merchantRefundNoUsed", "Merchant refund order repeated"),
        PaylabsErrorCode("duplicateMerchantTradeNo", "Duplicate merchant trade number"),
        paramInvalid, paymentTypeIsError,
        PaylabsErrorCode("channelError", "Payment channel issue"),
        postDataEmpty,
        PaylabsErrorCode("riskNotPass", "Risk check failed"),
        signError, storeInvalid, storeFreezing, systemError,
        PaylabsErrorCode("systemTimeout", "Execution timeout"),
        PaylabsErrorCode("timeIsnotnowDate", "startTime and endTime cannot be current date"),
        PaylabsErrorCode("timeIsError", "uploadDate cannot be empty"),
    ]
}
