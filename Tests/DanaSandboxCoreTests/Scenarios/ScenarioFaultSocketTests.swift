import Foundation
import XCTest
import SandboxHTTP
import SandboxTestSupport
@testable import DanaSandboxCore

/// Every fault over a real socket, as a partner's HTTP client meets it.
final class ScenarioFaultSocketTests: XCTestCase {
    private var application: SandboxApplication!
    private var folder: URL!
    private let body = #"{"customerNumber":"62811742234","amount":{"value":"1.00","currency":"IDR"},"additionalInfo":{"fundType":"AGENT_TOPUP_FOR_USER_SETTLE"}}"#

    override func setUpWithError() throws {
        folder = try Repository.temporaryDirectory()
        try #"{"rules":[{"endpoint":"*","respond":{"fault":"timeout","afterMs":300}}]}"#.write(to: folder.appendingPathComponent("short-timeout.json"), atomically: true, encoding: .utf8)
        var options = ServeOptions.forTests()
        options.scenarios = Repository.path("scenarios")
        application = try SandboxApplication(options: options, logger: .disabled)
        try application.start()
    }

    override func tearDownWithError() throws {
        application.stop(timeout: .seconds(2))
        try FileManager.default.removeItem(at: folder)
    }

    /// Sends a signed account inquiry with `scenario` and returns the connection to read from.
    private func send(_ scenario: String) throws -> RawHTTPClient {
        let request = try SignedRequest.snap(sentBody: body, timestamp: SignatureTimestamp.jakarta(Date()), headers: [("X-Sandbox-Scenario", scenario)])
        let client = try RawHTTPClient(port: application.port)
        var text = "POST \(request.target) HTTP/1.1\r\nHost: x\r\n"
        for field in request.headers { text += "\(field.name): \(field.value)\r\n" }
        text += "Content-Length: \(request.body.count)\r\n\r\n"
        try client.send(Array(text.utf8) + request.body)
        return client
    }

    func testTimeout_SendsNotAByte_ThenCloses() throws {
        // given: a scenario folder with a short timeout, reloaded at runtime
        try FileManager.default.copyItem(at: folder.appendingPathComponent("short-timeout.json"), to: URL(fileURLWithPath: Repository.path("scenarios")).appendingPathComponent("zz-test-short-timeout.json"))
        defer { try? FileManager.default.removeItem(atPath: Repository.path("scenarios/zz-test-short-timeout.json")) }
        _ = try RawHTTPClient(port: application.port).request("POST", "/sandbox/scenarios/reload")
        // when
        let client = try send("zz-test-short-timeout")
        // then
        XCTAssertFalse(client.hasPendingInput())
        XCTAssertEqual(try client.readUntilClosed(), [], "no byte before the close")
        let entry = application.journal.entries().first { $0.scenario == "zz-test-short-timeout" }
        XCTAssertEqual(entry?.outcome, .held)
        XCTAssertGreaterThanOrEqual(entry?.durationNanoseconds ?? 0, 300_000_000)
    }

    func testDrop_ClosesWithoutAByte() throws {
        XCTAssertEqual(try send("drills/account-inquiry/drop").readUntilClosed(), [])
    }

    func testReset_SendsRST() throws {
        XCTAssertThrowsError(try send("drills/account-inquiry/reset").readUntilClosed()) { error in
            XCTAssertEqual(error as? RawHTTPClient.ClientError, .resetByPeer)
        }
    }

    func testEmptyBody_Is200WithNothing() throws {
        let response = try send("drills/account-inquiry/empty-body").readResponse()
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.header("Content-Length"), "0")
        XCTAssertEqual(response.body, [])
    }

    func testMalformedJSON_DoesNotParse() throws {
        let response = try send("drills/account-inquiry/malformed-json").readResponse()
        XCTAssertEqual(response.status, 200)
        XCTAssertTrue(response.bodyText.hasPrefix("{\"responseCode\":\"2003700\""), response.bodyText)
        XCTAssertThrowsError(try JSONScanner.parse(response.body))
    }

    func testUnknownCode_IsWellFormed_ButUndocumented() throws {
        let json = try JSONScanner.parse(try send("drills/account-inquiry/unknown-code").readResponse().body)
        let code = try XCTUnwrap(json["responseCode"]?.stringValue)
        XCTAssertFalse(ScenarioEndpoint.accountInquiry.documentedCodes.contains(code))
    }

    func testMissingField_IsTheRealSuccessWithoutIt() throws {
        let json = try JSONScanner.parse(try send("drills/account-inquiry/missing-customer-name").readResponse().body)
        XCTAssertEqual(json["responseCode"]?.stringValue, "2003700")
        XCTAssertNil(json["customerName"])
        XCTAssertNotNil(json["customerMonthlyInLimit"])
    }

    func testDelayed_AnswerArrivesLate_WhileOthersAreServed() throws {
        let slow = try send("drills/account-inquiry/slow")
        XCTAssertEqual(try RawHTTPClient(port: application.port).request("GET", "/health").status, 200)
        XCTAssertFalse(slow.hasPendingInput(), "the 7 s delay was not applied")
    }
}
