import Foundation
import Synchronization
import XCTest
import SandboxHTTP
import SandboxTestSupport
@testable import DanaSandboxCore
@testable import SandboxJSON
@testable import SandboxSupport
@testable import DanaSandboxAPIs

/// `POST /sandbox/destination-inquiry` against a stub partner over real sockets: the stub checks
/// the sandbox's request with `openssl`, and each of its variants breaks one rule of document 003.
final class DestinationInquiryTests: RunningApplicationTestCase {
    /// The report for `body`, sent as the endpoint's JSON.
    private func inquire(_ body: [String: Any]) throws -> (status: Int, report: JSONValue) {
        try Self.inquire(body, port: application.port)
    }

    private static func inquire(_ body: [String: Any], port: Int) throws -> (status: Int, report: JSONValue) {
        let text = String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self)
        let response = try RawHTTPClient(port: port, receiveTimeoutSeconds: 20)
            .request("POST", "/sandbox/destination-inquiry", headers: [("Content-Type", "application/json")], body: text)
        return (response.status, try JSONScanner.parse(response.body))
    }

    private func rules(_ report: JSONValue) -> [String] {
        (report["violations"]?.arrayValue ?? []).compactMap { $0["rule"]?.stringValue }
    }

    // MARK: - The call

    func testConformantPartner_GetsAConformantReport_AndASignedRequestAsTheDocumentSays() throws {
        // given
        try start()
        let partner = try StubPartner()
        // when
        let (status, report) = try inquire(["url": partner.url("conformant")])
        // then
        XCTAssertEqual(status, 200)
        XCTAssertEqual(report["conformant"], .bool(true), report.text)
        XCTAssertEqual(rules(report), [])
        XCTAssertEqual(report.value(atPath: "response.status")?.numberLexeme, "200")
        let received = try XCTUnwrap(try partner.requests().first)
        XCTAssertEqual(received["verified"] as? Bool, true, "openssl verifies the sandbox's signature with GET /sandbox/keys' DANA key")
        XCTAssertEqual(received["contentType"] as? String, "application/json")
        let head = try XCTUnwrap(received["head"] as? [String: String])
        XCTAssertEqual(head["version"], "2.0")
        XCTAssertEqual(head["function"], "dana.digital.goods.destination.inquiry")
        let reqTime = try XCTUnwrap(head["reqTime"])
        XCTAssertEqual(reqTime.count, 25)
        XCTAssertTrue(reqTime.hasSuffix("+07:00"), reqTime)
        XCTAssertNotNil(UUID(uuidString: head["reqMsgId"] ?? ""), "a fresh UUID")
        let body = try XCTUnwrap(received["body"] as? [String: Any])
        XCTAssertEqual(body["productId"] as? String, "merchant_sku_1")
        let destinations = try XCTUnwrap(body["destinationInfos"] as? [[String: String]])
        XCTAssertEqual(destinations, [["primaryParam": "111111111", "secondaryParam": ""], ["primaryParam": "22222222", "secondaryParam": ""]])
        // the report holds the exact bytes sent
        let sent = try XCTUnwrap(report.value(atPath: "request.body")?.stringValue)
        XCTAssertTrue(sent.hasPrefix("{\"request\":{\"head\":{\"version\":\"2.0\""), sent)
        XCTAssertTrue(sent.contains(head["reqMsgId"] ?? "-"))
    }

    func testOrderFields_ReachThePartner() throws {
        try start()
        let partner = try StubPartner()
        let (_, report) = try inquire([
            "url": partner.url("conformant"), "clientId": "2014000014442", "productId": "pln-postpaid",
            "destinationInfos": [["primaryParam": "5123456789", "secondaryParam": "zone-2", "billAmount": ["value": "150000", "currency": "IDR"]]],
            "timeoutMs": 5000,
        ])
        XCTAssertEqual(report["conformant"], .bool(true), report.text)
        let body = try XCTUnwrap(try partner.requests().first?["body"] as? [String: Any])
        XCTAssertEqual(body["productId"] as? String, "pln-postpaid")
        let destination = try XCTUnwrap((body["destinationInfos"] as? [[String: Any]])?.first)
        XCTAssertEqual(destination["primaryParam"] as? String, "5123456789")
        XCTAssertEqual(destination["secondaryParam"] as? String, "zone-2")
        XCTAssertEqual(destination["billAmount"] as? [String: String], ["value": "150000", "currency": "IDR"])
    }

    func testHTTPS_WithTheCertificateTrusted_IsConformant() throws {
        let partner = try StubPartner(secure: true)
        try start { $0.caFile = partner.certificatePath }
        let (_, report) = try inquire(["url": partner.url("conformant")])
        XCTAssertEqual(report["conformant"], .bool(true), report.text)
        XCTAssertEqual(try partner.requests().first?["verified"] as? Bool, true)
    }

    func testHTTPS_SelfSignedAndUntrusted_IsATransportFinding_UnlessInsecure() throws {
        let partner = try StubPartner(secure: true)
        try start()
        let (_, refused) = try inquire(["url": partner.url("conformant")])
        XCTAssertEqual(rules(refused), ["transport"])
        XCTAssertTrue(refused.value(atPath: "violations")?.arrayValue?.first?["found"]?.stringValue?.contains("certificate verify failed") == true, refused.text)
        application.stop(timeout: .seconds(2))

        try start { $0.insecure = true }
        let (_, accepted) = try inquire(["url": partner.url("conformant", host: "localhost")])
        XCTAssertEqual(accepted["conformant"], .bool(true), accepted.text)
    }

    func testChunkedAnswer_IsRead_AndConformant() throws {
        try start()
        let partner = try StubPartner()
        let (_, report) = try inquire(["url": partner.url("chunked")])
        XCTAssertEqual(report["conformant"], .bool(true), report.text)
    }

    // MARK: - One variant per rule

    func testEachBrokenRule_IsNamed_WithItsPath() throws {
        try start()
        let partner = try StubPartner()
        let cases: [(variant: String, rule: String, path: String)] = [
            ("wrong-signature", "signature", "signature"),
            ("no-signature", "signature", "signature"),
            ("not-json", "body.json", "body"),
            ("http-500", "http.status", "http.status"),
            ("http-403", "http.status", "http.status"),
            ("http-400", "http.accepted", "http.status"),
            ("no-envelope", "envelope", "response"),
            ("undocumented-status", "result.inquiryStatus", "response.body.inquiryResults[0].inquiryStatus.code"),
            ("missing-results", "body.inquiryResults", "response.body.inquiryResults"),
            ("wrong-req-msg-id", "head.reqMsgId", "response.head.reqMsgId"),
            ("wrong-function", "head.function", "response.head.function"),
            ("bad-resp-time", "head.respTime", "response.head.respTime"),
            ("missing-customer-name", "result.customerName", "response.body.inquiryResults[0].customerName"),
            ("decimal-amount", "result.amounts", "response.body.inquiryResults[0].totalAmount"),
            ("bad-due-date", "result.optionalFields", "response.body.inquiryResults[0].dueDate"),
            ("bad-bill-detail", "result.billDetail", "response.body.inquiryResults[0].billDetail[0].invoiceNumber"),
            ("wrong-destination", "result.destinationInfo", "response.body.inquiryResults[0].destinationInfo.primaryParam"),
            ("reset", "transport", "transport"),
        ]
        for (variant, rule, path) in cases {
            let (status, report) = try inquire(["url": partner.url(variant), "destinationInfos": [["primaryParam": "111111111"]]])
            XCTAssertEqual(status, 200, variant)
            XCTAssertEqual(report["conformant"], .bool(false), variant)
            let violations = report["violations"]?.arrayValue ?? []
            XCTAssertTrue(violations.contains { $0["rule"]?.stringValue == rule && $0["path"]?.stringValue == path }, "\(variant): \(report.text)")
            // A result for the wrong destination also leaves the asked one without a result.
            let allowed = variant == "wrong-destination" ? [rule, "body.inquiryResults"] : [rule]
            XCTAssertTrue(violations.allSatisfy { allowed.contains($0["rule"]?.stringValue ?? "") }, "\(variant) breaks \(rule) alone: \(report.text)")
            XCTAssertTrue(violations.allSatisfy { !($0["found"]?.stringValue ?? "").isEmpty && !($0["expected"]?.stringValue ?? "").isEmpty }, variant)
        }
    }

    func testFewerResultsThanDestinations_IsNamed() throws {
        try start()
        let partner = try StubPartner()
        let (_, report) = try inquire(["url": partner.url("too-few-results")])
        XCTAssertEqual(Set(rules(report)), ["body.inquiryResults"], report.text)
    }

    func testUnreachablePartner_IsATransportFinding() throws {
        // given: a port nobody listens on
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in(sin_family: sa_family_t(AF_INET), sin_port: 0, sin_addr: in_addr(s_addr: inet_addr("127.0.0.1")), sin_zero: (0, 0, 0, 0, 0, 0, 0, 0))
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = bind(listener, $0, length); _ = getsockname(listener, $0, &length) } }
        let port = Int(UInt16(bigEndian: address.sin_port))
        close(listener)
        try start()
        // when
        let (status, report) = try inquire(["url": "http://127.0.0.1:\(port)/destination/inquiry"])
        // then
        XCTAssertEqual(status, 200)
        XCTAssertEqual(rules(report), ["transport"])
        XCTAssertTrue(report.value(atPath: "violations")?.arrayValue?.first?["found"]?.stringValue?.contains("Connection refused") == true, report.text)
        XCTAssertEqual(report["response"], .null)
    }

    func testSlowPartner_IsATimingFinding_WhileOtherRequestsAreServed() throws {
        try start()
        let partner = try StubPartner()
        // when: the inquiry waits 8 s on a partner that answers after 9 s
        let finished = Finished()
        let port = application.port, url = partner.url("slow")
        let inquiring = Thread {
            let result = try? Self.inquire(["url": url], port: port)
            finished.set(result)
        }
        inquiring.start()
        // then: meanwhile, other endpoints answer at once
        _ = try XCTUnwrap(waitUntil { (try? partner.requests().count) == 1 }, "the stub got the inquiry")
        for _ in 0..<20 {
            XCTAssertEqual(try RawHTTPClient(port: application.port).request("GET", "/health").status, 200)
        }
        let inquiry = try SignedRequest.snap(
            sentBody: #"{"customerNumber":"62811742234","amount":{"value":"1.00","currency":"IDR"},"additionalInfo":{"fundType":"AGENT_TOPUP_FOR_USER_SETTLE"}}"#,
            timestamp: SignatureTimestamp.jakarta(Date())
        )
        let client = try RawHTTPClient(port: application.port)
        try client.send(inquiry)
        XCTAssertEqual(try client.readResponse().status, 200)
        XCTAssertNil(finished.value, "the inquiry was still waiting for the partner")
        // and the inquiry ends with the timing finding
        let (status, report) = try XCTUnwrap(waitUntil(seconds: 20) { finished.value })
        XCTAssertEqual(status, 200)
        XCTAssertEqual(rules(report), ["timing"], report.text)
        XCTAssertTrue(report.value(atPath: "violations")?.arrayValue?.first?["found"]?.stringValue?.contains("8000 ms") == true, report.text)
    }

    // MARK: - The suite

    func testSuite_AgainstAConformantPartner_RunsFiveProbes_AllConformant() throws {
        try start()
        let partner = try StubPartner()
        let (_, report) = try inquire(["url": partner.url("conformant"), "suite": true])
        XCTAssertEqual(report["conformant"], .bool(true), report.text)
        let probes = report["probes"]?.arrayValue ?? []
        XCTAssertEqual(probes.compactMap { $0["probe"]?.stringValue }, ["example", "two-destinations", "bill-amount", "unknown-destination", "bad-signature"])
        let received = try partner.requests()
        XCTAssertEqual(received.count, 5)
        XCTAssertEqual(received.map { $0["verified"] as? Bool }, [true, true, true, true, false], "the last probe's DANA signature is wrong, as openssl finds")
        let billed = try XCTUnwrap((received[2]["body"] as? [String: Any])?["destinationInfos"] as? [[String: Any]])
        XCTAssertEqual(billed.first?["billAmount"] as? [String: String], ["value": "10000000", "currency": "IDR"])
        let unknown = try XCTUnwrap((received[3]["body"] as? [String: Any])?["destinationInfos"] as? [[String: Any]])
        XCTAssertTrue((unknown.first?["primaryParam"] as? String)?.hasPrefix("sandbox-unknown-") == true)
    }

    func testSuite_APartnerThatAcceptsABadSignature_IsCaught() throws {
        try start()
        let partner = try StubPartner()
        let (_, report) = try inquire(["url": partner.url("ignores-signature"), "suite": true])
        XCTAssertEqual(report["conformant"], .bool(false))
        let violations = report["violations"]?.arrayValue ?? []
        XCTAssertEqual(violations.compactMap { $0["probe"]?.stringValue }, ["bad-signature"], report.text)
        XCTAssertEqual(violations.compactMap { $0["rule"]?.stringValue }, ["auth.refusesBadSignature"])
    }

    func testSuite_APartnerThatKnowsEveryDestination_IsCaught() throws {
        try start()
        let partner = try StubPartner()
        let (_, report) = try inquire(["url": partner.url("knows-everyone"), "suite": true])
        let violations = report["violations"]?.arrayValue ?? []
        XCTAssertEqual(violations.compactMap { $0["probe"]?.stringValue }, ["unknown-destination"], report.text)
        XCTAssertEqual(violations.compactMap { $0["rule"]?.stringValue }, ["result.unknownDestination"])
    }

    // MARK: - The journal

    func testTheCall_IsJournaled_WithBothBodiesAndTheVerdict() throws {
        try start()
        let partner = try StubPartner()
        _ = try inquire(["url": partner.url("wrong-function")])
        let journal = try JSONScanner.parse(try RawHTTPClient(port: application.port).request("GET", "/sandbox/journal?endpoint=destination-inquiry").body)
        let entry = try XCTUnwrap(journal["entries"]?.arrayValue?.first)
        XCTAssertEqual(entry["endpoint"]?.stringValue, "destination-inquiry")
        XCTAssertEqual(entry["path"]?.stringValue, partner.url("wrong-function"))
        XCTAssertEqual(entry.value(atPath: "request.body.request.head.function")?.stringValue, "dana.digital.goods.destination.inquiry")
        XCTAssertEqual(entry.value(atPath: "response.status")?.numberLexeme, "200")
        XCTAssertEqual(entry.value(atPath: "response.body.response.head.function")?.stringValue, "dana.other.function")
        XCTAssertEqual(entry.value(atPath: "verdict.conformant"), .bool(false))
        XCTAssertEqual(entry.value(atPath: "verdict.violations")?.arrayValue?.first?["rule"]?.stringValue, "head.function")
    }

    // MARK: - Orders that cannot run

    func testUnusableOrders_Are400_NamingTheField() throws {
        try start()
        let cases: [([String: Any], String)] = [
            ([:], "url is required"),
            (["url": "ftp://partner/destination/inquiry"], "url is unusable"),
            (["url": "http://127.0.0.1:1/x", "clientId": "nobody"], "clientId nobody is not a registered partner"),
            (["url": "http://127.0.0.1:1/x", "timeoutMs": 0], "timeoutMs must be"),
            (["url": "http://127.0.0.1:1/x", "destinationInfos": []], "destinationInfos must be"),
            (["url": "http://127.0.0.1:1/x", "destinationInfos": [["secondaryParam": "x"]]], "destinationInfos[0].primaryParam"),
            (["url": "http://127.0.0.1:1/x", "suite": "yes"], "suite must be true or false"),
            (["url": "http://127.0.0.1:1/x", "callback": "x"], "callback is not a field"),
        ]
        for (body, message) in cases {
            let (status, answer) = try inquire(body)
            XCTAssertEqual(status, 400, "\(body)")
            XCTAssertTrue(answer["message"]?.stringValue?.contains(message) == true, "\(body): \(answer.text)")
        }
    }

    /// Polls `value` until it is non-nil or `seconds` pass.
    private func waitUntil<T>(seconds: Double = 10, _ value: () -> T?) -> T? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let found = value() { return found }
            usleep(20_000)
        }
        return value()
    }

    private func waitUntil(seconds: Double = 10, _ condition: () -> Bool) -> Bool? {
        waitUntil(seconds: seconds) { condition() ? true : nil }
    }
}

/// The slow inquiry's result, set by its thread.
private final class Finished: Sendable {
    private let result = Mutex<(Int, JSONValue)?>(nil)

    func set(_ value: (Int, JSONValue)?) { result.withLock { $0 = value } }

    var value: (Int, JSONValue)? { result.withLock { $0 } }
}
