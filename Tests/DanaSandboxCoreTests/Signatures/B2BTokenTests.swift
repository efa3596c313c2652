import Foundation
import XCTest
import SandboxHTTP
import SandboxTestSupport
@testable import DanaSandboxCore
@testable import SandboxJSON
@testable import SandboxCrypto
@testable import SandboxSupport
@testable import SandboxStorage
@testable import DanaSandboxAPIs

/// `POST /v1.0/access-token/b2b.htm` (SNAP service 73).
final class B2BTokenTests: XCTestCase {
    private var harness: SandboxHarness!

    override func setUpWithError() throws {
        harness = try SandboxHarness()
    }

    func testBearerToken_TakesAnyCaseOfTheScheme_TrimsSpacesAndTabs_RefusesOthers() {
        XCTAssertEqual(SNAPAuthenticator.bearerToken("Bearer abc"), "abc")
        XCTAssertEqual(SNAPAuthenticator.bearerToken("bEARER \t abc.DEF \t"), "abc.DEF")
        XCTAssertEqual(SNAPAuthenticator.bearerToken("Bearer a b"), "a b")
        XCTAssertNil(SNAPAuthenticator.bearerToken("Bearer"))
        XCTAssertNil(SNAPAuthenticator.bearerToken("Bearer  \t "))
        XCTAssertNil(SNAPAuthenticator.bearerToken("Basic abc"))
        XCTAssertNil(SNAPAuthenticator.bearerToken("Bearerabc"))
        XCTAssertNil(SNAPAuthenticator.bearerToken("Bearer@abc"))
    }

    func testSignedRequest_GetsABearerTokenFor900Seconds_StoredWithItsExpiry() throws {
        // when
        let response = harness.send(try SignedRequest.b2b(timestamp: harness.clock.jakarta))
        // then
        XCTAssertEqual(response.status.code, 200)
        XCTAssertEqual(response.headers["X-TIMESTAMP"], harness.clock.jakarta)
        let json = try JSONScanner.parse(response.body)
        XCTAssertEqual(json.objectMembers?.map(\.key), ["responseCode", "responseMessage", "accessToken", "tokenType", "expiresIn", "additionalInfo"])
        XCTAssertEqual(json["responseCode"]?.stringValue, "2007300")
        XCTAssertEqual(json["responseMessage"]?.stringValue, "Successful")
        XCTAssertEqual(json["tokenType"]?.stringValue, "Bearer")
        XCTAssertEqual(json["expiresIn"]?.stringValue, "900")
        let token = try XCTUnwrap(json["accessToken"]?.stringValue)
        let expiry = try harness.application.store.withDatabase { try $0.queryRow("SELECT expires_at FROM b2b_tokens WHERE token = ?", [.text(token)])?.string("expires_at") }
        XCTAssertEqual(expiry, "2026-11-21T10:15:00+07:00")
    }

    func testBadSignature_Is4017300() throws {
        var request = try SignedRequest.b2b(timestamp: harness.clock.jakarta)
        request.headers.set("X-CLIENT-KEY", "82150823919040624621823174737537")
        let response = harness.send(request)
        XCTAssertEqual(response.status.code, 401)
        let json = try JSONScanner.parse(response.body)
        XCTAssertEqual(json["responseCode"]?.stringValue, "4017300")
        XCTAssertEqual(json["responseMessage"]?.stringValue, "Unauthorized. Invalid Signature")
    }

    func testMissingHeader_Is4007302() throws {
        var request = try SignedRequest.b2b(timestamp: harness.clock.jakarta)
        request.headers.remove("X-CLIENT-KEY")
        let json = try harness.json(request)
        XCTAssertEqual(json["responseCode"]?.stringValue, "4007302")
        XCTAssertEqual(json["responseMessage"]?.stringValue, "Invalid Mandatory Field X-CLIENT-KEY")
    }

    func testUnknownClient_Is4017300() throws {
        let json = try harness.json(try SignedRequest.b2b(partner: "nobody", timestamp: harness.clock.jakarta))
        XCTAssertEqual(json["responseMessage"]?.stringValue, "Unauthorized. Unknown Client")
    }

    func testGrantType_IsRequired_AndMustBeClientCredentials() throws {
        XCTAssertEqual(try harness.json(try SignedRequest.b2b(timestamp: harness.clock.jakarta, body: "{}"))["responseCode"]?.stringValue, "4007302")
        XCTAssertEqual(try harness.json(try SignedRequest.b2b(timestamp: harness.clock.jakarta, body: #"{"grantType":"password"}"#))["responseCode"]?.stringValue, "4007301")
        XCTAssertEqual(try harness.json(try SignedRequest.b2b(timestamp: harness.clock.jakarta, body: "nope"))["responseCode"]?.stringValue, "4007300")
    }

    func testTokens_AreGoneAfterAReset() throws {
        let token = try XCTUnwrap(try harness.json(try SignedRequest.b2b(timestamp: harness.clock.jakarta))["accessToken"]?.stringValue)
        try harness.application.store.reset()
        XCTAssertEqual(try harness.application.store.withDatabase { try $0.queryRow("SELECT count(*) FROM b2b_tokens WHERE token = ?", [.text(token)])?[0].int }, 0)
    }
}
