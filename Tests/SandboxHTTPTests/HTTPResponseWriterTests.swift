import XCTest
@testable import SandboxHTTP

final class HTTPResponseWriterTests: XCTestCase {
    private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    func testHeadersAreSorted_AndFramingIsTheWritersAlone() {
        // given a handler that tries to set its own framing
        let response = HTTPResponse(
            status: .ok,
            headers: ["X-Zeta": "z", "Content-Length": "999", "alpha": "a", "Transfer-Encoding": "chunked"],
            body: Array("hello".utf8)
        )
        // when
        let bytes = HTTPResponseWriter.serialize(response, keepAlive: true, date: "Sat, 21 Nov 2026 08:00:00 GMT")
        // then
        XCTAssertEqual(
            text(bytes),
            "HTTP/1.1 200 OK\r\nalpha: a\r\nX-Zeta: z\r\nContent-Length: 5\r\nDate: Sat, 21 Nov 2026 08:00:00 GMT\r\n\r\nhello"
        )
    }

    func testClosingResponse_SaysConnectionClose() {
        let bytes = HTTPResponseWriter.serialize(HTTPResponse(status: .badRequest), keepAlive: false)
        XCTAssertEqual(text(bytes), "HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")
    }

    func testHTTP10KeepAlive_IsSpelledOut() {
        let bytes = HTTPResponseWriter.serialize(HTTPResponse(status: .ok), keepAlive: true, requestVersion: .http1_0)
        XCTAssertTrue(text(bytes).contains("Connection: keep-alive\r\n"))
    }

    func testHeadResponse_HasTheLengthButNoBody() {
        let bytes = HTTPResponseWriter.serialize(HTTPResponse(status: .ok, body: Array("abc".utf8)), keepAlive: true, headOnly: true)
        XCTAssertEqual(text(bytes), "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n")
    }

    func testNoContent_HasNoLengthAndNoBody() {
        let bytes = HTTPResponseWriter.serialize(HTTPResponse(status: .noContent, body: Array("x".utf8)), keepAlive: true)
        XCTAssertEqual(text(bytes), "HTTP/1.1 204 No Content\r\n\r\n")
    }

    func testDateFormat_IsIMFFixdate() {
        XCTAssertEqual(HTTPDate.format(0), "Thu, 01 Jan 1970 00:00:00 GMT")
        XCTAssertEqual(HTTPDate.format(1_795_219_200), "Sat, 21 Nov 2026 00:00:00 GMT")
    }
}
