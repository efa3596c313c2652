import Foundation
import SandboxHTTP
import SandboxJSON
import SandboxSupport

/// Paylabs answers for one endpoint: HTTP 200, compact JSON without null members that echoes the
/// request's identity, and the signed headers every Paylabs response carries: Paylabs' key over
/// PaylabsSignatureScheme's string, which is what paylabs-sdk's verify_signature checks.
public struct PaylabsFamily: APIFamily {
    let path: String
    /// Body members echoed after errCodeDes when the request sent them as strings.
    let echoed: [String]
    let signer: ResponseSigner
    let now: @Sendable () -> Date

    public init(path: String, echoed: [String], signer: ResponseSigner, now: @escaping @Sendable () -> Date) {
        self.path = path
        self.echoed = echoed
        self.signer = signer
        self.now = now
    }

    /// The descriptor of a Paylabs endpoint; `members` are its success body after errCode.
    public static func descriptor(name: String, path: String, members: [String]) -> EndpointDescriptor {
        EndpointDescriptor(
            name: name, paths: [path], catalogue: CodeCatalogue(PaylabsErrorCode.all),
            successFields: ["merchantId", "requestId", "errCode"] + members, signsResponses: true
        )
    }

    /// The answer to `request` (whose JSON is `body`): its merchantId and requestId echoed, the
    /// code, the echoed members, then `members`.
    public func answer(_ code: PaylabsErrorCode, to request: HTTPRequest, body: JSONValue?, _ members: [JSONMember] = []) -> HTTPResponse {
        let requestIDHeader = request.headers["X-REQUEST-ID"] ?? body?["requestId"]?.stringValue ?? ""
        let partnerHeader = request.headers["X-PARTNER-ID"] ?? body?["merchantId"]?.stringValue ?? ""
        var fields = [
            JSONMember(key: "merchantId", value: .string(body?["merchantId"]?.stringValue ?? partnerHeader)),
            JSONMember(key: "requestId", value: .string(body?["requestId"]?.stringValue ?? requestIDHeader)),
            JSONMember(key: "errCode", value: .string(code.code)),
        ]
        if !code.isSuccess { fields.append(JSONMember(key: "errCodeDes", value: .string(code.message))) }
        for key in echoed {
            if let value = body?[key]?.stringValue { fields.append(JSONMember(key: key, value: .string(value))) }
        }
        return signed(.object(fields + members), partnerID: partnerHeader, requestID: requestIDHeader, code: code.code)
    }

    /// `body` with the signed Paylabs headers; `forged` signs something else.
    func signed(_ body: JSONValue, partnerID: String, requestID: String, code: String, forged: Bool = false) -> HTTPResponse {
        let bytes = JSONCanonicalWriter.write(body, droppingNullMembers: true)
        let timestamp = SignatureTimestamp.jakarta(now(), milliseconds: true)
        let signature = (try? PaylabsSignatureScheme.sign(path: path, body: forged ? bytes + [0x20] : bytes, timestamp: timestamp, with: signer.paylabs)) ?? ""
        return HTTPResponse(
            status: .ok,
            headers: [
                "Content-Type": "application/json;charset=utf-8",
                "X-TIMESTAMP": timestamp,
                "X-SIGNATURE": signature,
                "X-PARTNER-ID": partnerID,
                "X-REQUEST-ID": requestID,
            ],
            body: bytes,
            annotations: ["result.code": code]
        )
    }

    /// `response` changed by `change` and signed again, with its own headers.
    private func resigned(_ response: HTTPResponse, forged: Bool = false, _ change: (JSONValue) -> JSONValue) -> HTTPResponse {
        guard let document = try? JSONScanner.parse(response.body) else { return response }
        return signed(
            change(document), partnerID: response.headers["X-PARTNER-ID"] ?? "", requestID: response.headers["X-REQUEST-ID"] ?? "",
            code: document["errCode"]?.stringValue ?? "", forged: forged
        )
    }

    // MARK: - APIFamily

    public func documented(_ code: String, for request: HTTPRequest, body: JSONValue?) -> HTTPResponse {
        guard let entry = PaylabsErrorCode.all.first(where: { $0.code == code }) else { return undocumentedCode(for: request, body: body) }
        return answer(entry, to: request, body: body)
    }

    public func undocumentedCode(for request: HTTPRequest, body: JSONValue?) -> HTTPResponse {
        answer(PaylabsErrorCode("undefinedCode", "Undefined error code"), to: request, body: body)
    }

    public func internalFailure(for request: HTTPRequest) -> HTTPResponse {
        answer(.systemError, to: request, body: try? JSONScanner.parse(request.body))
    }

    public func rejection(_ error: any Error, for request: HTTPRequest) -> HTTPResponse? {
        (error as? Rejection<PaylabsErrorCode>).map { answer($0.code, to: request, body: try? JSONScanner.parse(request.body), $0.members) }
    }

    /// paramInvalid naming the field and what the document says.
    public func lintRefusal(_ finding: LintFinding) -> any Error {
        Rejection(PaylabsErrorCode.paramInvalid.with(message: "Invalid request parameters: \(finding.field) must be \(finding.expected)"))
    }

    public func emptyBody() -> HTTPResponse {
        HTTPResponse(status: .ok, headers: ["Content-Type": "application/json;charset=utf-8"], annotations: ["result.code": "(empty body)"])
    }

    public func removing(_ field: String, from response: HTTPResponse) -> HTTPResponse {
        resigned(response) { document in .object((document.objectMembers ?? []).filter { $0.key != field }) }
    }

    public func forgingSignature(of response: HTTPResponse) -> HTTPResponse {
        resigned(response, forged: true) { $0 }
    }
}
