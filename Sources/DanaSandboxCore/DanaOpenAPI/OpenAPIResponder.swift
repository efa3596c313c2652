import Foundation
import SandboxHTTP

/// Open API responses: `{"response":{"head":{…},"body":{"resultInfo":{…},…}},"signature":"…"}`,
/// HTTP 200 for every business outcome. The `response` member is serialised once, compactly, with
/// `head` first; the signature is over exactly those bytes, which are then sent verbatim. That is
/// what the one client that verifies (legacy dana-id/php_client) checks: the text from `{"head"`
/// to `,"signature"`.
public struct OpenAPIResponder: Sendable {
    let signer: ResponseSigner
    let now: @Sendable () -> Date

    public init(signer: ResponseSigner, now: @escaping @Sendable () -> Date) {
        self.signer = signer
        self.now = now
    }

    public func reply(function: String, request: OpenAPIRequest?, result: OpenAPIResult, body members: [JSONMember] = []) -> Reply {
        .respond(response(function: function, request: request, result: result, body: members))
    }

    public func response(function: String, request: OpenAPIRequest?, result: OpenAPIResult, body members: [JSONMember] = []) -> HTTPResponse {
        let head = JSONValue.fields([
            "version": "2.0",
            "function": .string(function),
            "clientId": request?.clientID.map(JSONValue.string),
            "respTime": .string(SignatureTimestamp.jakarta(now())),
            "reqMsgId": request?.requestMessageID.map(JSONValue.string),
            "reserve": "{}",
        ])
        let resultInfo = JSONValue.fields([
            "resultStatus": .string(result.status.rawValue),
            "resultCodeId": .string(result.codeID),
            "resultCode": .string(result.code),
            "resultMsg": .string(result.message),
        ])
        let body = JSONValue.object([JSONMember(key: "resultInfo", value: resultInfo)] + members)
        return signed(.fields(["head": head, "body": body]), resultCode: result.code)
    }

    /// The envelope around `response`, signed over exactly the bytes sent.
    public func signed(_ response: JSONValue, resultCode: String, signature override: String? = nil) -> HTTPResponse {
        let signed = response.bytes
        // A signing failure leaves the signature empty rather than hiding the business answer.
        let signature = override ?? (try? signer.signAsDANA(signed)) ?? ""
        var bytes = Array("{\"response\":".utf8)
        bytes += signed
        bytes += Array(",\"signature\":\(JSONString.quoted(signature))}".utf8)
        return HTTPResponse(status: .ok, headers: ["Content-Type": "application/json"], body: bytes, annotations: ["result.code": resultCode])
    }
}
