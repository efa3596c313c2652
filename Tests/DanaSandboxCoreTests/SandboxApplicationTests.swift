import Foundation
import XCTest
import SandboxTestSupport
@testable import DanaSandboxCore

final class SandboxApplicationTests: XCTestCase {
    func testHealth_AnswersOverARealSocket_WithTheVersion() throws {
        // given
        var options = ServeOptions()
        options.port = 0
        let application = SandboxApplication(options: options, logger: .disabled)
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
        var options = ServeOptions()
        options.port = 0
        let first = SandboxApplication(options: options, logger: .disabled)
        try first.start()
        defer { first.stop(timeout: .seconds(2)) }
        options.port = first.port
        XCTAssertThrowsError(try SandboxApplication(options: options, logger: .disabled).start()) { error in
            XCTAssertEqual(
                (error as? StartupError)?.message,
                "cannot listen on http://127.0.0.1:\(first.port): Address already in use"
            )
        }
    }
}
