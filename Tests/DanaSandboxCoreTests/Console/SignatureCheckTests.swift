import Foundation
import XCTest
import SandboxHTTP
import SandboxTestSupport
@testable import DanaSandboxCore
@testable import SandboxJSON
@testable import SandboxCrypto
@testable import SandboxSupport
@testable import DanaSandboxAPIs

/// `POST /sandbox/signature-check`: a pasted request's signature explained, per family, with no
/// effect on the sandbox. Requests are signed by the `openssl` command.
final class SignatureCheckTests: XCTestCase {
    private var harness: SandboxHarness!
    private let inquiryBody = #"{"partnerReferenceNo":"check-1","customerNumber":"62811742234","amount":{"value":"1.00","currency":"IDR"},"additionalInfo":{"fundType":"AGENT_TOPUP_FOR_USER_CLEARING"}}"#

    override func setUpWithError() throws {
        harness = try SandboxHarness()
    }

    /// The check of `request` as the console pastes it: header lines as one string.
    private func check(_ request: HTTPRequest, body: String? = nil) throws -> JSONValue {
        let lines = request.headers.map { "\($0.name): \($0.value)" }.joined(separator: "\n")
        let pasted = JSONValue.fields([
            "method": .string(request.method.rawValue), "path": .string(request.path), "headers": .string(lines),
            "body": .string(body ?? request.bodyText),
        ])
        let response = harness.send(HTTPRequest(method: .post, target: "/sandbox/signature-check", body: Array(pasted.text.utf8)))
        XCTAssertEqual(response.status.code, 200, String(decoding: response.body, as: UTF8.self))
        return try JSONScanner.parse(response.body)
    }

    func testASNAPRequest_Verifies_AndATamperedBody_ShowsTheStringToSignExpected() throws {
        let request = try SignedRequest.snap(sentBody: inquiryBody, timestamp: harness.clock.jakarta)
        let good = try check(request)
        XCTAssertEqual(good["verifies"]?.boolValue, true)
        XCTAssertEqual(good["family"]?.stringValue, "SNAP")
        XCTAssertEqual(good["endpoint"]?.stringValue, "account-inquiry")
        XCTAssertEqual(good["partner"]?.stringValue, "2014000014442")

        let tampered = inquiryBody.replacingOccurrences(of: "1.00", with: "2.00")
        let bad = try check(request, body: tampered)
        XCTAssertEqual(bad["verifies"]?.boolValue, false)
        let timestamp = try XCTUnwrap(request.headers["X-TIMESTAMP"])
        let expected = "POST:/v1.0/emoney/account-inquiry.htm:\(try Self.opensslSHA256(tampered)):\(timestamp)"
        XCTAssertEqual(bad["stringToSign"]?.stringValue, expected)
        let forms = bad["forms"]?.arrayValue ?? []
        XCTAssertEqual(forms.first?["label"]?.stringValue, "raw")
        XCTAssertTrue(forms.allSatisfy { $0["verifies"]?.boolValue == false })
        XCTAssertEqual(bad["problems"]?.arrayValue, [])
    }

    func testAMinifiedBodyForm_IsNamedAsTheOneThatVerifies() throws {
        let spaced = inquiryBody.replacingOccurrences(of: ",", with: ", ")
        let request = try SignedRequest.snap(sentBody: spaced, signedBody: inquiryBody, timestamp: harness.clock.jakarta)
        let result = try check(request)
        XCTAssertEqual(result["verifies"]?.boolValue, true)
        let verifying = result["forms"]?.arrayValue?.filter { $0["verifies"]?.boolValue == true }.compactMap { $0["label"]?.stringValue }
        XCTAssertEqual(verifying, ["whitespace-removed"])
    }

    func testTheOtherFamilies_AndTheTokenRequest() throws {
        let b2b = try check(try SignedRequest.b2b(timestamp: harness.clock.jakarta))
        XCTAssertEqual(b2b["verifies"]?.boolValue, true)
        XCTAssertEqual(b2b["stringToSign"]?.stringValue, "2014000014442|\(harness.clock.jakarta)")

        let requestText = SignedRequest.openAPIRequestText(
            function: "dana.merchant.queryMerchantResource", body: #"{"requestMerchantId":"216620000000000000000","merchantResourceInfoList":["MERCHANT_TOTAL_BALANCE"]}"#,
            reqTime: SignatureTimestamp.jakarta(harness.clock.now, milliseconds: true)
        )
        let openAPI = try check(try SignedRequest.openAPI(path: "/dana/merchant/queryMerchantResource.htm", requestText: requestText))
        XCTAssertEqual(openAPI["family"]?.stringValue, "Open API")
        XCTAssertEqual(openAPI["verifies"]?.boolValue, true)
        XCTAssertEqual(openAPI["stringToSign"]?.stringValue, requestText)

        let paylabsBody = #"{"merchantId":"010001","requestId":"check-1","paymentType":"StaticDanaSub","merchantSubId":"PY-1"}"#
        let paylabs = try check(try SignedRequest.paylabs(sentBody: paylabsBody, timestamp: harness.clock.jakarta))
        XCTAssertEqual(paylabs["family"]?.stringValue, "Paylabs")
        XCTAssertEqual(paylabs["verifies"]?.boolValue, true)
    }

    func testMissingHeadersAndUnknownPartners_AreProblems() throws {
        var request = try SignedRequest.snap(sentBody: inquiryBody, timestamp: harness.clock.jakarta)
        request.headers.remove("X-SIGNATURE")
        request.headers.set("X-PARTNER-ID", "nobody")
        let result = try check(request)
        XCTAssertEqual(result["verifies"]?.boolValue, false)
        XCTAssertEqual(result["problems"]?.arrayValue?.compactMap(\.stringValue), [
            "X-PARTNER-ID nobody is no DANA partner of this sandbox", "X-SIGNATURE is missing",
        ])
    }

    func testWhatTheRealCheckWouldRefuse_IsListed_EvenWhenTheSignatureVerifies() throws {
        // a stale timestamp
        let stale = try SignedRequest.snap(sentBody: inquiryBody, timestamp: SignatureTimestamp.jakarta(harness.clock.now.addingTimeInterval(-3600)))
        let staleResult = try check(stale)
        XCTAssertEqual(staleResult["verifies"]?.boolValue, true)
        XCTAssertEqual(staleResult["problems"]?.arrayValue?.count, 1)
        XCTAssertTrue(staleResult["problems"]?.arrayValue?.first?.stringValue?.hasPrefix("X-TIMESTAMP is outside the ±15 min window") == true)
        // an inactive partner
        try harness.sql("UPDATE partners SET status = 'SUSPENDED' WHERE client_id = ?", [.text("2014000014442")])
        let inactive = try check(try SignedRequest.snap(sentBody: inquiryBody, timestamp: harness.clock.jakarta))
        XCTAssertEqual(inactive["problems"]?.arrayValue?.compactMap(\.stringValue), ["partner 2014000014442 is not active: the sandbox refuses it whatever the signature"])
        // an Authorization that is no Bearer token, and an unknown B2B token
        try harness.sql("UPDATE partners SET status = 'ACTIVE'")
        let basic = try SignedRequest.snap(sentBody: inquiryBody, timestamp: harness.clock.jakarta, headers: [("Authorization", "Basic abc")])
        XCTAssertTrue(try check(basic)["problems"]?.arrayValue?.first?.stringValue?.hasPrefix("Authorization must be 'Bearer") == true)
        let unknownToken = try SignedRequest.snapSymmetric(body: inquiryBody, token: "no-such-token", timestamp: harness.clock.jakarta)
        let tokenResult = try check(unknownToken)
        XCTAssertEqual(tokenResult["verifies"]?.boolValue, true, "the HMAC itself is right")
        XCTAssertEqual(tokenResult["problems"]?.arrayValue?.compactMap(\.stringValue), ["the B2B token is unknown, expired or not partner 2014000014442's"])
    }

    func testASessionThatDoesNotExist_IsNotMade() throws {
        let request = try SignedRequest.snap(sentBody: inquiryBody, timestamp: harness.clock.jakarta, headers: [("X-Sandbox-Session", "pasted-session")])
        let result = try check(request)
        XCTAssertEqual(result["verifies"]?.boolValue, true)
        XCTAssertEqual(result["problems"]?.arrayValue?.compactMap(\.stringValue), ["session pasted-session does not exist (yet): checked against the shared data"])
        XCTAssertTrue(harness.application.databases.live().isEmpty)
    }

    func testWithSignaturesOff_TheAnswerSaysAnySignatureIsAccepted() throws {
        harness = try SandboxHarness(signatures: .off)
        XCTAssertEqual(try check(try SignedRequest.snap(sentBody: inquiryBody, timestamp: harness.clock.jakarta))["enforced"]?.boolValue, false)
    }

    func testBadInput_IsA400ThatSaysWhy() throws {
        let notJSON = harness.send(HTTPRequest(method: .post, target: "/sandbox/signature-check", body: Array("nope".utf8)))
        XCTAssertEqual(notJSON.status.code, 400)
        let unknown = harness.send(HTTPRequest(method: .post, target: "/sandbox/signature-check", body: Array(#"{"path":"/nowhere"}"#.utf8)))
        XCTAssertEqual(unknown.status.code, 400)
        XCTAssertTrue(String(decoding: unknown.body, as: UTF8.self).contains("/v1.0/emoney/account-inquiry.htm"))
        let badLine = harness.send(HTTPRequest(method: .post, target: "/sandbox/signature-check",
                                               body: Array(#"{"path":"/v1.0/emoney/account-inquiry.htm","headers":"no colon here"}"#.utf8)))
        XCTAssertEqual(badLine.status.code, 400)
    }

    func testChecking_SpendsNothing() throws {
        // given: a request checked first
        let request = try SignedRequest.snap(sentBody: inquiryBody, timestamp: harness.clock.jakarta)
        XCTAssertEqual(try check(request)["verifies"]?.boolValue, true)
        // then: its X-EXTERNAL-ID is still unused, so the real call succeeds
        XCTAssertEqual(try harness.json(request)["responseCode"]?.stringValue, "2003700")
    }

    func testTheEndpointsList_NamesEveryPath() throws {
        let list = try harness.json(HTTPRequest(method: .get, target: "/sandbox/signature-check"))
        let paths = list["endpoints"]?.arrayValue?.compactMap { $0["path"]?.stringValue } ?? []
        XCTAssertEqual(Set(paths), Set(EndpointRegistry.descriptors.flatMap(\.paths)))
    }

    private static func opensslSHA256(_ text: String) throws -> String {
        let digest = try Shell.run("/usr/bin/openssl", ["dgst", "-sha256", "-binary"], input: Array(text.utf8))
        return digest.map { String(format: "%02x", $0) }.joined()
    }
}
