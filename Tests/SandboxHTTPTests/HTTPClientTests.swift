import XCTest
@testable import SandboxHTTP

/// The outgoing client's parts without a socket: URLs taken apart, and responses read from bytes
/// that arrive in pieces.
final class HTTPClientTests: XCTestCase {
    /// Hands out its bytes a few at a time, then the end of the stream.
    private final class ScriptedStream: ClientStream {
        private var bytes: [UInt8]
        private let piece: Int

        init(_ text: String, piece: Int = 7) {
            bytes = Array(text.utf8)
            self.piece = piece
        }

        func write(_ bytes: [UInt8], before deadline: ContinuousClock.Instant) throws(ClientError) {}

        func read(upTo count: Int, before deadline: ContinuousClock.Instant) throws(ClientError) -> [UInt8] {
            let taken = Array(bytes.prefix(min(count, piece)))
            bytes.removeFirst(taken.count)
            return taken
        }
    }

    private func read(_ text: String, limit: Int = 1 << 20, method: String = "POST") throws(ClientError) -> ClientResponse {
        var reader = HTTPResponseReader(stream: ScriptedStream(text), deadline: .now + .seconds(5), limit: limit)
        return try reader.read(method: method)
    }

    private func failure(_ text: String, limit: Int = 1 << 20) -> ClientError? {
        do {
            _ = try read(text, limit: limit)
            return nil
        } catch {
            return error
        }
    }

    func testURL_IsTakenApart() throws {
        let url = try ClientURL("https://Partner.example:8443/destination/inquiry?x=1#frag")
        XCTAssertTrue(url.isSecure)
        XCTAssertEqual(url.host, "Partner.example")
        XCTAssertEqual(url.port, 8443)
        XCTAssertEqual(url.target, "/destination/inquiry?x=1")
        XCTAssertEqual(url.authority, "Partner.example:8443")
        XCTAssertEqual(try ClientURL("http://[::1]/x").host, "::1")
        XCTAssertEqual(try ClientURL("http://[::1]/x").authority, "[::1]")
        XCTAssertEqual(try ClientURL("http://127.0.0.1").target, "/")
        XCTAssertEqual(try ClientURL("https://h").port, 443)
    }

    func testUnusableURLs_SayWhy() {
        for text in ["ftp://h/x", "http://", "http://h:0/x", "http://h:99999/x", "http://user@h/x", "http://h/a b", "http://[::1/x"] {
            XCTAssertThrowsError(try ClientURL(text), text) { XCTAssertEqual(($0 as? ClientError)?.kind, .invalidURL, text) }
        }
    }

    func testContentLengthBody_IsRead_ThroughInterimResponses() throws {
        let response = try read("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 5\r\nX-A:  b \r\n\r\nhello")
        XCTAssertEqual(response.status, 201)
        XCTAssertEqual(response.reason, "Created")
        XCTAssertEqual(response.headers["x-a"], "b")
        XCTAssertEqual(response.body, Array("hello".utf8))
    }

    func testChunkedBody_IsDecoded_WithExtensionsAndTrailers() throws {
        let response = try read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;name=x\r\nhello\r\n1\r\n!\r\n0\r\nTrailer: t\r\n\r\n")
        XCTAssertEqual(response.body, Array("hello!".utf8))
    }

    func testBodyToTheEnd_WhenNoLengthIsGiven() throws {
        XCTAssertEqual(try read("HTTP/1.0 200 OK\r\n\r\nuntil close").body, Array("until close".utf8))
    }

    func testHeadAnd204_HaveNoBody() throws {
        XCTAssertEqual(try read("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n", method: "HEAD").body, [])
        XCTAssertEqual(try read("HTTP/1.1 204 No Content\r\n\r\n").body, [])
    }

    func testBrokenResponses_AreNamed() {
        XCTAssertEqual(failure("")?.kind, .closed)
        XCTAssertEqual(failure("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort")?.kind, .closed)
        XCTAssertEqual(failure("SSH-2.0-OpenSSH\r\n\r\n")?.kind, .malformed)
        XCTAssertEqual(failure("HTTP/1.1 200 OK\r\nno colon\r\n\r\n")?.kind, .malformed)
        XCTAssertEqual(failure("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")?.kind, .malformed)
        XCTAssertEqual(failure("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n")?.kind, .malformed)
        XCTAssertEqual(failure("HTTP/1.1 200 OK\r\nContent-Length: 2000\r\n\r\n" + String(repeating: "x", count: 2000), limit: 1000)?.kind, .tooLarge)
        XCTAssertEqual(failure("HTTP/1.1 200 OK\r\n\r\n" + String(repeating: "x", count: 2000), limit: 1000)?.kind, .tooLarge)
    }

    func testRequestBytes_AreHTTP11_WithHostLengthAndClose() throws {
        let bytes = HTTPClient.requestBytes(method: "POST", url: try ClientURL("http://127.0.0.1:9000/a?b"), headers: ["Content-Type": "application/json"], body: Array("{}".utf8))
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self),
                       "POST /a?b HTTP/1.1\r\nHost: 127.0.0.1:9000\r\nContent-Length: 2\r\nConnection: close\r\nContent-Type: application/json\r\n\r\n{}")
    }
}
