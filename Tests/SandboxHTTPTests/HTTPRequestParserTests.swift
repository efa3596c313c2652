import XCTest
@testable import SandboxHTTP

final class HTTPRequestParserTests: XCTestCase {
    // MARK: - Helpers

    private func parse(_ text: String, limits: HTTPParserLimits = HTTPParserLimits()) throws -> [HTTPRequest] {
        var parser = HTTPRequestParser(limits: limits)
        parser.append(contentsOf: Array(text.utf8))
        var requests: [HTTPRequest] = []
        while true {
            switch try parser.next() {
            case .request(let request): requests.append(request)
            case .continueExpected: continue
            case .needMoreData: return requests
            }
        }
    }

    private func parseError(_ text: String, limits: HTTPParserLimits = HTTPParserLimits(), file: StaticString = #filePath, line: UInt = #line) -> HTTPParseError? {
        do {
            _ = try parse(text, limits: limits)
            XCTFail("expected a parse error", file: file, line: line)
            return nil
        } catch let error as HTTPParseError {
            return error
        } catch {
            XCTFail("unexpected \(error)", file: file, line: line)
            return nil
        }
    }

    private func assertRejected(_ text: String, as kind: HTTPParseError.Kind, status: Int, limits: HTTPParserLimits = HTTPParserLimits(), file: StaticString = #filePath, line: UInt = #line) {
        guard let error = parseError(text, limits: limits, file: file, line: line) else { return }
        XCTAssertEqual(error.kind, kind, error.message, file: file, line: line)
        XCTAssertEqual(error.status.code, status, file: file, line: line)
    }

    // MARK: - Well-formed requests

    func testRequestLine_AndHeaders_AreParsed() throws {
        // when
        let requests = try parse("GET /health?verbose=1 HTTP/1.1\r\nHost: localhost\r\nX-Custom:  spaced value \t\r\n\r\n")
        // then
        let request = try XCTUnwrap(requests.first)
        XCTAssertEqual(request.method, .get)
        XCTAssertEqual(request.target, "/health?verbose=1")
        XCTAssertEqual(request.path, "/health")
        XCTAssertEqual(request.query, "verbose=1")
        XCTAssertEqual(request.queryItem("verbose"), "1")
        XCTAssertEqual(request.version, .http1_1)
        XCTAssertEqual(request.headers["x-custom"], "spaced value")
        XCTAssertEqual(request.headers["HOST"], "localhost")
        XCTAssertTrue(request.body.isEmpty)
    }

    func testBody_IsParsed_WhenContentLengthIsProvided() throws {
        let requests = try parse("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello world")
        XCTAssertEqual(requests.first?.bodyText, "hello world")
    }

    func testIdenticalContentLengthList_IsAcceptedAsOneValue() throws {
        let requests = try parse("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3, 3\r\n\r\nabc")
        XCTAssertEqual(requests.first?.bodyText, "abc")
    }

    func testChunkedBody_IsDecoded_WithExtensionsAndTrailers() throws {
        let text = "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;name=value\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: 1\r\n\r\n"
        let requests = try parse(text)
        XCTAssertEqual(requests.count, 1)
        XCTAssertEqual(requests.first?.bodyText, "hello world")
    }

    func testChunkedBody_AcceptsUppercaseHexSizes() throws {
        let body = String(repeating: "x", count: 26)
        let requests = try parse("POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1A\r\n\(body)\r\n0\r\n\r\n")
        XCTAssertEqual(requests.first?.bodyText, body)
    }

    func testPipelinedRequests_AreReturnedInOrder() throws {
        let text = "GET /one HTTP/1.1\r\nHost: x\r\n\r\nPOST /two HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhiGET /three HTTP/1.1\r\nHost: x\r\n\r\n"
        let requests = try parse(text)
        XCTAssertEqual(requests.map(\.path), ["/one", "/two", "/three"])
        XCTAssertEqual(requests[1].bodyText, "hi")
    }

    func testRequest_FedOneByteAtATime_IsParsedOnce() throws {
        // given
        let text = "POST /slow HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"
        var parser = HTTPRequestParser()
        var requests: [HTTPRequest] = []
        // when
        for byte in text.utf8 {
            parser.append(contentsOf: [byte])
            if case .request(let request) = try parser.next() { requests.append(request) }
        }
        // then
        XCTAssertEqual(requests.count, 1)
        XCTAssertEqual(requests.first?.bodyText, "abc")
        XCTAssertFalse(parser.hasPartialRequest)
    }

    func testExpectContinue_IsSignalled_BeforeTheBodyArrives() throws {
        // given
        var parser = HTTPRequestParser()
        parser.append(contentsOf: Array("POST /a HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n".utf8))
        // when
        guard case .continueExpected = try parser.next() else { return XCTFail("expected 100-continue") }
        guard case .needMoreData = try parser.next() else { return XCTFail("continue must be signalled once") }
        parser.append(contentsOf: Array("body".utf8))
        // then
        guard case .request(let request) = try parser.next() else { return XCTFail("expected the request") }
        XCTAssertEqual(request.bodyText, "body")
    }

    func testExpectContinue_IsNotSignalled_WhenTheBodyAlreadyArrived() throws {
        var parser = HTTPRequestParser()
        parser.append(contentsOf: Array("POST /a HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\nbody".utf8))
        guard case .request = try parser.next() else { return XCTFail("expected the request at once") }
    }

    func testLeadingEmptyLines_AreIgnored() throws {
        let requests = try parse("\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertEqual(requests.first?.path, "/")
    }

    func testBareLineFeeds_AreAcceptedAsLineEnds() throws {
        let requests = try parse("GET /lf HTTP/1.1\nHost: x\n\n")
        XCTAssertEqual(requests.first?.path, "/lf")
    }

    func testAbsoluteFormTarget_IsReducedToItsPath() throws {
        let requests = try parse("GET http://example.test:8080/v1.0/x.htm?a=b HTTP/1.1\r\nHost: example.test\r\n\r\n")
        XCTAssertEqual(requests.first?.path, "/v1.0/x.htm")
        XCTAssertEqual(requests.first?.query, "a=b")
    }

    func testHTTP10_WithoutHost_IsAccepted_AndClosesByDefault() throws {
        let request = try XCTUnwrap(try parse("GET / HTTP/1.0\r\n\r\n").first)
        XCTAssertEqual(request.version, .http1_0)
        XCTAssertFalse(request.shouldKeepAlive)
    }

    func testKeepAlive_FollowsRFC9112Section9_3() throws {
        XCTAssertTrue(try parse("GET / HTTP/1.1\r\nHost: x\r\n\r\n")[0].shouldKeepAlive)
        XCTAssertFalse(try parse("GET / HTTP/1.1\r\nHost: x\r\nConnection: Close\r\n\r\n")[0].shouldKeepAlive)
        XCTAssertTrue(try parse("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")[0].shouldKeepAlive)
        XCTAssertFalse(try parse("GET / HTTP/1.1\r\nHost: x\r\nConnection: upgrade, close\r\n\r\n")[0].shouldKeepAlive)
    }

    func testHigherMinorVersion_IsServedAsHTTP11() throws {
        XCTAssertEqual(try parse("GET / HTTP/1.2\r\nHost: x\r\n\r\n").first?.version, .http1_1)
    }

    func testPartialRequest_IsReported_AndEmptyLinesAreNot() throws {
        var parser = HTTPRequestParser()
        parser.append(contentsOf: Array("\r\n".utf8))
        XCTAssertFalse(parser.hasPartialRequest)
        parser.append(contentsOf: Array("GET / HT".utf8))
        XCTAssertTrue(parser.hasPartialRequest)
    }

    // MARK: - Malformed requests: each with its status

    func testRequestLine_WithoutVersion_Is400() {
        assertRejected("GET /\r\nHost: x\r\n\r\n", as: .invalidRequestLine, status: 400)
    }

    func testRequestLine_WithDoubleSpace_Is400() {
        assertRejected("GET  / HTTP/1.1\r\nHost: x\r\n\r\n", as: .invalidRequestLine, status: 400)
    }

    func testMethod_WithInvalidCharacter_Is400() {
        assertRejected("G(T / HTTP/1.1\r\nHost: x\r\n\r\n", as: .invalidMethod, status: 400)
    }

    func testTarget_NotStartingWithSlash_Is400() {
        assertRejected("GET health HTTP/1.1\r\nHost: x\r\n\r\n", as: .invalidTarget, status: 400)
    }

    func testTarget_WithNonASCIIByte_Is400() {
        assertRejected("GET /caf\u{e9} HTTP/1.1\r\nHost: x\r\n\r\n", as: .invalidTarget, status: 400)
    }

    func testGarbageVersion_Is400() {
        assertRejected("GET / HTTX/1.1\r\nHost: x\r\n\r\n", as: .invalidRequestLine, status: 400)
    }

    func testHTTP2Version_Is505() {
        assertRejected("GET / HTTP/2.0\r\nHost: x\r\n\r\n", as: .unsupportedVersion, status: 505)
    }

    func testHeader_WithoutColon_Is400() {
        assertRejected("GET / HTTP/1.1\r\nHost: x\r\nBroken\r\n\r\n", as: .invalidHeader, status: 400)
    }

    func testHeader_WithSpaceBeforeColon_Is400() {
        assertRejected("GET / HTTP/1.1\r\nHost : x\r\n\r\n", as: .invalidHeader, status: 400)
    }

    func testObsoleteLineFolding_Is400() {
        assertRejected("GET / HTTP/1.1\r\nHost: x\r\nX-A: one\r\n two\r\n\r\n", as: .invalidHeader, status: 400)
    }

    func testBareCarriageReturn_InHeaderValue_Is400() {
        assertRejected("GET / HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\n\r\n", as: .invalidHeader, status: 400)
    }

    func testNulByte_InHeaderValue_Is400() {
        assertRejected("GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u{0}b\r\n\r\n", as: .invalidHeader, status: 400)
    }

    func testMissingHost_InHTTP11_Is400() {
        assertRejected("GET / HTTP/1.1\r\nAccept: */*\r\n\r\n", as: .missingHost, status: 400)
    }

    func testTwoHostHeaders_Are400() {
        assertRejected("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", as: .missingHost, status: 400)
    }

    func testNonNumericContentLength_Is400() {
        assertRejected("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 12abc\r\n\r\n", as: .invalidContentLength, status: 400)
    }

    func testNegativeContentLength_Is400() {
        assertRejected("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", as: .invalidContentLength, status: 400)
    }

    func testConflictingContentLengths_Are400() {
        assertRejected("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", as: .invalidContentLength, status: 400)
    }

    func testContentLength_WithTransferEncoding_Is400() {
        assertRejected(
            "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
            as: .contentLengthWithTransferEncoding, status: 400
        )
    }

    func testUnknownTransferCoding_BeforeChunked_Is501() {
        assertRejected("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", as: .unsupportedTransferEncoding, status: 501)
    }

    func testTransferEncoding_NotEndingInChunked_Is400() {
        assertRejected("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", as: .invalidHeader, status: 400)
    }

    func testTransferEncoding_InHTTP10_Is400() {
        assertRejected("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", as: .invalidHeader, status: 400)
    }

    func testChunkSize_ThatIsNotHex_Is400() {
        assertRejected("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", as: .invalidChunk, status: 400)
    }

    func testChunkData_LongerThanItsSize_Is400() {
        assertRejected("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n", as: .invalidChunk, status: 400)
    }

    /// Found by the chunked-body fuzz target (input `20300d0a0d0a…`): whitespace before or inside
    /// the hex digits was dropped, so " 0" ended the body and "1 0" read as sixteen bytes.
    func testChunkSize_WithWhitespaceBeforeOrInsideTheDigits_Is400() {
        assertRejected("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n 0\r\n\r\n", as: .invalidChunk, status: 400)
        assertRejected("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1 0\r\n0123456789abcdef\r\n0\r\n\r\n", as: .invalidChunk, status: 400)
    }

    func testChunkSize_MayBeFollowedByWhitespace_BeforeAnExtension() throws {
        let requests = try parse("POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3 \t;ext=1\r\nabc\r\n0 \r\n\r\n")
        XCTAssertEqual(requests.map(\.bodyText), ["abc"])
    }

    func testHugeChunkSize_Is400_NotAnOverflow() {
        assertRejected("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffffff\r\n", as: .invalidChunk, status: 400)
    }

    func testContentLength_OverTheLimit_Is413_BeforeTheBodyArrives() {
        let limits = HTTPParserLimits(maxBodyBytes: 10)
        assertRejected("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n", as: .bodyTooLarge, status: 413, limits: limits)
    }

    func testChunkedBody_OverTheLimit_Is413() {
        let limits = HTTPParserLimits(maxBodyBytes: 10)
        assertRejected(
            "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nabcdef\r\n6\r\n",
            as: .bodyTooLarge, status: 413, limits: limits
        )
    }

    func testHeaderBlock_OverTheLimit_Is431_EvenBeforeItEnds() {
        let filler = String(repeating: "X-Filler: \(String(repeating: "a", count: 100))\r\n", count: 170)
        assertRejected("GET / HTTP/1.1\r\nHost: x\r\n\(filler)", as: .headerBlockTooLarge, status: 431)
    }

    func testCompleteHeaderBlock_OverTheLimit_Is431() {
        let filler = String(repeating: "X-Filler: \(String(repeating: "a", count: 100))\r\n", count: 170)
        assertRejected("GET / HTTP/1.1\r\nHost: x\r\n\(filler)\r\n", as: .headerBlockTooLarge, status: 431)
    }

    func testRequestLine_OverTheLimit_Is414() {
        let path = "/" + String(repeating: "a", count: 9000)
        assertRejected("GET \(path) HTTP/1.1\r\nHost: x\r\n\r\n", as: .requestLineTooLong, status: 414)
    }

    /// Found by the http-request fuzz target: a request line of exactly the limit was 414 when its
    /// CR arrived before its LF, and accepted when the request arrived whole.
    func testRequestLine_OfExactlyTheLimit_IsAccepted_EvenWhenItsCRArrivesAlone() throws {
        let line = "GET /" + String(repeating: "a", count: 186) + " HTTP/1.1"
        XCTAssertEqual(line.utf8.count, 200)
        let bytes = Array("\(line)\r\nHost: x\r\n\r\n".utf8)
        var parser = HTTPRequestParser(limits: HTTPParserLimits(maxRequestLineBytes: 200))
        parser.append(contentsOf: bytes[..<201])
        guard case .needMoreData = try parser.next() else { return XCTFail("a request from a partial line") }
        parser.append(contentsOf: bytes[201...])
        guard case .request(let request) = try parser.next() else { return XCTFail("no request") }
        XCTAssertEqual(request.path.utf8.count, 187)
        XCTAssertEqual(parseError(line + "a\r\nHost: x\r\n\r\n", limits: HTTPParserLimits(maxRequestLineBytes: 200))?.kind, .requestLineTooLong)
    }

    func testUnknownExpectation_Is417() {
        assertRejected("POST / HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\nContent-Length: 1\r\n\r\na", as: .unsupportedExpectation, status: 417)
    }
}
