import Foundation
import XCTest
import SandboxHTTP
import SandboxTestSupport
@testable import DanaSandboxCore
@testable import SandboxJSON
@testable import SandboxSupport

/// `GET /sandbox/events`: the journal pushed live, over a real socket.
final class JournalFeedTests: RunningApplicationTestCase {
    /// A follower connected and past the `ready` event.
    private func follow(_ query: String = "", headers: [(String, String)] = []) throws -> RawHTTPClient {
        let client = try RawHTTPClient(port: application.port)
        var text = "GET /sandbox/events\(query) HTTP/1.1\r\nHost: localhost\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        try client.send(text + "\r\n")
        let head = try client.readResponse(toHead: true)
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head.header("Content-Type"), "text/event-stream; charset=utf-8")
        XCTAssertEqual(head.header("Transfer-Encoding"), "chunked")
        XCTAssertTrue(try nextEvent(client).contains("event: ready"))
        return client
    }

    /// The next event's text, without its chunk framing.
    private func nextEvent(_ client: RawHTTPClient) throws -> String {
        // Bytes, not Characters: Swift reads "\r\n" as one Character.
        let chunk = Array(try client.read(through: "\n\n\r\n").utf8)
        let sizeEnd = try XCTUnwrap(chunk.firstIndex(of: UInt8(ascii: "\n")))
        return String(decoding: chunk[(sizeEnd + 1)..<(chunk.count - 2)], as: UTF8.self)
    }

    /// The `data:` of an `exchange` event, parsed.
    private func exchange(_ event: String) throws -> JSONValue {
        XCTAssertTrue(event.contains("event: exchange\n"), event)
        let data = try XCTUnwrap(event.split(separator: "\n").first { $0.hasPrefix("data: ") })
        return try JSONScanner.parse(Array(data.dropFirst(6).utf8))
    }

    private func waitForFollowers(_ count: Int) {
        let deadline = Date().addingTimeInterval(10)
        while application.feed.count != count && Date() < deadline { usleep(1_000) }
        XCTAssertEqual(application.feed.count, count)
    }

    func testAnExchange_IsPushedToTheFollower_AsItHappens() throws {
        try start()
        let follower = try follow()
        _ = try RawHTTPClient(port: application.port).request("GET", "/health")
        let event = try nextEvent(follower)
        let entry = try exchange(event)
        XCTAssertTrue(event.hasPrefix("id: \(entry["id"]?.numberLexeme ?? "?")\n"), event)
        XCTAssertEqual(entry["path"]?.stringValue, "/health")
        XCTAssertEqual(entry.value(atPath: "response.status")?.numberLexeme, "200")
    }

    func testAFollower_CatchesUpFromSince_OrLastEventID() throws {
        try start()
        for _ in 0..<3 { _ = try RawHTTPClient(port: application.port).request("GET", "/health") }
        let ids = application.journal.entries().map(\.id).reversed().map { String($0) }
        let fromSince = try follow("?since=\(ids[0])")
        XCTAssertEqual(try exchange(try nextEvent(fromSince))["id"]?.numberLexeme, ids[1])
        XCTAssertEqual(try exchange(try nextEvent(fromSince))["id"]?.numberLexeme, ids[2])
        let reconnected = try follow(headers: [("Last-Event-ID", ids[1])])
        XCTAssertEqual(try exchange(try nextEvent(reconnected))["id"]?.numberLexeme, ids[2])
        XCTAssertEqual(try RawHTTPClient(port: application.port).request("GET", "/sandbox/events?since=yesterday").status, 400)
    }

    func testAReset_TellsTheFollowerTheJournalWasEmptied() throws {
        try start()
        let follower = try follow()
        let reset = try RawHTTPClient(port: application.port).request("POST", "/sandbox/reset")
        XCTAssertEqual(reset.status, 200)
        XCTAssertEqual(try nextEvent(follower), "event: cleared\ndata: {}\n\n")
    }

    func testFollowers_AreBounded_AndOneThatLeavesFreesItsPlace() throws {
        try start()
        var followers = try (0..<JournalFeed.maxFollowers).map { _ in try follow() }
        waitForFollowers(JournalFeed.maxFollowers)
        XCTAssertEqual(try RawHTTPClient(port: application.port).request("GET", "/sandbox/events").status, 503)
        followers.removeLast()
        waitForFollowers(JournalFeed.maxFollowers - 1)
        followers.append(try follow())
        waitForFollowers(JournalFeed.maxFollowers)
    }

    func testFollowing_IsNotItselfJournaled() throws {
        try start()
        let follower = try follow()
        _ = try RawHTTPClient(port: application.port).request("GET", "/health")
        XCTAssertEqual(try exchange(try nextEvent(follower))["path"]?.stringValue, "/health")
        XCTAssertEqual(application.journal.entries().map(\.path), ["/health"])
    }
}
