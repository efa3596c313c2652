import Foundation
import XCTest
import SandboxTestSupport
@testable import SandboxHTTP

/// A graceful stop answers what clients have already sent, even what the server had not yet
/// accepted or read when the stop began.
final class GracefulStopTests: XCTestCase {
    func testARequestWaitingInTheAcceptQueue_IsAnsweredByAGracefulStop() throws {
        // given: one loop, held busy by a request, while a second client connects and sends a
        // whole request that the loop can neither accept nor read yet
        let busy = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        var router = Router()
        router.add(.get, "/busy") { _ in
            busy.signal()
            release.wait()
            return .respond(.json(.ok, "{}"))
        }
        router.add(.get, "/hello") { _ in .respond(.json(.ok, "{\"hello\":1}")) }
        let server = HTTPServer(
            configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0, lingerTimeout: .milliseconds(500), eventLoopCount: 1),
            handler: router
        )
        try server.start()
        let port = try XCTUnwrap(server.port)
        let first = try RawHTTPClient(port: port)
        try first.send("GET /busy HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertEqual(busy.wait(timeout: .now() + 10), .success)
        let waiting = try RawHTTPClient(port: port)
        try waiting.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")

        // when: the stop begins while the loop is still busy
        let stopped = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            server.stop(timeout: .seconds(10))
            stopped.signal()
        }
        release.signal()

        // then: both requests are answered (the second says Connection: close when the stop reached
        // the loop first, and is kept alive until the stop closes it otherwise)
        XCTAssertEqual(try first.readResponse().status, 200)
        let answer = try waiting.readResponse()
        XCTAssertEqual(answer.status, 200)
        XCTAssertEqual(answer.bodyText, "{\"hello\":1}")
        XCTAssertEqual(stopped.wait(timeout: .now() + 15), .success)
    }
}
