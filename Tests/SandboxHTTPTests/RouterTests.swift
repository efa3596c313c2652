import XCTest
@testable import SandboxHTTP

final class RouterTests: XCTestCase {
    private func makeRouter() -> Router {
        var router = Router()
        router.add(.get, "/health") { _ in .respond(.json(.ok, "{\"status\":\"ok\"}")) }
        router.add(.post, "/echo") { request in .respond(HTTPResponse(status: .ok, body: request.body)) }
        return router
    }

    private func response(_ reply: Reply, file: StaticString = #filePath, line: UInt = #line) -> HTTPResponse? {
        guard case .respond(let response) = reply else {
            XCTFail("expected a response", file: file, line: line)
            return nil
        }
        return response
    }

    func testKnownRoute_IsHandled() throws {
        // when
        let reply = makeRouter().handle(HTTPRequest(method: .post, target: "/echo?x=1", body: Array("hi".utf8)))
        // then
        let response = try XCTUnwrap(response(reply))
        XCTAssertEqual(response.status, .ok)
        XCTAssertEqual(String(decoding: response.body, as: UTF8.self), "hi")
    }

    func testUnknownPath_Is404_WithAJSONBody() throws {
        let response = try XCTUnwrap(response(makeRouter().handle(HTTPRequest(method: .get, target: "/nope"))))
        XCTAssertEqual(response.status.code, 404)
        XCTAssertEqual(response.headers["Content-Type"], "application/json")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(response.body)) as? [String: String])
        XCTAssertEqual(json["path"], "/nope")
        XCTAssertEqual(json["error"], "Not Found")
    }

    func testKnownPath_WithAnotherMethod_Is405_WithAllow() throws {
        let response = try XCTUnwrap(response(makeRouter().handle(HTTPRequest(method: .delete, target: "/health"))))
        XCTAssertEqual(response.status.code, 405)
        XCTAssertEqual(response.headers["Allow"], "GET, HEAD")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(response.body)) as? [String: String])
        XCTAssertEqual(json["allow"], "GET, HEAD")
    }

    func testHead_IsServedByTheGetRoute() throws {
        let response = try XCTUnwrap(response(makeRouter().handle(HTTPRequest(method: .head, target: "/health"))))
        XCTAssertEqual(response.status, .ok)
    }

    func testPathsAreCaseSensitive() throws {
        let response = try XCTUnwrap(response(makeRouter().handle(HTTPRequest(method: .get, target: "/Health"))))
        XCTAssertEqual(response.status.code, 404)
    }
}
