import Foundation
import SandboxHTTP

/// Turns a rule's `respond` into a reply in the endpoint's real envelope: a forced code with its
/// documented message, HTTP status and signature, or a fault built from the real answer.
public struct ScenarioRenderer: Sendable {
    let signer: ResponseSigner
    let now: @Sendable () -> Date

    public init(signer: ResponseSigner, now: @escaping @Sendable () -> Date) {
        self.signer = signer
        self.now = now
    }

    public func render(_ response: ScenarioResponse, endpoint: ScenarioEndpoint, request: HTTPRequest, body: JSONValue?, real: () -> Reply) -> Reply {
        switch response {
        case .resultCode(let code):
            // A success code lets the request through to the store-backed answer.
            return endpoint.isSuccess(code) ? real() : .respond(forced(code, endpoint: endpoint, request: request, body: body))
        case .raw(let status, let headers, let text):
            var response = HTTPResponse(status: HTTPStatus(code: status), body: Array(text.utf8))
            for (name, value) in headers.sorted(by: { $0.key < $1.key }) { response.headers.add(name, value) }
            return .respond(response)
        case .fault(let fault):
            return render(fault, endpoint: endpoint, request: request, body: body, real: real)
        }
    }

    private func render(_ fault: ScenarioFault, endpoint: ScenarioEndpoint, request: HTTPRequest, body: JSONValue?, real: () -> Reply) -> Reply {
        switch fault {
        case .timeout(let milliseconds): return .hold(milliseconds: milliseconds)
        case .drop: return .close
        case .reset: return .reset
        case .emptyBody: return .respond(HTTPResponse(status: .ok, headers: ["Content-Type": contentType(endpoint)], annotations: ["result.code": "(empty body)"]))
        case .unknownCode: return .respond(undocumented(endpoint, request: request, body: body))
        case .malformedJSON:
            return modifying(real()) { response in
                var cut = response
                // Half of a JSON object always ends inside it: no parser accepts it.
                cut.body = Array(response.body.prefix(max(1, response.body.count / 2)))
                return cut
            }
        case .missingField(let field):
            return modifying(real()) { without(field, in: $0, endpoint: endpoint, request: request) }
        case .badSignature:
            return modifying(real()) { forged($0, endpoint: endpoint, request: request) }
        }
    }

    private func modifying(_ reply: Reply, _ change: (HTTPResponse) -> HTTPResponse) -> Reply {
        switch reply {
        case .respond(let response): return .respond(change(response))
        case .annotated(let annotations, let inner): return .annotated(annotations, modifying(inner, change))
        default: return reply
        }
    }

    private func contentType(_ endpoint: ScenarioEndpoint) -> String {
        endpoint == .querySubscriptionTransactions ? "application/json;charset=utf-8" : "application/json"
    }

    // MARK: - Envelopes

    private var snap: SNAPResponder { SNAPResponder(now: now) }
    private var openAPI: OpenAPIResponder { OpenAPIResponder(signer: signer, now: now) }
    private var paylabs: PaylabsResponder { PaylabsResponder(signer: signer, now: now) }

    private func function(_ endpoint: ScenarioEndpoint) -> String {
        endpoint == .queryUserProfile ? QueryUserProfileHandler.function : QueryMerchantResourceHandler.function
    }

    private func forced(_ code: String, endpoint: ScenarioEndpoint, request: HTTPRequest, body: JSONValue?) -> HTTPResponse {
        switch endpoint {
        case .accountInquiry, .b2bToken:
            let catalog = endpoint == .accountInquiry ? SNAPCatalog.accountInquiry : SNAPCatalog.b2bToken
            let entry = SNAPCatalog.find(code, in: catalog)!
            var members: [JSONMember] = []
            if code == "4033705", let number = body?["customerNumber"]?.stringValue {
                // As the public sandbox answers a frozen payee.
                members = [JSONMember(key: "customerNumber", value: .string(number)),
                           JSONMember(key: "additionalInfo", value: .fields(["resultMsg": "PAYEE_USER_STATUS_DISABLE"]))]
            }
            return snap.response(entry, members)
        case .queryUserProfile, .queryMerchantResource:
            let catalog = endpoint == .queryUserProfile ? OpenAPICatalog.queryUserProfile : OpenAPICatalog.queryMerchantResource
            return openAPI.response(function: function(endpoint), request: try? OpenAPIRequest.parse(request.body).get(), result: OpenAPICatalog.find(code, in: catalog)!)
        case .querySubscriptionTransactions:
            return paylabsError(PaylabsErrorCode.all.first { $0.code == code }!, request: request, body: body)
        }
    }

    private func paylabsError(_ code: PaylabsErrorCode, request: HTTPRequest, body: JSONValue?) -> HTTPResponse {
        let requestID = request.headers["X-REQUEST-ID"] ?? body?["requestId"]?.stringValue ?? ""
        let merchant = request.headers["X-PARTNER-ID"] ?? body?["merchantId"]?.stringValue ?? ""
        let answer = JSONValue.fields([
            "merchantId": .string(body?["merchantId"]?.stringValue ?? merchant),
            "requestId": .string(body?["requestId"]?.stringValue ?? requestID),
            "errCode": .string(code.code),
            "errCodeDes": .string(code.description),
            "paymentType": body?["paymentType"]?.stringValue.map(JSONValue.string),
        ])
        return paylabs.response(path: QuerySubscriptionTransactionsHandler.path, partnerID: merchant, requestID: requestID, body: answer, code: code)
    }

    /// A code no document lists, in a well-formed envelope: the "undefined response code" row.
    private func undocumented(_ endpoint: ScenarioEndpoint, request: HTTPRequest, body: JSONValue?) -> HTTPResponse {
        switch endpoint {
        case .accountInquiry: return snap.response(SNAPResponseCode("2003799", "Undefined Response Code"))
        case .b2bToken: return snap.response(SNAPResponseCode("2007399", "Undefined Response Code"))
        case .queryUserProfile, .queryMerchantResource:
            let result = OpenAPIResult(.unknown, "99999999", "UNDEFINED_RESULT_CODE", "undefined result code")
            return openAPI.response(function: function(endpoint), request: try? OpenAPIRequest.parse(request.body).get(), result: result)
        case .querySubscriptionTransactions:
            return paylabsError(PaylabsErrorCode("undefinedCode", "Undefined error code"), request: request, body: body)
        }
    }

    /// The real answer without `field`, re-signed where the family signs, so the only fault is
    /// the missing member.
    private func without(_ field: String, in response: HTTPResponse, endpoint: ScenarioEndpoint, request: HTTPRequest) -> HTTPResponse {
        guard let document = try? JSONScanner.parse(response.body), let members = document.objectMembers else { return response }
        switch endpoint {
        case .accountInquiry, .b2bToken:
            var changed = response
            changed.body = JSONValue.object(members.filter { $0.key != field }).bytes
            return changed
        case .querySubscriptionTransactions:
            return paylabs.response(
                path: QuerySubscriptionTransactionsHandler.path, partnerID: response.headers["X-PARTNER-ID"] ?? "",
                requestID: response.headers["X-REQUEST-ID"] ?? "", body: .object(members.filter { $0.key != field }),
                code: PaylabsErrorCode(document["errCode"]?.stringValue ?? "", "")
            )
        case .queryUserProfile, .queryMerchantResource:
            guard let inner = document["response"], let head = inner["head"]?.objectMembers, let body = inner["body"]?.objectMembers else { return response }
            let code = response.annotations["result.code"] ?? ""
            if field == "signature" {
                var changed = response
                changed.body = Array("{\"response\":".utf8) + inner.bytes + [UInt8(ascii: "}")]
                return changed
            }
            let rebuilt = JSONValue.fields(["head": .object(head.filter { $0.key != field }), "body": .object(body.filter { $0.key != field })])
            return openAPI.signed(rebuilt, resultCode: code)
        }
    }

    /// The real answer with a signature over something else: well-formed, but it does not verify.
    private func forged(_ response: HTTPResponse, endpoint: ScenarioEndpoint, request: HTTPRequest) -> HTTPResponse {
        guard let document = try? JSONScanner.parse(response.body) else { return response }
        switch endpoint {
        case .querySubscriptionTransactions:
            return paylabs.response(
                path: QuerySubscriptionTransactionsHandler.path, partnerID: response.headers["X-PARTNER-ID"] ?? "",
                requestID: response.headers["X-REQUEST-ID"] ?? "", body: document,
                code: PaylabsErrorCode(document["errCode"]?.stringValue ?? "", ""), forged: true
            )
        case .queryUserProfile, .queryMerchantResource:
            guard let inner = document["response"] else { return response }
            let wrong = (try? signer.signAsDANA(inner.bytes + [0x20])) ?? "AAAA"
            return openAPI.signed(inner, resultCode: response.annotations["result.code"] ?? "", signature: wrong)
        case .accountInquiry, .b2bToken:
            return response
        }
    }
}
