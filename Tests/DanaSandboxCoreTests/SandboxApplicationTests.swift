import Foundation
import XCTest
import SandboxTestSupport
@testable import DanaSandboxCore
@testable import SandboxJSON
@testable import SandboxCrypto
@testable import SandboxSupport
@testable import SandboxStorage
@testable import DanaSandboxAPIs

final class SandboxApplicationTests: XCTestCase {
    func testHealth_AnswersOverARealSocket_WithTheVersion() throws {
        // given
        let application = try SandboxApplication(options: .forTests(), logger: .disabled)
        try application.start()
        defer { application.stop(timeout: .seconds(2)) }
        // when
        let response = try RawHTTPClient(port: application.port).request("GET", "/health")
        // then
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.bodyText, "{\"status\":\"ok\",\"version\":\"\(Usage.version)\"}")
        XCTAssertEqual(application.readyLine, "dana-sandbox listening on http://127.0.0.1:\(application.port)")
    }

    func testPortInUse_IsAStartupError_SayingWhere() throws {
        var options = ServeOptions.forTests()
        let first = try SandboxApplication(options: options, logger: .disabled)
        try first.start()
        defer { first.stop(timeout: .seconds(2)) }
        options.port = first.port
        let second = try SandboxApplication(options: options, logger: .disabled)
        XCTAssertThrowsError(try second.start()) { error in
            XCTAssertEqual(
                (error as? StartupError)?.message,
                "cannot listen on http://127.0.0.1:\(first.port): Address already in use"
            )
        }
    }
}

extension SandboxApplicationTests {
    func testResetEndpoint_RestoresTheSeedState_OverARealSocket() throws {
        // given: a sandbox whose state was changed
        let application = try SandboxApplication(options: .forTests(), logger: .disabled)
        try application.start()
        defer { application.stop(timeout: .seconds(2)) }
        try application.store.withDatabase { try $0.run("DELETE FROM users") }
        // when
        let response = try RawHTTPClient(port: application.port).request("POST", "/sandbox/reset")
        // then
        XCTAssertEqual(response.status, 200)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
        XCTAssertEqual(json["status"] as? String, "reset")
        XCTAssertNotNil(json["durationMs"] as? Double)
        XCTAssertGreaterThan(try application.store.withDatabase { try $0.queryRow("SELECT count(*) FROM users")?[0].int } ?? 0, 0)
    }

    func testResetEndpoint_OffLoopback_NeedsTheAdminToken() throws {
        var options = ServeOptions.forTests()
        options.adminToken = "t0ken"
        let application = try SandboxApplication(options: options, logger: .disabled)
        try application.start()
        defer { application.stop(timeout: .seconds(2)) }
        let client = try RawHTTPClient(port: application.port)
        XCTAssertEqual(try client.request("POST", "/sandbox/reset").status, 401)
        XCTAssertEqual(try client.request("POST", "/sandbox/reset", headers: [("Authorization", "Bearer t0ken")]).status, 200)
    }
}
