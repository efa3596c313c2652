import Foundation
import Synchronization
import XCTest
import SandboxTestSupport
@testable import SandboxHTTP

/// Streamed responses over real loopback sockets: the wire format, and that a client which
/// leaves, stalls or outlives the server is let go.
final class ResponseStreamTests: XCTestCase {
    private var server: HTTPServer?
    /// The sinks the `/stream` route handed out, in order.
    private final class Handed: Sendable {
        let sinks = Mutex<[StreamSink]>([])
    }

    private let handed = Handed()
    private let opened = DispatchSemaphore(value: 0)
    private let closed = DispatchSemaphore(value: 0)

    override func tearDown() {
        server?.stop(timeout: .seconds(2))
        server = nil
        super.tearDown()
    }

    private func startServer(backlogLimit: Int = 64 * 1024, heartbeat: [UInt8]? = nil, interval: Duration = .seconds(15)) throws -> Int {
        var router = Router()
        router.add(.get, "/stream") { [handed, opened, closed] _ in
            var head = HTTPResponse(status: .ok, headers: ["Content-Type": "text/event-stream"])
            head.annotations["stream"] = "yes"
            return .stream(ResponseStream(head: head, backlogLimit: backlogLimit, heartbeat: heartbeat, heartbeatInterval: interval) { sink in
                sink.onClose { closed.signal() }
                handed.sinks.withLock { $0.append(sink) }
                opened.signal()
            })
        }
        let configuration = HTTPServerConfiguration(
            host: "127.0.0.1", port: 0, readTimeout: .seconds(30), idleTimeout: .seconds(60), lingerTimeout: .milliseconds(500), eventLoopCount: 2
        )
        let server = HTTPServer(configuration: configuration, handler: router)
        try server.start()
        self.server = server
        return try XCTUnwrap(server.port)
    }

    private func openStream(port: Int, version: String = "HTTP/1.1") throws -> (RawHTTPClient, StreamSink) {
        let client = try RawHTTPClient(port: port)
        try client.send("GET /stream \(version)\r\nHost: localhost\r\n\r\n")
        XCTAssertEqual(opened.wait(timeout: .now() + 10), .success, "the stream started")
        return (client, try XCTUnwrap(handed.sinks.withLock { $0.last }))
    }

    func testAStream_IsChunked_AndEndsWithTheLastChunk() throws {
        // given
        let (client, sink) = try openStream(port: try startServer())
        let head = try client.readResponse(toHead: true)
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head.header("Transfer-Encoding"), "chunked")
        XCTAssertNil(head.header("Content-Length"))
        XCTAssertEqual(head.header("Connection"), "close")
        // when
        XCTAssertTrue(sink.send(Array("data: one\n\n".utf8)))
        XCTAssertEqual(try client.read(through: "\n\n\r\n"), "b\r\ndata: one\n\n\r\n")
        sink.send(Array("data: two\n\n".utf8))
        sink.finish()
        // then
        XCTAssertEqual(String(decoding: try client.readUntilClosed(), as: UTF8.self), "b\r\ndata: two\n\n\r\n0\r\n\r\n")
        XCTAssertEqual(closed.wait(timeout: .now() + 10), .success)
        XCTAssertFalse(sink.isOpen)
    }

    func testAHEADRequest_GetsTheHeadAlone_AndTheProducerSeesAClosedSink() throws {
        let client = try RawHTTPClient(port: try startServer())
        try client.send("HEAD /stream HTTP/1.1\r\nHost: localhost\r\n\r\n")
        XCTAssertEqual(opened.wait(timeout: .now() + 10), .success)
        XCTAssertEqual(closed.wait(timeout: .now() + 10), .success, "onClose ran for the producer")
        let sink = try XCTUnwrap(handed.sinks.withLock { $0.last })
        XCTAssertFalse(sink.send(Array("data".utf8)))
        let head = try client.readResponse(toHead: true)
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(try client.readUntilClosed(), [], "no body after the head")
    }

    func testAnHTTP10Stream_IsNotChunked() throws {
        let (client, sink) = try openStream(port: try startServer(), version: "HTTP/1.0")
        let head = try client.readResponse(toHead: true)
        XCTAssertNil(head.header("Transfer-Encoding"))
        sink.send(Array("raw bytes".utf8))
        sink.finish()
        XCTAssertEqual(String(decoding: try client.readUntilClosed(), as: UTF8.self), "raw bytes")
    }

    func testAClientThatLeaves_IsForgotten() throws {
        // given
        let (client, sink) = try openStream(port: try startServer())
        _ = try client.readResponse(toHead: true)
        // when
        client.shutdownWrite()
        // then
        XCTAssertEqual(closed.wait(timeout: .now() + 10), .success, "the server noticed the FIN")
        XCTAssertFalse(sink.send(Array("late".utf8)))
    }

    func testAClientThatStopsReading_IsCutOffAtTheBacklogLimit() throws {
        // given: a client that never reads, so the kernel's buffers fill and the server's backlog grows
        let (client, sink) = try openStream(port: try startServer(backlogLimit: 256 * 1024))
        let event = [UInt8](repeating: UInt8(ascii: "x"), count: 64 * 1024)
        // when: 25 MB, more than loopback's socket buffers hold
        for _ in 0..<400 {
            if !sink.send(event) { break }
        }
        // then
        XCTAssertEqual(closed.wait(timeout: .now() + 10), .success, "the stalled client was dropped")
        XCTAssertFalse(sink.isOpen)
        withExtendedLifetime(client) {}
    }

    func testAnEventNearTheBacklogLimit_ReachesAReadingClient_WhileOnePastItIsRefused() throws {
        let (client, sink) = try openStream(port: try startServer(backlogLimit: 64 * 1024))
        _ = try client.readResponse(toHead: true)
        let event = String(repeating: "y", count: 60 * 1024) + "\n\n"
        XCTAssertTrue(sink.send(Array(event.utf8)))
        XCTAssertEqual(try client.read(through: "\n\n\r\n"), "f002\r\n" + event + "\r\n")
        XCTAssertTrue(sink.isOpen)
        // An event that alone exceeds what the stream may hold for its client can never be sent.
        XCTAssertFalse(sink.send([UInt8](repeating: 0x7A, count: 65 * 1024)))
        XCTAssertEqual(closed.wait(timeout: .now() + 10), .success)
    }

    func testAQuietStream_SendsItsHeartbeat() throws {
        let (client, _) = try openStream(port: try startServer(heartbeat: Array(": ping\n\n".utf8), interval: .milliseconds(50)))
        _ = try client.readResponse(toHead: true)
        XCTAssertEqual(try client.read(through: "\n\n\r\n"), "8\r\n: ping\n\n\r\n")
    }

    func testStoppingTheServer_EndsItsStreams_WithoutWaitingForThem() throws {
        let (client, sink) = try openStream(port: try startServer())
        _ = try client.readResponse(toHead: true)
        // A stream is never done by itself: a stop that waited for it would take the whole timeout.
        let started = ContinuousClock.now
        server?.stop(timeout: .seconds(60))
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(30))
        server = nil
        XCTAssertEqual(closed.wait(timeout: .now() + 10), .success)
        XCTAssertFalse(sink.isOpen)
        _ = try client.readUntilClosed()
    }
}
