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

/// The journal: every exchange, bounded, filterable, secrets masked, over a real socket.
final class JournalTests: RunningApplicationTestCase {
    private func journal(_ query: String = "") throws -> JSONValue {
        try JSONScanner.parse(try RawHTTPClient(port: application.port).request("GET", "/sandbox/journal" + query).body)
    }

    private func inquiry(scenario: String? = nil, token: String? = nil) throws {
        var headers: [(String, String)] = []
        if let scenario { headers.append(("X-Sandbox-Scenario", scenario)) }
        if let token { headers.append(("Authorization-Customer", "Bearer \(token)")) }
        let body = token == nil
            ? #"{"customerNumber":"62811742234","amount":{"value":"1.00","currency":"IDR"},"additionalInfo":{"fundType":"AGENT_TOPUP_FOR_USER_SETTLE"}}"#
            : #"{"amount":{"value":"1.00","currency":"IDR"},"additionalInfo":{"fundType":"AGENT_TOPUP_FOR_USER_SETTLE","accessToken":"\#(token!)"}}"#
        let request = try SignedRequest.snap(sentBody: body, timestamp: SignatureTimestamp.jakarta(Date()), headers: headers)
        let client = try RawHTTPClient(port: application.port)
        try client.send(request)
        _ = try client.readResponse()
    }

    func testEveryExchange_IsRecorded_NewestFirst_WithWhatCITestsAssert() throws {
        // given
        try start()
        try inquiry()
        try inquiry(scenario: "account-inquiry/do-not-honor")
        // when
        let entries = try XCTUnwrap(try journal()["entries"]?.arrayValue)
        // then
        XCTAssertEqual(entries.count, 2)
        let newest = entries[0]
        XCTAssertEqual(newest["endpoint"]?.stringValue, "account-inquiry")
        XCTAssertEqual(newest["scenario"]?.stringValue, "account-inquiry/do-not-honor")
        XCTAssertEqual(newest.value(atPath: "response.status")?.numberLexeme, "403")
        XCTAssertEqual(newest.value(atPath: "response.code")?.stringValue, "4033705")
        XCTAssertEqual(newest.value(atPath: "response.body.responseMessage")?.stringValue, "Do Not Honor")
        XCTAssertEqual(newest.value(atPath: "request.body.customerNumber")?.stringValue, "62811742234")
        XCTAssertEqual(newest.value(atPath: "request.headers.X-PARTNER-ID")?.stringValue, "2014000014442")
        XCTAssertNotNil(newest["durationMs"]?.numberLexeme)
        XCTAssertNotNil(newest["time"]?.stringValue)
        XCTAssertNil(entries[1]["scenario"])
        XCTAssertEqual(entries[1].value(atPath: "response.code")?.stringValue, "2003700")
    }

    func testTheRing_KeepsOnlyTheLimit() throws {
        try start { $0.journalLimit = 3 }
        for _ in 0..<5 { _ = try RawHTTPClient(port: application.port).request("GET", "/health") }
        let answer = try journal()
        XCTAssertEqual(answer["capacity"]?.numberLexeme, "3")
        let ids = answer["entries"]?.arrayValue?.compactMap { $0["id"]?.numberLexeme.flatMap { Int($0) } } ?? []
        XCTAssertEqual(ids.count, 3)
        XCTAssertEqual(ids, ids.sorted(by: >), "newest first")
    }

    func testFilters_EndpointScenarioSinceAndLimit() throws {
        try start()
        _ = try RawHTTPClient(port: application.port).request("GET", "/health")
        try inquiry()
        try inquiry(scenario: "account-inquiry/general-error")
        try inquiry(scenario: "account-inquiry/general-error")
        XCTAssertEqual(try journal("?endpoint=account-inquiry")["count"]?.numberLexeme, "3")
        XCTAssertEqual(try journal("?endpoint=/health")["count"]?.numberLexeme, "1")
        XCTAssertEqual(try journal("?scenario=account-inquiry/general-error")["count"]?.numberLexeme, "2")
        XCTAssertEqual(try journal("?limit=1")["count"]?.numberLexeme, "1")
        let all = try journal()["entries"]?.arrayValue ?? []
        let oldestID = try XCTUnwrap(all.last?["id"]?.numberLexeme)
        XCTAssertEqual(try journal("?since=\(oldestID)")["count"]?.numberLexeme, "3")
        XCTAssertEqual(try journal("?since=2000-01-01T00:00:00Z")["count"]?.numberLexeme, "4")
        XCTAssertEqual(try RawHTTPClient(port: application.port).request("GET", "/sandbox/journal?endpoint=nope").status, 400)
        XCTAssertEqual(try RawHTTPClient(port: application.port).request("GET", "/sandbox/journal?since=yesterday").status, 400)
    }

    func testSince_PagesForward_InOrder_WithoutSkipping() throws {
        // given: seven exchanges
        try start()
        for _ in 0..<7 { _ = try RawHTTPClient(port: application.port).request("GET", "/health") }
        let all = (try journal()["entries"]?.arrayValue ?? []).compactMap { $0["id"]?.numberLexeme.flatMap { Int($0) } }
        XCTAssertEqual(all.count, 7)
        // when: paging forward three at a time from before the first
        var seen: [Int] = []
        var since = 0
        while true {
            let page = (try journal("?since=\(since)&limit=3")["entries"]?.arrayValue ?? []).compactMap { $0["id"]?.numberLexeme.flatMap { Int($0) } }
            if page.isEmpty { break }
            XCTAssertLessThanOrEqual(page.count, 3)
            seen += page
            since = page[page.count - 1]
        }
        // then: every entry once, oldest first
        XCTAssertEqual(seen, all.reversed())
    }

    func testASignatureFailure_KeepsWhatThePartnerNeedsToFixIt() throws {
        // given: a request signed over another body
        try start()
        let body = #"{"customerNumber":"62811742234","amount":{"value":"1.00","currency":"IDR"}}"#
        let request = try SignedRequest.snap(sentBody: body, signedBody: "{}", timestamp: SignatureTimestamp.jakarta(Date()))
        let client = try RawHTTPClient(port: application.port)
        try client.send(request)
        XCTAssertEqual(try client.readResponse().status, 401)
        // when
        let entry = try XCTUnwrap(try journal()["entries"]?.arrayValue?.first)
        // then
        let signature = try XCTUnwrap(entry["signature"])
        let hash = SHA256.hexDigest(Array(body.utf8))
        XCTAssertEqual(signature["expectedStringToSign"]?.stringValue, "POST:/v1.0/emoney/account-inquiry.htm:\(hash):\(request.headers["X-TIMESTAMP"]!)")
        XCTAssertEqual(signature["formsTried"]?.arrayValue?.first?.stringValue, "raw=\(hash)")
        XCTAssertEqual(signature["partner"]?.stringValue, "2014000014442")
        XCTAssertEqual(signature["reason"]?.stringValue, "X-SIGNATURE does not verify")
        // and a request that verifies has none
        try inquiry()
        let entries = try XCTUnwrap(try journal()["entries"]?.arrayValue)
        XCTAssertEqual(entries.count, 2)
        XCTAssertNil(entries[0]["signature"])
    }

    func testSecretsAndTokens_AreMasked() throws {
        try start()
        try inquiry(token: "demo-token-62811742234")
        let text = try RawHTTPClient(port: application.port).request("GET", "/sandbox/journal").bodyText
        XCTAssertFalse(text.contains("demo-token-62811742234"), text)
        let entry = try XCTUnwrap(try journal()["entries"]?.arrayValue?.first)
        XCTAssertEqual(entry.value(atPath: "request.headers.Authorization-Customer")?.stringValue, "***")
        XCTAssertEqual(entry.value(atPath: "request.body.additionalInfo.accessToken")?.stringValue, "***")
    }

    func testLargeBodies_AreKeptCut_AndSaySo() throws {
        try start()
        let big = String(repeating: "x", count: 100_000)
        _ = try RawHTTPClient(port: application.port).request("POST", "/nowhere", body: big)
        let entry = try XCTUnwrap(try journal()["entries"]?.arrayValue?.first)
        XCTAssertEqual(entry.value(atPath: "request.body")?.stringValue?.count, JournalEntry.bodyLimit)
        XCTAssertEqual(entry.value(atPath: "request.bodyTruncatedFrom")?.numberLexeme, "100000")
    }

    func testOpenAPIClientSecret_IsMasked() {
        let masked = JournalEntry.mask(try! JSONScanner.parse(Array(#"{"request":{"head":{"clientSecret":"s3cret","accessToken":"t"},"body":{}}}"#.utf8)))
        XCTAssertEqual(masked.text, #"{"request":{"head":{"clientSecret":"***","accessToken":"***"},"body":{}}}"#)
    }

    func testReset_EmptiesTheJournal_AndReadsAreNotJournaled() throws {
        try start()
        try inquiry()
        _ = try journal()
        _ = try RawHTTPClient(port: application.port).request("POST", "/sandbox/reset")
        let entries = try journal()["entries"]?.arrayValue ?? []
        XCTAssertEqual(entries.map { $0["path"]?.stringValue }, ["/sandbox/reset"])
    }
}
