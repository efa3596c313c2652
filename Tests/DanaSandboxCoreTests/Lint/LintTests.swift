import Foundation
import XCTest
import SandboxHTTP
import SandboxTestSupport
@testable import DanaSandboxCore
@testable import SandboxJSON
@testable import SandboxCrypto
@testable import SandboxSupport
@testable import DanaSandboxAPIs

/// Every documented rule the sandbox tolerates: reported by default without changing the answer,
/// refused in strict mode with the family's documented error; and the documents' own examples,
/// sent as printed, pass in both modes.
final class LintTests: XCTestCase {
    private var harness: SandboxHarness!

    override func setUpWithError() throws {
        harness = try SandboxHarness()
    }

    private let inquiryBody = #"{"customerNumber":"62811742234","amount":{"value":"1.00","currency":"IDR"},"additionalInfo":{"fundType":"AGENT_TOPUP_FOR_USER_CLEARING"}}"#

    /// A request in both modes: the lint header by default, and the strict answer.
    private func both(_ request: HTTPRequest) -> (lenient: HTTPResponse, strict: HTTPResponse) {
        var strict = request
        strict.headers.set("X-Sandbox-Strict", "1")
        // A fresh X-EXTERNAL-ID and requestId for the second send.
        if strict.headers["X-EXTERNAL-ID"] != nil { strict.headers.set("X-EXTERNAL-ID", UUID().uuidString.prefix(32).description) }
        return (harness.send(request), harness.send(strict))
    }

    private func json(_ response: HTTPResponse) -> JSONValue { (try? JSONScanner.parse(response.body)) ?? .null }

    // MARK: - SNAP, document 001

    func testSNAPRules_AreReported_ThenRefusedInStrictMode() throws {
        let now = harness.clock.jakarta
        let settle = inquiryBody.replacingOccurrences(of: "CLEARING", with: "SETTLE")
        let cases: [(rule: String, request: HTTPRequest, strictCode: String, field: String)] = [
            ("snap.timestamp", try SignedRequest.snap(sentBody: inquiryBody, timestamp: SignatureTimestamp.format(harness.clock.now, utcOffsetHours: 0, milliseconds: false)), "4003701", "X-TIMESTAMP"),
            ("snap.content-type", try SignedRequest.snap(sentBody: inquiryBody, timestamp: now, headers: [("Content-Type", "text/plain")]), "4003701", "Content-Type"),
            ("snap.channel-id", try SignedRequest.snap(sentBody: inquiryBody, timestamp: now, headers: [("CHANNEL-ID", "2014000014442-SERVER")]), "4003701", "CHANNEL-ID"),
            ("snap.fund-type", try SignedRequest.snap(sentBody: settle, timestamp: now), "4003701", "additionalInfo.fundType"),
            ("snap.customer-number", try SignedRequest.snap(sentBody: inquiryBody.replacingOccurrences(of: "62811742234", with: "6211742234"), timestamp: now), "4003701", "customerNumber"),
            ("snap.transaction-date", try SignedRequest.snap(sentBody: inquiryBody.replacingOccurrences(of: #""additionalInfo""#, with: #""transactionDate":"2026-12-01T10:00:00Z","additionalInfo""#), timestamp: now), "4003701", "transactionDate"),
            ("snap.device-id", try SignedRequest.snap(sentBody: #"{"amount":{"value":"1.00","currency":"IDR"},"additionalInfo":{"fundType":"AGENT_TOPUP_FOR_USER_CLEARING"}}"#, timestamp: now, headers: [("Authorization-Customer", "Bearer demo-token-62811742234")]), "4003702", "X-DEVICE-ID"),
        ]
        for (rule, request, strictCode, field) in cases {
            let (lenient, strict) = both(request)
            XCTAssertEqual(lenient.headers["X-Sandbox-Lint"], rule, rule)
            // reported, not refused: the store's answer (no payee 6211742234 in the seed)
            XCTAssertEqual(json(lenient)["responseCode"]?.stringValue, rule == "snap.customer-number" ? "4033705" : "2003700", rule)
            XCTAssertEqual(json(strict)["responseCode"]?.stringValue, strictCode, rule)
            XCTAssertTrue(json(strict)["responseMessage"]?.stringValue?.hasSuffix(field) == true, "\(rule): \(json(strict).text)")
        }
        XCTAssertTrue(harness.logLines.all.contains { $0.contains("warning lint endpoint=account-inquiry rules=snap.fund-type") })
    }

    func testPartnerIDLength_IsReported() throws {
        // a registered partner with a 40-character id
        let id = String(repeating: "7", count: 40)
        let pem = try String(contentsOfFile: Repository.path("keys/demo-partner-public.pem"), encoding: .utf8)
        _ = try harness.application.partners.register(clientID: id, family: .dana, publicKeyPEM: pem, clientSecret: nil)
        let response = harness.send(try SignedRequest.snap(sentBody: inquiryBody, partner: id, timestamp: harness.clock.jakarta))
        XCTAssertEqual(response.headers["X-Sandbox-Lint"], "snap.partner-id")
    }

    func testATokenOfAnotherUser_IsReported_And4013702InStrictMode() throws {
        let body = #"{"customerNumber":"6281388370001","amount":{"value":"1.00","currency":"IDR"},"additionalInfo":{"fundType":"AGENT_TOPUP_FOR_USER_CLEARING","accessToken":"demo-token-62811742234"}}"#
        let (lenient, strict) = both(try SignedRequest.snap(sentBody: body, timestamp: harness.clock.jakarta))
        XCTAssertEqual(lenient.headers["X-Sandbox-Lint"], "snap.token-customer")
        XCTAssertEqual(json(lenient)["customerName"]?.stringValue, "Budi Santoso", "answered for the token's user")
        XCTAssertEqual(json(strict)["responseCode"]?.stringValue, "4013702")
    }

    func testAnExternalID_IsSpentOnlyByAValidRequest() throws {
        let broken = #"{"customerNumber":"62811742234","additionalInfo":{"fundType":"AGENT_TOPUP_FOR_USER_CLEARING"}}"#
        XCTAssertEqual(try harness.json(try SignedRequest.snap(sentBody: broken, timestamp: harness.clock.jakarta, externalID: "retry-me"))["responseCode"]?.stringValue, "4003702")
        XCTAssertEqual(try harness.json(try SignedRequest.snap(sentBody: inquiryBody, timestamp: harness.clock.jakarta, externalID: "retry-me"))["responseCode"]?.stringValue, "2003700")
        XCTAssertEqual(try harness.json(try SignedRequest.snap(sentBody: inquiryBody, timestamp: harness.clock.jakarta, externalID: "retry-me"))["responseCode"]?.stringValue, "4093700")
    }

    // MARK: - Open API, documents 000 and 002

    func testOpenAPIRules_AreReported_ThenRefusedInStrictMode() throws {
        let merchantBody = #"{"requestMerchantId":"216620000097087957144","merchantResourceInfoList":["MERCHANT_TOTAL_BALANCE"]}"#
        let utc = SignatureTimestamp.format(harness.clock.now, utcOffsetHours: 0, milliseconds: false)
        func merchant(_ body: String = merchantBody, reqTime: String? = nil, reqMsgId: String = UUID().uuidString, envelope: ((String, String) -> String)? = nil) throws -> HTTPRequest {
            let text = SignedRequest.openAPIRequestText(function: QueryMerchantResourceHandler.function, body: body, reqTime: reqTime ?? harness.clock.jakarta, reqMsgId: reqMsgId)
            return try SignedRequest.openAPI(path: QueryMerchantResourceHandler.path, requestText: text, envelope: envelope)
        }
        let javaReserve = {
            SignedRequest.openAPIRequestText(function: QueryMerchantResourceHandler.function, body: merchantBody, reqTime: self.harness.clock.jakarta, reqMsgId: UUID().uuidString)
                .replacingOccurrences(of: #""reserve":"{}""#, with: #""reserve":{}"#)
        }
        let cases: [(rule: String, make: () throws -> HTTPRequest)] = [
            ("openapi.req-time", { try merchant(reqTime: utc) }),
            ("openapi.content-type", {
                var request = try merchant()
                request.headers.set("Content-Type", "text/plain")
                return request
            }),
            ("openapi.reserve", { try SignedRequest.openAPI(path: QueryMerchantResourceHandler.path, requestText: javaReserve()) }),
            ("openapi.merchant-id", { try merchant(#"{"requestMerchantId":"2166200000970879571","merchantResourceInfoList":["MERCHANT_TOTAL_BALANCE"]}"#) }),
        ]
        for (rule, make) in cases {
            let lenient = harness.send(try make())
            var strictRequest = try make()
            strictRequest.headers.set("X-Sandbox-Strict", "1")
            let strict = harness.send(strictRequest)
            XCTAssertEqual(lenient.headers["X-Sandbox-Lint"], rule, rule)
            XCTAssertEqual(json(lenient).value(atPath: "response.body.resultInfo.resultCode")?.stringValue, rule == "openapi.merchant-id" ? "MERCHANT_NOT_EXIST" : "SUCCESS", rule)
            XCTAssertEqual(json(strict).value(atPath: "response.body.resultInfo.resultCode")?.stringValue, "PARAM_ILLEGAL", rule)
        }
        // a reqMsgId sent twice
        let first = harness.send(try merchant(reqMsgId: "once-only"))
        let second = harness.send(try merchant(reqMsgId: "once-only"))
        XCTAssertNil(first.headers["X-Sandbox-Lint"])
        XCTAssertEqual(second.headers["X-Sandbox-Lint"], "openapi.req-msg-id")
        var third = try merchant(reqMsgId: "once-only")
        third.headers.set("X-Sandbox-Strict", "true")
        XCTAssertEqual(json(harness.send(third)).value(atPath: "response.body.resultInfo.resultMsg")?.stringValue,
                       "parameter illegal: request.head.reqMsgId must be a unique id (UUID) for each request")
    }

    // MARK: - Paylabs, document 004

    func testPaylabsRules_AreReported_ThenRefusedInStrictMode() throws {
        func query(_ extra: String = "", timestamp: String? = nil, requestIDHeader: String? = nil, contentType: String? = nil) throws -> HTTPRequest {
            let body = #"{"merchantId":"010001","requestId":"\#(UUID().uuidString)","paymentType":"StaticDanaSub","merchantSubId":"PY-1761114620.5313134"\#(extra)}"#
            var request = try SignedRequest.paylabs(sentBody: body, timestamp: timestamp ?? SignatureTimestamp.jakarta(harness.clock.now, milliseconds: true))
            if let requestIDHeader { request.headers.set("X-REQUEST-ID", requestIDHeader) }
            if let contentType { request.headers.set("Content-Type", contentType) }
            return request
        }
        let cases: [(rule: String, make: () throws -> HTTPRequest)] = [
            ("paylabs.timestamp", { try query(timestamp: self.harness.clock.jakarta) }),
            ("paylabs.content-type", { try query(contentType: "application/json") }),
            ("paylabs.page-number", { try query(#","pageNum":"1""#) }),
            ("paylabs.request-id", { try query(requestIDHeader: "another-id") }),
        ]
        for (rule, make) in cases {
            let lenient = harness.send(try make())
            XCTAssertEqual(lenient.headers["X-Sandbox-Lint"], rule, rule)
            XCTAssertEqual(json(lenient)["errCode"]?.stringValue, "0", "\(rule): reported, not refused")
            var strict = try make()
            strict.headers.set("X-Sandbox-Strict", "1")
            XCTAssertEqual(json(harness.send(strict))["errCode"]?.stringValue, "paramInvalid", rule)
        }
    }

    // MARK: - Strict mode for the whole sandbox, and the summary

    func testStrictFlag_RefusesForEveryRequest_AndTheSummaryCountsByRuleAndEndpoint() throws {
        harness = try SandboxHarness { $0.strict = true }
        let settle = inquiryBody.replacingOccurrences(of: "CLEARING", with: "SETTLE")
        XCTAssertEqual(try harness.json(try SignedRequest.snap(sentBody: settle, timestamp: harness.clock.jakarta))["responseCode"]?.stringValue, "4003701")
        XCTAssertEqual(try harness.json(try SignedRequest.snap(sentBody: inquiryBody, timestamp: harness.clock.jakarta))["responseCode"]?.stringValue, "2003700")
        var lenient = try SignedRequest.snap(sentBody: settle, timestamp: harness.clock.jakarta)
        lenient.headers.set("X-Sandbox-Strict", "0")
        XCTAssertEqual(try harness.json(lenient)["responseCode"]?.stringValue, "2003700", "X-Sandbox-Strict: 0 turns it off for one request")
        let summary = try harness.json(HTTPRequest(method: .get, target: "/sandbox/lint"))
        XCTAssertEqual(summary["requestsWithFindings"]?.numberLexeme, "2")
        XCTAssertEqual(summary.value(atPath: "endpoints.account-inquiry.snap.fund-type"), nil, "dotted keys are not paths")
        XCTAssertEqual(summary["endpoints"]?["account-inquiry"]?["snap.fund-type"]?.numberLexeme, "2")
        XCTAssertEqual(summary["rules"]?.arrayValue?.first?["document"]?.stringValue, "001")
        _ = harness.send(HTTPRequest(method: .post, target: "/sandbox/reset"))
        XCTAssertEqual(try harness.json(HTTPRequest(method: .get, target: "/sandbox/lint"))["requestsWithFindings"]?.numberLexeme, "0")
    }

    func testTheJournal_KeepsTheFindings() throws {
        var options = ServeOptions.forTests()
        options.port = 0
        let application = try SandboxApplication(options: options, logger: .disabled)
        try application.start()
        defer { application.stop(timeout: .seconds(2)) }
        let settle = inquiryBody.replacingOccurrences(of: "CLEARING", with: "SETTLE")
        let client = try RawHTTPClient(port: application.port)
        try client.send(try SignedRequest.snap(sentBody: settle, timestamp: SignatureTimestamp.jakarta(Date())))
        XCTAssertEqual(try client.readResponse().header("X-Sandbox-Lint"), "snap.fund-type")
        let journal = try JSONScanner.parse(try RawHTTPClient(port: application.port).request("GET", "/sandbox/journal?endpoint=account-inquiry").body)
        let finding = try XCTUnwrap(journal["entries"]?.arrayValue?.first?["lint"]?.arrayValue?.first)
        XCTAssertEqual(finding, .fields([
            "rule": "snap.fund-type", "field": "additionalInfo.fundType", "sent": "AGENT_TOPUP_FOR_USER_SETTLE",
            "expected": "AGENT_TOPUP_FOR_USER_CLEARING", "document": "001",
        ]))
    }
}
