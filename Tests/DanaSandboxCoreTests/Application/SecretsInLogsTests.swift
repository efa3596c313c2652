import Foundation
import XCTest
import SandboxHTTP
import SandboxTestSupport
@testable import DanaSandboxCore
@testable import SandboxJSON
@testable import SandboxSupport
@testable import DanaSandboxAPIs

/// Logs mask what the journal masks: a partner's secrets never reach a log file, even when the
/// sandbox explains a failed signature.
final class SecretsInLogsTests: XCTestCase {
    func testOpenAPISignatureFailure_LogsNoClientSecretOrAccessToken() throws {
        // given: a signature made with another key, over a request carrying a secret and a token
        let harness = try SandboxHarness()
        let text = SignedRequest.openAPIRequestText(
            function: QueryUserProfileHandler.function, body: #"{"userResources":["BALANCE"]}"#,
            secret: "2014000014442", reqTime: harness.clock.jakarta, accessToken: "tok-very-secret-123"
        )
        let request = try SignedRequest.openAPI(path: QueryUserProfileHandler.path, requestText: text, key: Repository.path("keys/paylabs-private.pem"))
        // when
        let answer = try harness.json(request)
        // then
        XCTAssertEqual(answer.value(atPath: "response.body.resultInfo.resultMsg")?.stringValue, "Invalid signature")
        let failure = try XCTUnwrap(harness.logLines.all.first { $0.contains("signature.failed") })
        XCTAssertFalse(failure.contains("tok-very-secret-123"), failure)
        XCTAssertFalse(failure.contains("\"clientSecret\":\"2014000014442\""), failure)
        XCTAssertTrue(failure.contains("\\\"accessToken\\\":\\\"***\\\""), "the expected string, masked: \(failure)")
    }

    func testHMACSignatureFailure_LogsNoB2BToken() throws {
        let harness = try SandboxHarness()
        let issued = try harness.json(try SignedRequest.b2b(timestamp: harness.clock.jakarta))
        let token = try XCTUnwrap(issued["accessToken"]?.stringValue)
        let body = #"{"customerNumber":"62811742234","amount":{"value":"1.00","currency":"IDR"},"additionalInfo":{"fundType":"AGENT_TOPUP_FOR_USER_SETTLE"}}"#
        let request = try SignedRequest.snapSymmetric(body: body, token: token, secret: "not-the-secret", timestamp: harness.clock.jakarta)
        XCTAssertEqual(try harness.json(request)["responseCode"]?.stringValue, "4013700")
        let lines = harness.logLines.all
        XCTAssertTrue(lines.contains { $0.contains("signature.failed") })
        XCTAssertFalse(lines.contains { $0.contains(token) }, "the B2B token is in a log line")
    }
}
