import Foundation
import SandboxHTTP
import SandboxJSON
import SandboxSupport

/// DANA Open API answers for one function: `{"response":{"head":{…},"body":{"resultInfo":{…},…}},
/// "signature":"…"}`, HTTP 200 for every business outcome. The `response` member is serialised
/// once, compactly, with `head` first; the signature is over exactly those bytes, which are then
/// sent verbatim. That is what the one client that verifies (legacy dana-id/php_client) checks:
/// the text from `{"head"` to `,"signature"`.
public struct OpenAPIFamily: APIFamily {
    public let function: String
    let catalogue: [OpenAPIResult]
    let signer: ResponseSigner
    let now: @Sendable () -> Date

    public init(function: String, catalogue: [OpenAPIResult], signer: ResponseSigner, now: @escaping @Sendable () -> Date) {
        self.function = function
        self.catalogue = catalogue
        self.signer = signer
        self.now = now
    }

    static let headFields = ["version", "function", "clientId", "respTime", "reqMsgId", "reserve"]

    /// The descriptor of an Open API endpoint; `members` are its success body after resultInfo.
    public static func descriptor(name: String, path: String, catalogue: [OpenAPIResult], members: [String]) -> EndpointDescriptor {
        EndpointDescriptor(
            name: name, paths: [path], catalogue: CodeCatalogue(catalogue),
            successFields: headFields + ["resultInfo"] + members + ["signature"], signsResponses: true
        )
    }

    /// The signed answer to `envelope` (nil when the body was not one).
    public func answer(_ result: OpenAPIResult, _ members: [JSONMember] = [], to envelope: OpenAPIRequest?) -> HTTPResponse {
        let head = JSONValue.fields([
            "version": "2.0",
            "function": .string(function),
            "clientId": envelope?.clientID.map(JSONValue.string),
            "respTime": .string(SignatureTimestamp.jakarta(now())),
            "reqMsgId": envelope?.requestMessageID.map(JSONValue.string),
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
    func signed(_ response: JSONValue, resultCode: String, signature override: String? = nil) -> HTTPResponse {
        let member = response.bytes
        // A signing failure leaves the signature empty rather than hiding the business answer.
        let signature = override ?? (try? OpenAPISignatureScheme.sign(member, with: signer.dana)) ?? ""
        return HTTPResponse(
            status: .ok, headers: ["Content-Type": "application/json"],
            body: OpenAPISignatureScheme.envelope("response", member, signature: signature), annotations: ["result.code": resultCode]
        )
    }

    /// The request's envelope, for the head's echo, or nil when it is not one.
    private func envelope(_ request: HTTPRequest) -> OpenAPIRequest? {
        try? OpenAPIRequest.parse(request.body).get()
    }

    // MARK: - APIFamily

    public func documented(_ code: String, for request: HTTPRequest, body: JSONValue?) -> HTTPResponse {
        guard let result = catalogue.first(where: { $0.code == code || $0.codeID == code }) else { return undocumentedCode(for: request, body: body) }
        return answer(result, to: envelope(request))
    }

    public func undocumentedCode(for request: HTTPRequest, body: JSONValue?) -> HTTPResponse {
        answer(OpenAPIResult(.unknown, "99999999", "UNDEFINED_RESULT_CODE", "undefined result code"), to: envelope(request))
    }

    public func internalFailure(for request: HTTPRequest) -> HTTPResponse {
        answer(OpenAPICatalog.systemError, to: envelope(request))
    }

    public func rejection(_ error: any Error, for request: HTTPRequest) -> HTTPResponse? {
        (error as? Rejection<OpenAPIResult>).map { answer($0.code, $0.members, to: envelope(request)) }
    }

    /// PARAM_ILLEGAL naming the field and what the document says.
    public func lintRefusal(_ finding: LintFinding) -> any Error {
        OpenAPIRejection.illegal("\(finding.field) must be \(finding.expected)")
    }

    public func emptyBody() -> HTTPResponse {
        HTTPResponse(status: .ok, headers: ["Content-Type": "application/json"], annotations: ["result.code": "(empty body)"])
    }

    /// A member of `response.head` or `response.body` removed and the rest re-signed, or the
    /// `signature` member itself removed.
    public func removing(_ field: String, from response: HTTPResponse) -> HTTPResponse {
        guard let document = try? JSONScanner.parse(response.body), let inner = document["response"],
              let head = inner["head"]?.objectMembers, let body = inner["body"]?.objectMembers else { return response }
        if field == "signature" {
            var changed = response
            changed.body = OpenAPISignatureScheme.envelope("response", inner.bytes, signature: nil)
            return changed
        }
        let rebuilt = JSONValue.fields(["head": .object(head.filter { $0.key != field }), "body": .object(body.filter { $0.key != field })])
        return signed(rebuilt, resultCode: response.annotations["result.code"] ?? "")
    }

    public func forgingSignature(of response: HTTPResponse) -> HTTPResponse {
        guard let inner = (try? JSONScanner.parse(response.body))?["response"] else { return response }
        let wrong = (try? OpenAPISignatureScheme.sign(inner.bytes + [0x20], with: signer.dana)) ?? "AAAA"
        return signed(inner, resultCode: response.annotations["result.code"] ?? "", signature: wrong)
    }
}
