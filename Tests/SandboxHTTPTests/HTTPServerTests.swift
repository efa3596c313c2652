import Foundation
import Synchronization
import XCTest
import SandboxTestSupport
@testable import SandboxHTTP

/// End to end over real loopback sockets, on port 0.
final class HTTPServerTests: XCTestCase {
    private var server: HTTPServer?

    override func tearDown() {
        server?.stop(timeout: .seconds(2))
        server = nil
        super.tearDown()
    }

    /// A router with an echo endpoint, plus whatever the test adds.
    private func startServer(
        readTimeout: Duration = .seconds(30),
        idleTimeout: Duration = .seconds(60),
        maxBodyBytes: Int = 1024 * 1024,
        routes: (inout Router) -> Void = { _ in },
        observer: (@Sendable (ExchangeRecord) -> Void)? = nil
    ) throws -> Int {
        var router = Router()
        router.add(.get, "/hello") { _ in .respond(.json(.ok, "{\"hello\":\"world\"}")) }
        router.add(.post, "/echo") { request in
            .respond(HTTPResponse(status: .ok, headers: ["X-Path": request.target], body: request.body))
        }
        routes(&router)
        let configuration = HTTPServerConfiguration(
            host: "127.0.0.1", port: 0,
            limits: HTTPParserLimits(maxBodyBytes: maxBodyBytes),
            readTimeout: readTimeout, idleTimeout: idleTimeout,
            lingerTimeout: .milliseconds(500),
            eventLoopCount: 2,
            exchangeObserver: observer
        )
        let server = HTTPServer(configuration: configuration, handler: router)
        try server.start()
        self.server = server
        return try XCTUnwrap(server.port)
    }

    // MARK: - Keep-alive and pipelining

    func testHundredsOfRequests_OnOneKeepAliveConnection() throws {
        // given
        let port = try startServer()
        let client = try RawHTTPClient(port: port)
        // when / then
        for i in 0..<500 {
            let response = try client.request("POST", "/echo?n=\(i)", body: "request \(i)")
            XCTAssertEqual(response.status, 200)
            XCTAssertEqual(response.bodyText, "request \(i)")
            XCTAssertNil(response.header("Connection"))
        }
    }

    func testPipelinedRequests_AreAnsweredInOrder() throws {
        // given
        let port = try startServer()
        let client = try RawHTTPClient(port: port)
        // when: three requests in one write
        try client.send(
            "POST /echo?n=1 HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\none"
                + "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n"
                + "POST /echo?n=3 HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nthree"
        )
        // then
        XCTAssertEqual(try client.readResponse().bodyText, "one")
        XCTAssertEqual(try client.readResponse().bodyText, "{\"hello\":\"world\"}")
        XCTAssertEqual(try client.readResponse().bodyText, "three")
    }

    func testPipelinedRequests_WaitBehindADeferredReply() throws {
        // given: the first request is answered later, from another thread
        let port = try startServer { router in
            router.add(.get, "/later") { _ in
                .deferred(DeferredReply { complete in
                    DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(50)) {
                        complete(.respond(.json(.ok, "\"later\"")))
                    }
                })
            }
        }
        let client = try RawHTTPClient(port: port)
        // when
        try client.send("GET /later HTTP/1.1\r\nHost: x\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
        // then
        XCTAssertEqual(try client.readResponse().bodyText, "\"later\"")
        XCTAssertEqual(try client.readResponse().bodyText, "{\"hello\":\"world\"}")
    }

    func testConnectionClose_IsHonoured() throws {
        let port = try startServer()
        let client = try RawHTTPClient(port: port)
        let response = try client.request("GET", "/hello", headers: [("Connection", "close")])
        XCTAssertEqual(response.header("Connection"), "close")
        XCTAssertEqual(try client.readUntilClosed(), [])
    }

    func testHTTP10_ClosesAfterTheResponse() throws {
        let port = try startServer()
        let client = try RawHTTPClient(port: port)
        try client.send("GET /hello HTTP/1.0\r\n\r\n")
        XCTAssertEqual(try client.readResponse().status, 200)
        XCTAssertEqual(try client.readUntilClosed(), [])
    }

    func testHead_SendsHeadersWithoutBody_AndTheConnectionStaysUsable() throws {
        let port = try startServer()
        let client = try RawHTTPClient(port: port)
        try client.send("HEAD /hello HTTP/1.1\r\nHost: x\r\n\r\n")
        let head = try client.readResponse(toHead: true)
        XCTAssertEqual(head.header("Content-Length"), "17")
        // The reader took no body bytes, so a body sent by mistake would corrupt this next one.
        XCTAssertEqual(try client.request("GET", "/hello").bodyText, "{\"hello\":\"world\"}")
    }

    // MARK: - Bodies

    func testChunkedBody_IsDecoded() throws {
        let port = try startServer()
        let client = try RawHTTPClient(port: port)
        try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
        try client.send("4\r\nWiki\r\n")
        try client.send("5;ext=1\r\npedia\r\n0\r\n\r\n")
        let response = try client.readResponse()
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.bodyText, "Wikipedia")
    }

    func testExpectContinue_GetsInterimResponse_ThenTheFinalOne() throws {
        // given
        let port = try startServer()
        let client = try RawHTTPClient(port: port)
        // when
        try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 7\r\n\r\n")
        let interim = try client.readResponse()
        try client.send("payload")
        let final = try client.readResponse()
        // then
        XCTAssertEqual(interim.status, 100)
        XCTAssertEqual(final.status, 200)
        XCTAssertEqual(final.bodyText, "payload")
    }

    func testExpectContinue_OverTheLimit_Gets413_InsteadOf100() throws {
        let port = try startServer(maxBodyBytes: 10)
        let client = try RawHTTPClient(port: port)
        try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 11\r\n\r\n")
        let response = try client.readResponse()
        XCTAssertEqual(response.status, 413)
        XCTAssertEqual(response.header("Connection"), "close")
    }

    // MARK: - Limits and errors

    private func assertRejection(_ raw: String, status: Int, maxBodyBytes: Int = 1024 * 1024, file: StaticString = #filePath, line: UInt = #line) throws {
        let port = try startServer(maxBodyBytes: maxBodyBytes)
        let client = try RawHTTPClient(port: port)
        try client.send(raw)
        let response = try client.readResponse()
        XCTAssertEqual(response.status, status, file: file, line: line)
        XCTAssertEqual(response.header("Connection"), "close", file: file, line: line)
        XCTAssertEqual(response.header("Content-Type"), "application/json", file: file, line: line)
        let json = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
        XCTAssertNotNil(json?["message"] as? String, file: file, line: line)
        // A framing error ends the connection: the next bytes could not be trusted.
        XCTAssertEqual(try client.readUntilClosed(), [], file: file, line: line)
    }

    func testMalformedRequest_Is400_AndCloses() throws {
        try assertRejection("GARBAGE\r\n\r\n", status: 400)
    }

    func testHeaderBlockOver16KiB_Is431() throws {
        let filler = String(repeating: "X-Filler: \(String(repeating: "a", count: 100))\r\n", count: 170)
        try assertRejection("GET /hello HTTP/1.1\r\nHost: x\r\n\(filler)\r\n", status: 431)
    }

    func testBodyOver1MiB_Is413() throws {
        try assertRejection("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: \(1024 * 1024 + 1)\r\n\r\n", status: 413)
    }

    func testBodyOverAConfiguredLimit_Is413_EvenWhileTheClientKeepsSending() throws {
        // given: the client sends its whole oversized body without waiting
        let port = try startServer(maxBodyBytes: 1000)
        let client = try RawHTTPClient(port: port)
        try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 200000\r\n\r\n")
        try client.send([UInt8](repeating: 0x61, count: 200_000))
        // then: the lingering close lets the 413 arrive instead of a reset
        XCTAssertEqual(try client.readResponse().status, 413)
    }

    func testContentLengthWithTransferEncoding_Is400() throws {
        try assertRejection(
            "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            status: 400
        )
    }

    func testKnownPathWithAnotherMethod_Is405() throws {
        let port = try startServer()
        let client = try RawHTTPClient(port: port)
        let response = try client.request("GET", "/echo")
        XCTAssertEqual(response.status, 405)
        XCTAssertEqual(response.header("Allow"), "POST")
        // A 405 is an ordinary answer: the connection stays open.
        XCTAssertEqual(try client.request("GET", "/hello").status, 200)
    }

    func testUnknownPath_Is404WithJSON() throws {
        let port = try startServer()
        let client = try RawHTTPClient(port: port)
        let response = try client.request("POST", "/v9/nothing")
        XCTAssertEqual(response.status, 404)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(response.body)) as? [String: String])
        XCTAssertEqual(json["path"], "/v9/nothing")
    }

    // MARK: - Timeouts and concurrency

    func testStalledClient_IsClosedAfterTheReadTimeout_WhileFiftyOthersAreServed() throws {
        // given: a client stuck half-way through its headers
        let port = try startServer(readTimeout: .seconds(3))
        let stalled = try RawHTTPClient(port: port)
        try stalled.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Len")

        // when: fifty other clients are served at the same time
        let failures = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 50) { i in
            do {
                let client = try RawHTTPClient(port: port)
                for j in 0..<10 {
                    let response = try client.request("POST", "/echo", body: "\(i)-\(j)")
                    if response.bodyText != "\(i)-\(j)" { failures.add(1, ordering: .relaxed) }
                }
            } catch {
                failures.add(1, ordering: .relaxed)
            }
        }

        // then: all of them were answered while the stalled one was still waiting...
        XCTAssertEqual(failures.load(ordering: .relaxed), 0)
        XCTAssertFalse(stalled.hasPendingInput(), "the stalled client was answered before its timeout")
        // ...and the stalled one gets 408, then the close
        let response = try stalled.readResponse()
        XCTAssertEqual(response.status, 408)
        XCTAssertEqual(try stalled.readUntilClosed(), [])
    }

    func testIdleKeepAliveConnection_IsClosedAfterTheIdleTimeout() throws {
        let port = try startServer(idleTimeout: .milliseconds(300))
        let client = try RawHTTPClient(port: port)
        XCTAssertEqual(try client.request("GET", "/hello").status, 200)
        XCTAssertEqual(try client.readUntilClosed(), [], "an idle connection is closed without a response")
    }

    func testHundredsOfIdleConnections_DoNotStarveAnActiveOne() throws {
        // given
        let port = try startServer()
        var idle: [RawHTTPClient] = []
        for _ in 0..<400 { idle.append(try RawHTTPClient(port: port)) }
        // when
        let active = try RawHTTPClient(port: port)
        for i in 0..<200 {
            XCTAssertEqual(try active.request("POST", "/echo", body: "\(i)").bodyText, "\(i)")
        }
        // then: the idle ones are still open and usable
        XCTAssertEqual(try idle[0].request("GET", "/hello").status, 200)
        XCTAssertEqual(try idle[399].request("GET", "/hello").status, 200)
    }

    // MARK: - Transport replies

    func testHold_SendsNothing_ThenCloses() throws {
        let port = try startServer { $0.add(.post, "/hold") { _ in .hold(milliseconds: 100) } }
        let client = try RawHTTPClient(port: port)
        try client.send("POST /hold HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
        XCTAssertEqual(try client.readUntilClosed(), [])
    }

    func testClose_EndsTheConnectionWithoutAByte() throws {
        let port = try startServer { $0.add(.post, "/drop") { _ in .close } }
        let client = try RawHTTPClient(port: port)
        try client.send("POST /drop HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
        XCTAssertEqual(try client.readUntilClosed(), [])
    }

    func testReset_SendsRST() throws {
        let port = try startServer { $0.add(.post, "/reset") { _ in .reset } }
        let client = try RawHTTPClient(port: port)
        try client.send("POST /reset HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
        XCTAssertThrowsError(try client.readUntilClosed()) { error in
            XCTAssertEqual(error as? RawHTTPClient.ClientError, .resetByPeer)
        }
    }

    func testDelayed_AnswersLater_WithoutBlockingOtherClients() throws {
        // given: one client waits on a long delay
        let port = try startServer { $0.add(.get, "/slow") { _ in .delayed(milliseconds: 2_000, .respond(.json(.ok, "\"slow\""))) } }
        let slow = try RawHTTPClient(port: port)
        try slow.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
        // when: others are served meanwhile
        for _ in 0..<20 {
            XCTAssertEqual(try RawHTTPClient(port: port).request("GET", "/hello").status, 200)
        }
        // then
        XCTAssertFalse(slow.hasPendingInput(), "the delay was not applied")
        XCTAssertEqual(try slow.readResponse().bodyText, "\"slow\"")
    }

    func testDelayedReplies_DuringFrequentTimeoutSweeps_AreAllAnswered() throws {
        // A reply finished by a timer stamps its activity after the loop read its clock; the sweep
        // in the same pass must not underflow (it used to trap the whole process).
        let port = try startServer(readTimeout: .milliseconds(40)) { router in
            router.add(.get, "/later") { _ in .delayed(milliseconds: 1, .respond(.json(.ok, "\"later\""))) }
        }
        let client = try RawHTTPClient(port: port)
        for _ in 0..<400 {
            XCTAssertEqual(try client.request("GET", "/later").bodyText, "\"later\"")
        }
    }

    func testPipelinedRequests_BehindAResponseOverTheBacklogLimit_AreAnswered() throws {
        // given: a first response larger than the 1 MiB output backlog, the next request behind it
        let big = [UInt8](repeating: 0x61, count: 1_500_000)
        let port = try startServer { router in
            router.add(.get, "/big") { _ in .respond(HTTPResponse(status: .ok, body: big)) }
        }
        let client = try RawHTTPClient(port: port)
        // when
        try client.send("GET /big HTTP/1.1\r\nHost: x\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
        // then: both, without waiting for the read timeout
        XCTAssertEqual(try client.readResponse().body.count, big.count)
        XCTAssertEqual(try client.readResponse().bodyText, "{\"hello\":\"world\"}")
    }

    // MARK: - Lifecycle

    func testPortZero_BindsARealPort() throws {
        let port = try startServer()
        XCTAssertGreaterThan(port, 0)
        XCTAssertEqual(try RawHTTPClient(port: port).request("GET", "/hello").status, 200)
    }

    func testPortInUse_FailsToStart_WithEADDRINUSE() throws {
        // given
        let port = try startServer()
        let second = HTTPServer(configuration: HTTPServerConfiguration(port: port), handler: Router())
        // when / then
        XCTAssertThrowsError(try second.start()) { error in
            let socketError = error as? SocketError
            XCTAssertEqual(socketError?.isAddressInUse, true)
            XCTAssertTrue(socketError?.description.contains("Address already in use") ?? false, "\(error)")
        }
    }

    func testGracefulStop_FinishesTheRequestInFlight_AndClosesIdleConnections() throws {
        // given: one request held inside its handler, one idle keep-alive connection
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let port = try startServer { router in
            router.add(.get, "/in-flight") { _ in
                .deferred(DeferredReply { complete in
                    entered.signal()
                    DispatchQueue.global().async {
                        release.wait()
                        complete(.respond(.json(.ok, "\"finished\"")))
                    }
                })
            }
        }
        let idle = try RawHTTPClient(port: port)
        XCTAssertEqual(try idle.request("GET", "/hello").status, 200)
        let busy = try RawHTTPClient(port: port)
        try busy.send("GET /in-flight HTTP/1.1\r\nHost: x\r\n\r\n")
        entered.wait()

        // when
        let stopped = DispatchSemaphore(value: 0)
        let server = try XCTUnwrap(self.server)
        DispatchQueue.global().async {
            server.stop(timeout: .seconds(10))
            stopped.signal()
        }

        // then: the idle connection is closed, new ones are refused, the busy one still waits
        XCTAssertEqual(try idle.readUntilClosed(), [])
        XCTAssertThrowsError(try RawHTTPClient(port: port), "the listener must be closed once idle connections are")
        XCTAssertEqual(stopped.wait(timeout: .now()), .timedOut, "stop returned with a request in flight")
        release.signal()
        let response = try busy.readResponse()
        XCTAssertEqual(response.bodyText, "\"finished\"")
        XCTAssertEqual(response.header("Connection"), "close")
        XCTAssertEqual(stopped.wait(timeout: .now() + 10), .success)
    }

    func testObserver_SeesEveryExchange() throws {
        // given
        let records = Mutex<[ExchangeRecord]>([])
        let port = try startServer(
            routes: { router in
                router.add(.get, "/annotated") { _ in
                    .respond(HTTPResponse(status: .ok, annotations: ["result.code": "2003700"]))
                }
            },
            observer: { record in records.withLock { $0.append(record) } }
        )
        let client = try RawHTTPClient(port: port)
        // when
        _ = try client.request("GET", "/annotated")
        _ = try client.request("GET", "/missing")
        try client.send("BROKEN\r\n\r\n")
        _ = try client.readResponse()
        _ = try client.readUntilClosed()
        // then
        let seen = records.withLock { $0 }
        XCTAssertEqual(seen.map(\.status), [200, 404, 400])
        XCTAssertEqual(seen.map(\.path), ["/annotated", "/missing", "-"])
        XCTAssertEqual(seen[0].annotations["result.code"], "2003700")
        XCTAssertEqual(seen[2].outcome, .rejected)
        XCTAssertEqual(Set(seen.map(\.requestID)).count, 3)
    }
}
