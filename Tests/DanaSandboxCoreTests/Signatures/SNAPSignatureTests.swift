import Foundation
import XCTest
import SandboxHTTP
import SandboxTestSupport
@testable import DanaSandboxCore
@testable import SandboxJSON
@testable import SandboxCrypto
@testable import SandboxSupport
@testable import SandboxStorage
@testable import DanaSandboxAPIs

/// SNAP signatures (signatures.md §3–§5) end to end through the account-inquiry handler.
final class SNAPSignatureTests: XCTestCase {
    private var harness: SandboxHarness!

    override func setUpWithError() throws {
        harness = try SandboxHarness()
    }

    /// The account-inquiry body of signatures.md §3, as a compact client sends it.
    private let compactBody = #"{"partnerReferenceNo":"ref-1","customerNumber":"62811742234","amount":{"value":"1.00","currency":"IDR"},"transactionDate":"2026-01-01T10:00:00+07:00","additionalInfo":{"fundType":"AGENT_TOPUP_FOR_USER_SETTLE"}}"#
    /// The same body as dana-python 2.2.2 puts it on the wire (signatures.md §8).
    private let pythonWireBody = #"{"partnerReferenceNo": "ref-1", "customerNumber": "62811742234", "amount": {"value": "1.00", "currency": "IDR"}, "transactionDate": "2026-01-01T10:00:00+07:00", "additionalInfo": {"fundType": "AGENT_TOPUP_FOR_USER_SETTLE"}}"#

    private func code(_ request: HTTPRequest) throws -> String? {
        try harness.json(request)["responseCode"]?.stringValue
    }

    // MARK: - Vectors

    func testReferenceVector_HashOfTheAccountInquiryBody() {
        let body = #"{"partnerReferenceNo":"2020102900000000000001","customerNumber":"62810987654321","amount":{"value":"10000.00","currency":"IDR"},"transactionDate":"2020-12-21T14:56:11+07:00","additionalInfo":{"fundType":"AGENT_TOPUP_FOR_USER_CLEARING","accessToken":"fa8sjjEj813Y9JGoqwOeOPWbnt4CUpvIJbU1mMU4a11MNDZ7Sg5u9a"}}"#
        XCTAssertEqual(SHA256.hexDigest(Array(body.utf8)), "b987286f35184764281425a3e34d6106d6b76454670ad869462b24f83a2e9721")
    }

    func testReferenceVector_HMACSignatureWithTheDemoSecret_IsAccepted() throws {
        // given: the exact request of signatures.md §4, its B2B token issued and the clock at its time
        harness.clock.set("2022-11-30T09:45:35+07:00")
        try harness.sql("INSERT INTO b2b_tokens VALUES ('demo-b2b-token', '2014000014442', '2022-11-30T09:40:00+07:00', '2022-11-30T09:55:00+07:00')")
        let body = #"{"partnerReferenceNo":"2020102900000000000001","customerNumber":"62810987654321","amount":{"value":"10000.00","currency":"IDR"},"transactionDate":"2020-12-21T14:56:11+07:00","additionalInfo":{"fundType":"AGENT_TOPUP_FOR_USER_CLEARING","accessToken":"fa8sjjEj813Y9JGoqwOeOPWbnt4CUpvIJbU1mMU4a11MNDZ7Sg5u9a"}}"#
        let headers: HTTPHeaders = [
            "Authorization": "Bearer demo-b2b-token", "X-TIMESTAMP": "2022-11-30T09:45:35+07:00",
            "X-SIGNATURE": "tPrQIysXHaYxjfgCLUbvTDRheJq04Thqu7e2tsx8Tbjf4tDe6wmVOR82ZkPX5tK3XQ2ABVFJbkxupBJL4NLIfw==",
            "X-PARTNER-ID": "2014000014442", "X-EXTERNAL-ID": "41807553358950093184162180797837", "CHANNEL-ID": "95221",
        ]
        // when
        let answer = try harness.json(HTTPRequest(method: .post, target: "/v1.0/emoney/account-inquiry.htm", headers: headers, body: Array(body.utf8)))
        // then
        XCTAssertEqual(answer["responseCode"]?.stringValue, "2003700")
        XCTAssertEqual(answer["customerNumber"]?.stringValue, "62810987654321")
    }

    // MARK: - Body forms that must verify

    func testRawBody_SignedAsSent_IsAccepted() throws {
        XCTAssertEqual(try code(SignedRequest.snap(sentBody: compactBody, timestamp: harness.clock.jakarta)), "2003700")
    }

    func testPythonWireForm_SignedCompact_IsAccepted() throws {
        XCTAssertEqual(try code(SignedRequest.snap(sentBody: pythonWireBody, signedBody: compactBody, timestamp: harness.clock.jakarta)), "2003700")
    }

    func testSpacedBody_SignedAsSent_IsAccepted() throws {
        XCTAssertEqual(try code(SignedRequest.snap(sentBody: pythonWireBody, timestamp: harness.clock.jakarta)), "2003700")
    }

    func testTrailingNewline_AsGoSends_IsAccepted() throws {
        XCTAssertEqual(try code(SignedRequest.snap(sentBody: compactBody + "\n", signedBody: compactBody, timestamp: harness.clock.jakarta)), "2003700")
    }

    func testEscapedSlashesAndNonASCII_SignedUnescaped_AreAccepted() throws {
        // dana-php signs JSON_UNESCAPED_SLASHES|JSON_UNESCAPED_UNICODE and Guzzle sends escapes.
        let sent = #"{"customerNumber":"62811742234","amount":{"value":"1.00","currency":"IDR"},"additionalInfo":{"fundType":"AGENT_TOPUP_FOR_USER_SETTLE","note":"Jos\u00e9 https:\/\/m.example\/cb"}}"#
        let signed = #"{"customerNumber":"62811742234","amount":{"value":"1.00","currency":"IDR"},"additionalInfo":{"fundType":"AGENT_TOPUP_FOR_USER_SETTLE","note":"José https://m.example/cb"}}"#
        XCTAssertEqual(try code(SignedRequest.snap(sentBody: sent, signedBody: signed, timestamp: harness.clock.jakarta)), "2003700")
    }

    func testBothPaths_VerifyWithTheirOwnPath() throws {
        let rest = try SignedRequest.snap(path: "/rest/v1.0/emoney/account-inquiry", sentBody: compactBody, timestamp: harness.clock.jakarta)
        XCTAssertEqual(try code(rest), "2003700")
        // signed for one path, sent to the other
        var wrongPath = try SignedRequest.snap(sentBody: compactBody, timestamp: harness.clock.jakarta)
        wrongPath.target = "/rest/v1.0/emoney/account-inquiry"
        wrongPath.path = wrongPath.target
        XCTAssertEqual(try code(wrongPath), "4013700")
    }

    func testTimestampForms_ZuluFractionAndNoFraction_AreAccepted() throws {
        for timestamp in ["2026-11-21T03:00:00Z", "2026-11-21T10:00:00.123+07:00", "2026-11-21T10:00:00.1+07:00", "2026-11-21T03:00:00+00:00"] {
            XCTAssertEqual(try code(SignedRequest.snap(sentBody: compactBody, timestamp: timestamp)), "2003700", timestamp)
        }
    }

    // MARK: - Rejections

    func testWrongKey_IsRejectedWith4013700_HTTP401() throws {
        let folder = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let otherKey = folder.appendingPathComponent("other.pem").path
        _ = try Shell.run("/usr/bin/openssl", ["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", otherKey])
        let response = harness.send(try SignedRequest.snap(sentBody: compactBody, timestamp: harness.clock.jakarta, key: otherKey))
        XCTAssertEqual(response.status.code, 401)
        let json = try JSONScanner.parse(response.body)
        XCTAssertEqual(json["responseCode"]?.stringValue, "4013700")
        XCTAssertEqual(json["responseMessage"]?.stringValue, "Unauthorized. Invalid Signature")
        XCTAssertNil(json["additionalInfo"], "no diagnostics without X-Debug-Mode")
    }

    func testTamperedBody_IsRejected() throws {
        let tampered = compactBody.replacingOccurrences(of: "1.00", with: "9.00")
        XCTAssertEqual(try code(SignedRequest.snap(sentBody: tampered, signedBody: compactBody, timestamp: harness.clock.jakarta)), "4013700")
    }

    func testTheDocsSampleSignature_IsRejected_AsTheRealSandboxDoes() throws {
        var request = try SignedRequest.snap(sentBody: compactBody, timestamp: harness.clock.jakarta)
        request.headers.set("X-SIGNATURE", "85be817c55b2c135157c7e89f52499bf0c25ad6eeebe04a986e8c862561b19a5")
        XCTAssertEqual(try code(request), "4013700")
    }

    func testDebugMode_ExplainsTheFailure_AndTheLogSaysTheSame() throws {
        // given
        let request = try SignedRequest.snap(sentBody: compactBody + " ", signedBody: "{}", timestamp: harness.clock.jakarta, headers: [("X-Debug-Mode", "1")])
        // when
        let json = try harness.json(request)
        // then
        let message = try XCTUnwrap(json.value(atPath: "additionalInfo.debugMessage")?.stringValue)
        let rawHash = SHA256.hexDigest(Array((compactBody + " ").utf8))
        XCTAssertTrue(message.contains("expected string to sign: POST:/v1.0/emoney/account-inquiry.htm:\(rawHash):\(harness.clock.jakarta)"), message)
        XCTAssertTrue(message.contains("raw=\(rawHash)"), message)
        XCTAssertTrue(message.contains("whitespace-removed=\(SHA256.hexDigest(Array(compactBody.utf8)))"), message)
        XCTAssertTrue(message.contains("key SHA256:"), message)
        let log = try XCTUnwrap(harness.logLines.all.first { $0.contains("signature.failed") })
        XCTAssertTrue(log.contains("partner=2014000014442"), log)
        XCTAssertTrue(log.contains("expected=POST:/v1.0/emoney/account-inquiry.htm:\(rawHash)"), log)
    }

    func testDebugModeTrue_IsAlsoHonoured() throws {
        let request = try SignedRequest.snap(sentBody: compactBody, signedBody: "{}", timestamp: harness.clock.jakarta, headers: [("X-Debug-Mode", "true")])
        XCTAssertNotNil(try harness.json(request).value(atPath: "additionalInfo.debugMessage"))
    }

    func testMissingHeaders_AreInvalidMandatoryField_NamingThem() throws {
        for header in ["X-TIMESTAMP", "X-SIGNATURE", "X-PARTNER-ID", "X-EXTERNAL-ID", "CHANNEL-ID"] {
            var request = try SignedRequest.snap(sentBody: compactBody, timestamp: harness.clock.jakarta)
            request.headers.remove(header)
            let response = harness.send(request)
            XCTAssertEqual(response.status.code, 400, header)
            let json = try JSONScanner.parse(response.body)
            XCTAssertEqual(json["responseCode"]?.stringValue, "4003702", header)
            XCTAssertEqual(json["responseMessage"]?.stringValue, "Invalid Mandatory Field \(header)")
        }
    }

    func testMalformedTimestamp_IsInvalidFieldFormat() throws {
        let json = try harness.json(try SignedRequest.snap(sentBody: compactBody, timestamp: "2026-11-21 10:00:00"))
        XCTAssertEqual(json["responseCode"]?.stringValue, "4003701")
        XCTAssertEqual(json["responseMessage"]?.stringValue, "Invalid Field Format X-TIMESTAMP")
    }

    func testTimestampOutsideTheWindow_HasItsOwnError() throws {
        let json = try harness.json(try SignedRequest.snap(sentBody: compactBody, timestamp: "2026-11-21T09:44:00+07:00"))
        XCTAssertEqual(json["responseCode"]?.stringValue, "4013700")
        XCTAssertEqual(json["responseMessage"]?.stringValue, "Unauthorized. X-TIMESTAMP outside the ±15 min window")
    }

    func testTimestampWindow_IsConfigurable() throws {
        harness = try SandboxHarness { $0.timestampWindowSeconds = 3600 }
        XCTAssertEqual(try code(SignedRequest.snap(sentBody: compactBody, timestamp: "2026-11-21T09:30:00+07:00")), "2003700")
    }

    func testUnknownPartner_IsUnauthorizedUnknownClient() throws {
        let json = try harness.json(try SignedRequest.snap(sentBody: compactBody, partner: "9999", timestamp: harness.clock.jakarta))
        XCTAssertEqual(json["responseMessage"]?.stringValue, "Unauthorized. Unknown Client")
    }

    func testSuspendedPartner_IsForbiddenAccess() throws {
        let json = try harness.json(try SignedRequest.snap(sentBody: compactBody, partner: "2014000088888", timestamp: harness.clock.jakarta))
        XCTAssertEqual(json["responseCode"]?.stringValue, "4013700")
        XCTAssertEqual(json["responseMessage"]?.stringValue, "Unauthorized. Client Forbidden Access API")
    }

    // MARK: - Symmetric, with a B2B token

    func testB2BToken_ThenHMACSignedInquiry_IsAccepted() throws {
        // given
        let issued = try harness.json(try SignedRequest.b2b(timestamp: harness.clock.jakarta))
        let token = try XCTUnwrap(issued["accessToken"]?.stringValue)
        // when
        let request = try SignedRequest.snapSymmetric(body: compactBody, token: token, timestamp: harness.clock.jakarta)
        // then
        XCTAssertEqual(try code(request), "2003700")
    }

    func testHMACWithTheWrongSecret_IsRejected() throws {
        let token = try XCTUnwrap(try harness.json(try SignedRequest.b2b(timestamp: harness.clock.jakarta))["accessToken"]?.stringValue)
        let request = try SignedRequest.snapSymmetric(body: compactBody, token: token, secret: "wrong", timestamp: harness.clock.jakarta)
        XCTAssertEqual(try code(request), "4013700")
    }

    func testUnknownB2BToken_Is4013701() throws {
        let request = try SignedRequest.snapSymmetric(body: compactBody, token: "never-issued", timestamp: harness.clock.jakarta)
        let response = harness.send(request)
        XCTAssertEqual(response.status.code, 401)
        XCTAssertEqual(try JSONScanner.parse(response.body)["responseMessage"]?.stringValue, "Invalid Token (B2B)")
    }

    func testExpiredB2BToken_Is4013701() throws {
        let token = try XCTUnwrap(try harness.json(try SignedRequest.b2b(timestamp: harness.clock.jakarta))["accessToken"]?.stringValue)
        harness.clock.advance(seconds: 901)
        let request = try SignedRequest.snapSymmetric(body: compactBody, token: token, timestamp: harness.clock.jakarta)
        XCTAssertEqual(try code(request), "4013701")
    }

    // MARK: - Signatures off

    func testSignaturesOff_AcceptsAnySignature() throws {
        harness = try SandboxHarness(signatures: .off)
        var request = try SignedRequest.snap(sentBody: compactBody, timestamp: harness.clock.jakarta)
        request.headers.set("X-SIGNATURE", "anything")
        XCTAssertEqual(try code(request), "2003700")
    }
}
