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

/// Open API signatures (signatures.md §1–§2): the raw `request` member, whatever form each SDK
/// sends it in; responses signed over the exact `response` text.
final class OpenAPISignatureTests: XCTestCase {
    private var harness: SandboxHarness!
    private let path = QueryMerchantResourceHandler.path
    private let function = QueryMerchantResourceHandler.function
    private let body = #"{"requestMerchantId":"216620000097087957144","merchantResourceInfoList":["MERCHANT_AVAILABLE_BALANCE","MERCHANT_TOTAL_BALANCE"]}"#

    override func setUpWithError() throws {
        harness = try SandboxHarness()
    }

    private func result(_ request: HTTPRequest) throws -> JSONValue? {
        try harness.json(request).value(atPath: "response.body.resultInfo")
    }

    private func resultCode(_ request: HTTPRequest) throws -> String? {
        try result(request)?["resultCode"]?.stringValue
    }

    func testCompactRequest_AsDanaNodeSends_IsAccepted() throws {
        let text = SignedRequest.openAPIRequestText(function: function, body: body, reqTime: harness.clock.jakarta)
        XCTAssertEqual(try resultCode(SignedRequest.openAPI(path: path, requestText: text)), "SUCCESS")
    }

    func testDanaPythonForm_WithSpaces_IsVerifiedOverTheRawText() throws {
        let text = #"{"head": {"version": "2.0", "function": "dana.merchant.queryMerchantResource", "clientId": "2014000014442", "clientSecret": "2014000014442", "reqTime": "\#(harness.clock.jakarta)", "reqMsgId": "sdk-1", "reserve": "{}"}, "body": {"requestMerchantId": "216620000097087957144", "merchantResourceInfoList": ["MERCHANT_AVAILABLE_BALANCE", "MERCHANT_TOTAL_BALANCE"]}}"#
        let request = try SignedRequest.openAPI(path: path, requestText: text) { request, signature in
            #"{"request": \#(request), "signature": "\#(signature)"}"#
        }
        XCTAssertEqual(try resultCode(request), "SUCCESS")
    }

    func testDanaGoForm_KeysSortedWithTrailingNewline_IsAccepted() throws {
        let text = #"{"body":{"merchantResourceInfoList":["MERCHANT_TOTAL_BALANCE"],"requestMerchantId":"216620000097087957144"},"head":{"clientId":"2014000014442","clientSecret":"2014000014442","function":"dana.merchant.queryMerchantResource","reqMsgId":"go-1","reqTime":"\#(harness.clock.jakarta)","reserve":"{}","version":"2.0"}}"#
        let request = try SignedRequest.openAPI(path: path, requestText: text) { request, signature in
            #"{"request":\#(request),"signature":"\#(signature)"}"# + "\n"
        }
        XCTAssertEqual(try resultCode(request), "SUCCESS")
    }

    func testDanaPHPForm_WithEscapedSlashes_AndJavaReserveObject_AreAccepted() throws {
        let php = SignedRequest.openAPIRequestText(function: function, body: body, reqTime: harness.clock.jakarta, reqMsgId: "php\\/1")
        XCTAssertEqual(try resultCode(SignedRequest.openAPI(path: path, requestText: php)), "SUCCESS")
        let java = #"{"head":{"version":"2.0","function":"dana.merchant.queryMerchantResource","clientId":"2014000014442","clientSecret":"2014000014442","reqTime":"\#(harness.clock.jakarta)","reqMsgId":"java-1","reserve":{}},"body":\#(body)}"#
        XCTAssertEqual(try resultCode(SignedRequest.openAPI(path: path, requestText: java)), "SUCCESS")
    }

    func testSignatureOverAReserialisedForm_IsRejected() throws {
        // Signed compact, sent with spaces: the raw text is what counts, as at DANA.
        let compact = SignedRequest.openAPIRequestText(function: function, body: body, reqTime: harness.clock.jakarta)
        let spaced = compact.replacingOccurrences(of: "\":\"", with: "\": \"")
        let signature = try SignedRequest.rsa(compact)
        let request = HTTPRequest(method: .post, target: path, body: Array(#"{"request":\#(spaced),"signature":"\#(signature)"}"#.utf8))
        let result = try XCTUnwrap(try result(request))
        XCTAssertEqual(result["resultStatus"]?.stringValue, "F")
        XCTAssertEqual(result["resultCodeId"]?.stringValue, "00000004")
        XCTAssertEqual(result["resultCode"]?.stringValue, "PARAM_ILLEGAL")
        XCTAssertEqual(result["resultMsg"]?.stringValue, "Invalid signature")
        XCTAssertTrue(harness.logLines.all.contains { $0.contains("signature.failed") && $0.contains("partner=2014000014442") })
    }

    func testSignatureFailureAnswer_IsConfigurable() throws {
        harness = try SandboxHarness { $0.openAPISignatureFailure = OpenAPIResult(.failure, "00000019", "INVALID_SIGNATURE", "Invalid signature") }
        let text = SignedRequest.openAPIRequestText(function: function, body: body, reqTime: harness.clock.jakarta)
        let request = try SignedRequest.openAPI(path: path, requestText: text) { request, _ in #"{"request":\#(request),"signature":"AAAA"}"# }
        XCTAssertEqual(try result(request)?["resultCodeId"]?.stringValue, "00000019")
    }

    func testMissingSignature_IsRejected() throws {
        let text = SignedRequest.openAPIRequestText(function: function, body: body, reqTime: harness.clock.jakarta)
        let request = HTTPRequest(method: .post, target: path, body: Array(#"{"request":\#(text)}"#.utf8))
        XCTAssertEqual(try result(request)?["resultMsg"]?.stringValue, "Invalid signature")
    }

    func testWrongClientSecret_IsRejected() throws {
        let text = SignedRequest.openAPIRequestText(function: function, body: body, secret: "guess", reqTime: harness.clock.jakarta)
        XCTAssertEqual(try result(SignedRequest.openAPI(path: path, requestText: text))?["resultMsg"]?.stringValue, "parameter illegal: head.clientSecret is not this client's secret")
    }

    func testFunctionNotMatchingThePath_IsRejected() throws {
        let text = SignedRequest.openAPIRequestText(function: QueryUserProfileHandler.function, body: body, reqTime: harness.clock.jakarta)
        XCTAssertEqual(try result(SignedRequest.openAPI(path: path, requestText: text))?["resultMsg"]?.stringValue, "parameter illegal: head.function must be dana.merchant.queryMerchantResource")
    }

    func testUnknownClient_IsUNKNOWN_CLIENT() throws {
        let text = SignedRequest.openAPIRequestText(function: function, body: body, clientID: "999", reqTime: harness.clock.jakarta)
        XCTAssertEqual(try resultCode(SignedRequest.openAPI(path: path, requestText: text)), "UNKNOWN_CLIENT")
    }

    func testStaleReqTime_IsRejectedWithItsOwnMessage() throws {
        let text = SignedRequest.openAPIRequestText(function: function, body: body, reqTime: "2026-11-21T09:00:00+07:00")
        XCTAssertEqual(try result(SignedRequest.openAPI(path: path, requestText: text))?["resultMsg"]?.stringValue,
                       "parameter illegal: head.reqTime is outside the ±15 min window of the sandbox's clock")
    }

    func testResponseSignature_VerifiesWithThePublishedDANAKey_OverTheRawResponseMember() throws {
        // given
        let text = SignedRequest.openAPIRequestText(function: function, body: body, reqTime: harness.clock.jakarta)
        let response = harness.send(try SignedRequest.openAPI(path: path, requestText: text))
        // when: the legacy php_client's rule: from the first {"head" to the first ,"signature"
        let bodyText = String(decoding: response.body, as: UTF8.self)
        let start = try XCTUnwrap(bodyText.range(of: "{\"head\""))
        let end = try XCTUnwrap(bodyText.range(of: ",\"signature\""))
        let signed = String(bodyText[start.lowerBound..<end.lowerBound])
        let spans = try JSONScanner.topLevelMembers(response.body)
        XCTAssertEqual(Array(response.body[spans[0].valueRange]), Array(signed.utf8), "response first, head first, no whitespace")
        let signature = try XCTUnwrap(try JSONScanner.parse(response.body)["signature"]?.stringValue)
        // then: checked by the openssl command with the key GET /sandbox/keys publishes
        let folder = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let signatureFile = folder.appendingPathComponent("sig"), keyFile = folder.appendingPathComponent("dana.pem")
        try Data(base64Encoded: signature)!.write(to: signatureFile)
        let keys = try harness.json(HTTPRequest(method: .get, target: "/sandbox/keys"))
        try keys.value(atPath: "dana.publicKey")!.stringValue!.write(to: keyFile, atomically: true, encoding: .utf8)
        let verdict = try Shell.run("/usr/bin/openssl", ["dgst", "-sha256", "-verify", keyFile.path, "-signature", signatureFile.path], input: Array(signed.utf8))
        XCTAssertEqual(String(decoding: verdict, as: UTF8.self), "Verified OK\n")
    }

    func testErrorResponses_AreSignedToo() throws {
        let response = harness.send(HTTPRequest(method: .post, target: path, body: Array("not json".utf8)))
        let json = try JSONScanner.parse(response.body)
        XCTAssertEqual(json.value(atPath: "response.body.resultInfo.resultCode")?.stringValue, "PARAM_ILLEGAL")
        let spans = try JSONScanner.topLevelMembers(response.body)
        let signature = try XCTUnwrap(Data(base64Encoded: json["signature"]?.stringValue ?? ""))
        XCTAssertTrue(harness.application.signer.dana.publicKey.verify(signature: Array(signature), message: Array(response.body[spans[0].valueRange])))
    }
}
