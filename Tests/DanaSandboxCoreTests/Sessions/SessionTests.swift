import Foundation
import Synchronization
import XCTest
import SandboxHTTP
import SandboxTestSupport
@testable import DanaSandboxCore
@testable import SandboxJSON
@testable import SandboxSupport
@testable import DanaSandboxAPIs

/// `X-Sandbox-Session` over real sockets: each session's data is its own, made from the seed,
/// dropped after its TTL or when too many live, reset alone.
final class SessionTests: RunningApplicationTestCase {
    private static func call(_ port: Int, _ method: String, _ path: String, session: String?, body: String = "") throws -> RawHTTPClient.Response {
        try RawHTTPClient(port: port).request(method, path, headers: session.map { [("X-Sandbox-Session", $0)] } ?? [], body: body)
    }

    private static func inquiry(_ port: Int, customerNumber: String, externalID: String, session: String?) throws -> String? {
        let body = #"{"customerNumber":"\#(customerNumber)","amount":{"value":"1.00","currency":"IDR"},"additionalInfo":{"fundType":"AGENT_TOPUP_FOR_USER_SETTLE"}}"#
        let request = try SignedRequest.snap(
            sentBody: body, timestamp: SignatureTimestamp.jakarta(Date()), externalID: externalID,
            headers: session.map { [("X-Sandbox-Session", $0)] } ?? []
        )
        let client = try RawHTTPClient(port: port)
        try client.send(request)
        return try JSONScanner.parse(try client.readResponse().body)["responseCode"]?.stringValue
    }

    private static func subscriptionQuery(_ port: Int, requestID: String, session: String?) throws -> String? {
        let body = #"{"merchantId":"010001","requestId":"\#(requestID)","paymentType":"StaticDanaSub","merchantSubId":"PY-1761114620.5313134"}"#
        var request = try SignedRequest.paylabs(sentBody: body, timestamp: SignatureTimestamp.jakarta(Date(), milliseconds: true))
        if let session { request.headers.add("X-Sandbox-Session", session) }
        let client = try RawHTTPClient(port: port)
        try client.send(request)
        return try JSONScanner.parse(try client.readResponse().body)["errCode"]?.stringValue
    }

    func testConcurrentSessions_EachOwnTheirFixturesAndSingleUseIDs_WhileTheSharedStateIsTheSeed() throws {
        // given
        try start()
        let port = application.port
        let failures = Mutex<[String]>([])
        // when: 32 sessions at once, each with its own payee of the same number, each spending the
        // same X-EXTERNAL-ID and requestId
        let group = DispatchGroup()
        for index in 0..<32 { DispatchQueue.global().async(group: group) {
            let session = "parallel-\(index)"
            do {
                let fixture = #"{"users":[{"customerNumber":"6281299990000","name":"Sari \#(index)"}]}"#
                let written = try Self.call(port, "POST", "/sandbox/fixtures", session: session, body: fixture)
                guard written.status == 200 else { throw Shell.Failure(description: "fixtures: \(written.status) \(written.bodyText)") }
                let code = try Self.inquiry(port, customerNumber: "6281299990000", externalID: "same-external-id", session: session)
                guard code == "2003700" else { throw Shell.Failure(description: "inquiry: \(code ?? "-")") }
                let errCode = try Self.subscriptionQuery(port, requestID: "same-request-id", session: session)
                guard errCode == "0" else { throw Shell.Failure(description: "querysubtrans: \(errCode ?? "-")") }
                let user = try Self.call(port, "GET", "/sandbox/fixtures/users/6281299990000", session: session)
                guard user.bodyText.contains("\"name\":\"Sari \(index)\"") else { throw Shell.Failure(description: "read back: \(user.bodyText)") }
            } catch {
                failures.withLock { $0.append("\(session): \(error)") }
            }
        } }
        XCTAssertEqual(group.wait(timeout: .now() + 60), .success)
        // then
        XCTAssertEqual(failures.withLock { $0 }, [])
        XCTAssertEqual(try Self.inquiry(port, customerNumber: "6281299990000", externalID: "same-external-id", session: nil), "4033705", "no session: the seed has no such payee")
        XCTAssertEqual(try Self.subscriptionQuery(port, requestID: "same-request-id", session: nil), "0", "no session: the requestId is unspent")
        let sessions = try JSONScanner.parse(try Self.call(port, "GET", "/sandbox/sessions", session: nil).body)
        XCTAssertEqual(sessions["count"]?.numberLexeme, "32")
        XCTAssertGreaterThan(Int(sessions["memoryBytes"]?.numberLexeme ?? "0") ?? 0, 32 * 10_000)
    }

    func testSecondUseOfAnExternalID_InOneSession_IsStillAConflict() throws {
        try start()
        XCTAssertEqual(try Self.inquiry(application.port, customerNumber: "62811742234", externalID: "twice", session: "a"), "2003700")
        XCTAssertEqual(try Self.inquiry(application.port, customerNumber: "62811742234", externalID: "twice", session: "a"), "4093700")
        XCTAssertEqual(try Self.inquiry(application.port, customerNumber: "62811742234", externalID: "twice", session: "b"), "2003700")
    }

    func testResetOfOneSession_LeavesTheOthers() throws {
        try start()
        let port = application.port
        let fixture = #"{"users":[{"customerNumber":"6281299990001"}]}"#
        for session in ["keep", "drop"] {
            XCTAssertEqual(try Self.call(port, "POST", "/sandbox/fixtures", session: session, body: fixture).status, 200)
        }
        // when
        let reset = try Self.call(port, "POST", "/sandbox/reset", session: "drop")
        // then
        XCTAssertTrue(reset.bodyText.contains("\"session\":\"drop\""), reset.bodyText)
        XCTAssertEqual(try Self.call(port, "GET", "/sandbox/fixtures/users/6281299990001", session: "keep").status, 200)
        XCTAssertEqual(try Self.call(port, "GET", "/sandbox/fixtures/users/6281299990001", session: "drop").status, 404)
    }

    func testSessions_AreDroppedAfterTheirTTL() throws {
        try start { $0.sessionTTLSeconds = 0.3 }
        let port = application.port
        XCTAssertEqual(try Self.call(port, "POST", "/sandbox/fixtures", session: "brief", body: #"{"users":[{"customerNumber":"6281299990002"}]}"#).status, 200)
        XCTAssertTrue(try Self.call(port, "GET", "/sandbox/sessions", session: nil).bodyText.contains("\"name\":\"brief\""))
        // when: the session is left idle
        let deadline = Date().addingTimeInterval(10)
        while try Self.call(port, "GET", "/sandbox/sessions", session: nil).bodyText.contains("\"brief\""), Date() < deadline {
            usleep(50_000)
        }
        // then: gone, and its next request starts from the seed
        XCTAssertFalse(try Self.call(port, "GET", "/sandbox/sessions", session: nil).bodyText.contains("\"brief\""))
        XCTAssertEqual(try Self.call(port, "GET", "/sandbox/fixtures/users/6281299990002", session: "brief").status, 404)
    }

    func testAtMostMaxSessions_TheLeastRecentlyUsedGoesFirst() throws {
        try start { $0.maxSessions = 2 }
        let port = application.port
        for session in ["first", "second"] {
            XCTAssertEqual(try Self.call(port, "POST", "/sandbox/fixtures", session: session, body: #"{"users":[{"customerNumber":"6281299990003"}]}"#).status, 200)
        }
        _ = try Self.call(port, "GET", "/sandbox/fixtures/users", session: "first")   // first is now the most recent
        XCTAssertEqual(try Self.call(port, "GET", "/sandbox/fixtures/users", session: "third").status, 200)
        let names = (try JSONScanner.parse(try Self.call(port, "GET", "/sandbox/sessions", session: nil).body)["sessions"]?.arrayValue ?? [])
            .compactMap { $0["name"]?.stringValue }
        XCTAssertEqual(Set(names), ["first", "third"])
    }

    func testPartnerRegisteredInASession_IsInvisibleElsewhere() throws {
        try start()
        let port = application.port
        let pem = try String(contentsOfFile: Repository.path("keys/demo-partner-public.pem"), encoding: .utf8)
        let registration = String(decoding: try JSONSerialization.data(withJSONObject: ["clientId": "session-partner", "publicKey": pem]), as: UTF8.self)
        XCTAssertEqual(try Self.call(port, "POST", "/sandbox/partners", session: "mine", body: registration).status, 201)
        XCTAssertTrue(try Self.call(port, "GET", "/sandbox/partners", session: "mine").bodyText.contains("session-partner"))
        XCTAssertFalse(try Self.call(port, "GET", "/sandbox/partners", session: "other").bodyText.contains("session-partner"))
        XCTAssertFalse(try Self.call(port, "GET", "/sandbox/partners", session: nil).bodyText.contains("session-partner"))
    }

    func testTheJournal_RecordsAndFiltersTheSession_AndCounts() throws {
        try start()
        let port = application.port
        _ = try Self.inquiry(port, customerNumber: "62811742234", externalID: UUID().uuidString.prefix(30).description, session: "counted")
        _ = try Self.inquiry(port, customerNumber: "62811742234", externalID: UUID().uuidString.prefix(30).description, session: "counted")
        _ = try Self.inquiry(port, customerNumber: "62811742234", externalID: UUID().uuidString.prefix(30).description, session: nil)
        let count = try Self.call(port, "GET", "/sandbox/journal/count?endpoint=account-inquiry&session=counted", session: nil)
        XCTAssertEqual(count.bodyText, #"{"count":2}"#)
        let entries = try JSONScanner.parse(try Self.call(port, "GET", "/sandbox/journal?session=counted", session: nil).body)["entries"]?.arrayValue ?? []
        XCTAssertEqual(entries.compactMap { $0["session"]?.stringValue }, ["counted", "counted"])
        XCTAssertEqual(try Self.call(port, "GET", "/sandbox/journal/count?endpoint=nope", session: nil).status, 400)
        // DELETE empties the journal alone: the session's data stays
        XCTAssertEqual(try Self.call(port, "DELETE", "/sandbox/journal", session: nil).status, 200)
        XCTAssertEqual(try Self.call(port, "GET", "/sandbox/journal/count", session: nil).bodyText, #"{"count":0}"#)
        XCTAssertTrue(try Self.call(port, "GET", "/sandbox/sessions", session: nil).bodyText.contains("\"counted\""))
    }
}
