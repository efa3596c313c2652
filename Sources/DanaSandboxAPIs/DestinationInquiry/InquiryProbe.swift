import Foundation
import SandboxJSON

/// One inquiry of a run: what it asks, whether its signature is deliberately wrong, and whether
/// its destination is one no partner knows.
struct InquiryProbe: Sendable {
    enum Expectation: Sendable {
        /// A conformant answer to a valid inquiry.
        case answer
        /// A conformant answer whose every result is FAILED.
        case unknownDestination
        /// HTTP 401: the partner must refuse a signature that does not verify.
        case refusal
    }

    let name: String
    let destinations: [DestinationInfo]
    let expectation: Expectation

    /// The rules this probe is checked against, in order.
    var rules: [(id: String, description: String)] {
        switch expectation {
        case .answer: InquiryRule.answer
        case .unknownDestination: InquiryRule.answer + [InquiryRule.unknownDestination]
        case .refusal: InquiryRule.badSignature
        }
    }

    /// The order alone.
    static func single(_ order: DestinationInquiryOrder) -> [InquiryProbe] {
        [InquiryProbe(name: "inquiry", destinations: order.destinations, expectation: .answer)]
    }

    /// The battery: the order as given (document 003's example unless told otherwise), two
    /// destinations at once, one with a bill amount, a destination nobody knows, and a wrong
    /// DANA signature.
    static func suite(_ order: DestinationInquiryOrder) -> [InquiryProbe] {
        let first = order.destinations[0]
        let unknown = DestinationInfo(primaryParam: "sandbox-unknown-" + UUID().uuidString.prefix(8).lowercased(), secondaryParam: "")
        let pair = order.destinations.count >= 2 ? Array(order.destinations.prefix(2)) : [first, unknown]
        let billed = DestinationInfo(
            primaryParam: first.primaryParam, secondaryParam: first.secondaryParam,
            billAmount: first.billAmount ?? .fields(["value": "10000000", "currency": "IDR"])
        )
        return [
            InquiryProbe(name: "example", destinations: order.destinations, expectation: .answer),
            InquiryProbe(name: "two-destinations", destinations: pair, expectation: .answer),
            InquiryProbe(name: "bill-amount", destinations: [billed], expectation: .answer),
            InquiryProbe(name: "unknown-destination", destinations: [unknown], expectation: .unknownDestination),
            InquiryProbe(name: "bad-signature", destinations: [first], expectation: .refusal),
        ]
    }
}
