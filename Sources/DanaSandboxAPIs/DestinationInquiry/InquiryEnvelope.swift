import Foundation
import SandboxCrypto
import SandboxJSON
import SandboxSupport

/// The destination inquiry the sandbox sends as DANA (docs/api-documents.md, 003): an Open API
/// envelope whose `request` member is signed with the sandbox's DANA key, exactly as it signs
/// its own Open API responses (docs/signatures.md, Destination inquiry).
public struct InquiryEnvelope: Sendable {
    public static let function = "dana.digital.goods.destination.inquiry"

    public let requestMessageID: String
    public let destinations: [DestinationInfo]
    /// The exact bytes sent: `{"request":…,"signature":"…"}`.
    public let bytes: [UInt8]

    /// A fresh inquiry: head `version` 2.0, the function, `reqTime` in Jakarta time and a new UUID
    /// `reqMsgId`. `forged` signs other bytes, for the probe a partner must refuse.
    public init(destinations: [DestinationInfo], productID: String, key: RSAPrivateKey, now: Date, forged: Bool = false) throws(CryptoError) {
        requestMessageID = UUID().uuidString.lowercased()
        self.destinations = destinations
        let request = JSONValue.fields([
            "head": .fields([
                "version": "2.0",
                "function": .string(Self.function),
                "reqTime": .string(SignatureTimestamp.jakarta(now)),
                "reqMsgId": .string(requestMessageID),
            ]),
            "body": .fields(["destinationInfos": .array(destinations.map(\.json)), "productId": .string(productID)]),
        ]).bytes
        let signature = try OpenAPISignatureScheme.sign(forged ? request + [0x20] : request, with: key)
        bytes = OpenAPISignatureScheme.envelope("request", request, signature: signature)
    }
}
