import SandboxJSON

/// A DANA Open API request: `{"request":{"head":{…},"body":{…}},"signature":"…"}`, with the exact
/// bytes of the `request` member, which is what the partner signed. Those bytes are found by a
/// scanner and never re-serialised: dana-python signs them with spaces, dana-go with sorted keys,
/// dana-php with `\/`, and each verifies only against its own bytes.
public struct OpenAPIRequest: Sendable {
    public let head: JSONValue
    public let body: JSONValue
    public let signedBytes: [UInt8]
    public let signature: String?

    public func head(_ key: String) -> String? { head[key]?.stringValue }

    public var clientID: String? { head("clientId") }
    public var requestMessageID: String? { head("reqMsgId") }

    /// A list of strings from `body[key]`: nil when missing, empty or not all strings.
    public func bodyStrings(_ key: String) -> [String]? {
        guard let items = body[key]?.arrayValue, !items.isEmpty else { return nil }
        let strings = items.compactMap(\.stringValue)
        return strings.count == items.count ? strings : nil
    }

    /// The envelope, or why it is not one (a sentence for resultMsg).
    public static func parse(_ bytes: [UInt8]) -> Result<OpenAPIRequest, OpenAPIEnvelopeError> {
        let spans: [JSONMemberSpan]
        let document: JSONValue
        do {
            spans = try JSONScanner.topLevelMembers(bytes)
            document = try JSONScanner.parse(bytes)
        } catch {
            return .failure(OpenAPIEnvelopeError("the body is not a JSON object: \(error.message)"))
        }
        guard let span = spans.first(where: { $0.key == "request" }), case .object = document["request"] ?? .null else {
            return .failure(OpenAPIEnvelopeError("the body has no \"request\" object"))
        }
        guard let head = document["request"]?["head"], case .object = head else {
            return .failure(OpenAPIEnvelopeError("request.head is missing or not an object"))
        }
        guard let body = document["request"]?["body"], case .object = body else {
            return .failure(OpenAPIEnvelopeError("request.body is missing or not an object"))
        }
        return .success(OpenAPIRequest(
            head: head, body: body, signedBytes: Array(bytes[span.valueRange]), signature: document["signature"]?.stringValue
        ))
    }
}
