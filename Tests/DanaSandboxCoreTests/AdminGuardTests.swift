import XCTest
import SandboxHTTP
@testable import DanaSandboxCore
@testable import SandboxJSON
@testable import SandboxCrypto
@testable import SandboxSupport
@testable import SandboxStorage
@testable import DanaSandboxAPIs

final class AdminGuardTests: XCTestCase {
    private let inner = ClosureHandler { _ in .respond(HTTPResponse(status: .ok)) }

    private func status(_ guardHandler: AdminGuard, _ path: String, authorization: String? = nil) -> Int? {
        var headers = HTTPHeaders()
        if let authorization { headers.add("Authorization", authorization) }
        guard case .respond(let response) = guardHandler.handle(HTTPRequest(method: .post, target: path, headers: headers)) else { return nil }
        return response.status.code
    }

    func testWithoutToken_EverythingPasses() {
        XCTAssertEqual(status(AdminGuard(token: nil, inner: inner), "/sandbox/reset"), 200)
    }

    func testWithToken_SandboxEndpointsNeedIt() {
        let guarded = AdminGuard(token: "s3cret", inner: inner)
        XCTAssertEqual(status(guarded, "/sandbox/reset"), 401)
        XCTAssertEqual(status(guarded, "/sandbox/reset", authorization: "Bearer wrong"), 401)
        XCTAssertEqual(status(guarded, "/sandbox/reset", authorization: "Bearer s3cret"), 200)
    }

    func testWithToken_PartnerAPIsAndHealthStayOpen() {
        let guarded = AdminGuard(token: "s3cret", inner: inner)
        XCTAssertEqual(status(guarded, "/health"), 200)
        XCTAssertEqual(status(guarded, "/v1.0/emoney/account-inquiry.htm"), 200)
    }

    func testApplication_GeneratesATokenOffLoopbackOnly() throws {
        var options = ServeOptions.forTests()
        XCTAssertNil(try SandboxApplication(options: options, logger: .disabled).adminToken)
        options.host = "0.0.0.0"
        let token = try SandboxApplication(options: options, logger: .disabled).adminToken
        XCTAssertEqual(token?.count, 64)
        options.adminToken = "given"
        XCTAssertEqual(try SandboxApplication(options: options, logger: .disabled).adminToken, "given")
    }

    func testLoopbackAddresses() {
        XCTAssertTrue(ListenAddress.isLoopback("127.0.0.1"))
        XCTAssertTrue(ListenAddress.isLoopback("127.1.2.3"))
        XCTAssertTrue(ListenAddress.isLoopback("::1"))
        XCTAssertTrue(ListenAddress.isLoopback("localhost"))
        XCTAssertFalse(ListenAddress.isLoopback("0.0.0.0"))
        XCTAssertFalse(ListenAddress.isLoopback("::"))
        XCTAssertEqual(ListenAddress.url(host: "::1", port: 80), "http://[::1]:80")
    }
}
