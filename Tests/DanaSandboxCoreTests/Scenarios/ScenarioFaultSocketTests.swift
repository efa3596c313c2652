import Foundation
import Synchronization
import XCTest
import SandboxHTTP
import SandboxTestSupport
@testable import DanaSandboxCore
@testable import SandboxJSON
@testable import SandboxCrypto
@testable import SandboxSupport
@testable import SandboxStorage
@testable import DanaSandboxAPIs

/// Every respond kind and fault over a real socket, as a partner's HTTP client meets them, on a
/// private copy of the shipped scenarios plus a few of the test's own.
final class ScenarioFaultSocketTests: XCTestCase {
    private var application: SandboxApplication!
    private var folder: URL!
    private let body = #"{"customerNumber":"62811742234","amount":{"value":"1.00","currency":"IDR"},"additionalInfo":{"fundType":"AGENT_TOPUP_FOR_USER_SETTLE"}}"#

    override func setUpWithError() throws {
        folder = try Repository.temporaryDirectory().appendingPathComponent("scenarios")
        try FileManager.default.copyItem(atPath: Repository.path("scenarios"), toPath: folder.path)
        try write("short-timeout", #"{"rules":[{"endpoint":"*","respond":{"fault":"timeout","afterMs":300}}]}"#)
        try write("busy", #"{"rules":[{"endpoint":"account-inquiry","respond":{"status":503,"headers":{"Retry-After":"2"},"body":"maintenance"}}]}"#)
        var options = ServeOptions.forTests()
        options.scenarios = folder.path
        application = try SandboxApplication(options: options, logger: .disabled)
        try application.start()
    }

    private func write(_ name: String, _ json: String) throws {
        try json.write(to: folder.appendingPathComponent(name + ".json"), atomically: true, encoding: .utf8)
    }

    /// Sends `request` on a new connection.
    private func open(_ request: HTTPRequest) throws -> RawHTTPClient {
        let client = try RawHTTPClient(port: application.port)
        try client.send(request)
        return client
    }

    override func tearDownWithError() throws {
        application.stop(timeout: .seconds(2))
        try FileManager.default.removeItem(at: folder.deletingLastPathComponent())
    }

    /// Sends a signed account inquiry with `scenario` (and `session`) and returns the connection.
    private func send(_ scenario: String, session: String? = nil) throws -> RawHTTPClient {
        var headers = [("X-Sandbox-Scenario", scenario)]
        if let session { headers.append(("X-Sandbox-Session", session)) }
        return try open(try SignedRequest.snap(sentBody: body, timestamp: SignatureTimestamp.jakarta(Date()), headers: headers))
    }

    private func code(_ client: RawHTTPClient) throws -> String? {
        try JSONScanner.parse(try client.readResponse().body)["responseCode"]?.stringValue
    }

    func testTimeout_SendsNotAByte_ThenCloses() throws {
        // when
        let client = try send("short-timeout")
        // then
        XCTAssertFalse(client.hasPendingInput())
        XCTAssertEqual(try client.readUntilClosed(), [], "no byte before the close")
        let entry = application.journal.entries().first { $0.scenario == "short-timeout" }
        XCTAssertEqual(entry?.outcome, .held)
        XCTAssertGreaterThanOrEqual(entry?.durationNanoseconds ?? 0, 300_000_000)
    }

    func testResultCode_IsTheRealEnvelope() throws {
        let response = try send("account-inquiry/insufficient-funds").readResponse()
        XCTAssertEqual(response.status, 403)
        XCTAssertNotNil(response.header("X-TIMESTAMP"))
        XCTAssertEqual(try JSONScanner.parse(response.body), .fields(["responseCode": "4033714", "responseMessage": "Insufficient Funds"]))
    }

    func testRaw_IsSentExactly() throws {
        let response = try send("busy").readResponse()
        XCTAssertEqual(response.status, 503)
        XCTAssertEqual(response.header("Retry-After"), "2")
        XCTAssertEqual(response.bodyText, "maintenance")
    }

    func testBadSignature_IsTheRealAnswerWithASignatureThatFails() throws {
        var request = try SignedRequest.paylabs(
            sentBody: #"{"merchantId":"010001","requestId":"bad-sig-1","paymentType":"StaticDanaSub","merchantSubId":"PY-1761114620.5313134"}"#,
            timestamp: SignatureTimestamp.jakarta(Date(), milliseconds: true)
        )
        request.headers.add("X-Sandbox-Scenario", "drills/query-subscription-transactions/bad-signature")
        let response = try open(request).readResponse()
        XCTAssertEqual(try JSONScanner.parse(response.body)["errCode"]?.stringValue, "0")
        let signature = try XCTUnwrap(response.header("X-SIGNATURE").flatMap { Data(base64Encoded: $0) })
        let stringToSign = "POST:/dana/v1/sub/querysubtrans:\(SHA256.hexDigest(response.body)):\(response.header("X-TIMESTAMP")!)"
        XCTAssertEqual(signature.count, 256, "well-formed")
        XCTAssertFalse(application.signer.paylabs.publicKey.verify(signature: Array(signature), message: Array(stringToSign.utf8)))
    }

    /// One signed account inquiry on its own connection; its responseCode.
    private static func inquiryCode(port: Int, body: String, headers: [(String, String)]) throws -> String? {
        let request = try SignedRequest.snap(sentBody: body, timestamp: SignatureTimestamp.jakarta(Date()), headers: headers)
        let client = try RawHTTPClient(port: port)
        try client.send(request)
        return try JSONScanner.parse(try client.readResponse().body)["responseCode"]?.stringValue
    }

    func testTimesAndFallThrough_PerSession_UnderConcurrentConnections() throws {
        // given: twenty tests at once, each its own session, beside plain traffic
        let drill = "drills/account-inquiry/fails-twice-then-succeeds"
        let (port, body) = (application.port, body)
        let failures = Mutex<[String]>([])
        // when
        DispatchQueue.concurrentPerform(iterations: 30) { index in
            do {
                if index < 20 {
                    let headers = [("X-Sandbox-Scenario", drill), ("X-Sandbox-Session", "session-\(index)")]
                    let codes = try (0..<3).map { _ in try Self.inquiryCode(port: port, body: body, headers: headers) }
                    if codes != ["5003701", "5003701", "2003700"] { failures.withLock { $0.append("session \(index): \(codes)") } }
                } else {
                    let plain = try Self.inquiryCode(port: port, body: body, headers: [])
                    if plain != "2003700" { failures.withLock { $0.append("plain: \(plain ?? "-")") } }
                }
            } catch {
                failures.withLock { $0.append("\(index): \(error)") }
            }
        }
        // then
        XCTAssertEqual(failures.withLock { $0 }, [])
    }

    func testHotReload_OverTheSocket_AndABrokenEditIsRefused() throws {
        // when: a new file, then a reload
        try write("fresh", #"{"rules":[{"endpoint":"account-inquiry","respond":{"resultCode":"4043711"}}]}"#)
        XCTAssertEqual(try RawHTTPClient(port: application.port).request("POST", "/sandbox/scenarios/reload").status, 200)
        XCTAssertEqual(try code(send("fresh")), "4043711")
        // when: broken
        try write("fresh", #"{"rules":[{"endpoint":"account-inquiry","respond":{"resultCode":"4043799"}}]}"#)
        let refused = try RawHTTPClient(port: application.port).request("POST", "/sandbox/scenarios/reload")
        // then
        XCTAssertEqual(refused.status, 422)
        XCTAssertTrue(refused.bodyText.contains("fresh.json: rules[0].respond.resultCode: '4043799' is not a documented code"), refused.bodyText)
        XCTAssertEqual(try code(send("fresh")), "4043711", "the previous set stays in use")
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
        XCTAssertFalse(AccountInquiryHandler.descriptor.documentedCodes.contains(code))
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
