/// The rules of document 003 a partner's answer is checked against, by id: one JUnit test case
/// each, so a partner's CI names what broke.
public enum InquiryRule {
    public static let answer: [(id: String, description: String)] = [
        ("transport", "the partner accepts the connection and sends a complete HTTP/1.1 response"),
        ("timing", "the answer arrives within the timeout (the document's 8 seconds by default)"),
        ("http.status", "the HTTP status is 200, 201, 400 or 401"),
        ("http.accepted", "a valid, correctly signed inquiry is answered 200 or 201"),
        ("body.json", "the body is JSON"),
        ("envelope", "the body is {\"response\":{\"head\":{…},\"body\":{…}},\"signature\":…}"),
        ("signature", "signature is RSA-SHA256 over the raw response text, verified with the partner's registered key"),
        ("head.version", "response.head.version is a string of 1 to 8 characters"),
        ("head.function", "response.head.function is the function sent"),
        ("head.respTime", "response.head.respTime is YYYY-MM-DDTHH:mm:ss+07:00"),
        ("head.reqMsgId", "response.head.reqMsgId echoes the request's reqMsgId"),
        ("body.inquiryResults", "response.body.inquiryResults is an array with one result per destination asked"),
        ("result.inquiryId", "inquiryId is a string of 1 to 64 characters"),
        ("result.inquiryStatus", "inquiryStatus has a code of the document's table, its status (1-16) and a message (1-256)"),
        ("result.destinationInfo", "destinationInfo echoes a destination that was asked"),
        ("result.customerName", "a successful result has customerName, 1 to 128 characters"),
        ("result.amounts", "a successful result has totalAmount and baseAmount as money in the smallest unit"),
        ("result.optionalFields", "every optional field present has the document's type and length"),
        ("result.billDetail", "every billDetail entry has customerName, invoiceNumber, amount and description"),
    ]

    /// The suite's probe of an unknown destination adds this rule.
    public static let unknownDestination: (id: String, description: String) = ("result.unknownDestination", "a destination the partner does not know gets a FAILED inquiryStatus (20-30 or 99)")
    /// The suite's probe with a wrong DANA signature checks only these.
    public static let badSignature: [(id: String, description: String)] = [
        ("transport", "the partner accepts the connection and sends a complete HTTP/1.1 response"),
        ("timing", "the answer arrives within the timeout (the document's 8 seconds by default)"),
        ("auth.refusesBadSignature", "an inquiry whose DANA signature does not verify is refused with HTTP 401"),
    ]
}
