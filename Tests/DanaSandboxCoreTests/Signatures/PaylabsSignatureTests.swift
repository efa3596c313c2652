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

/// Paylabs signatures (signatures.md §6): requests in every form Paylabs' clients sign, and the
/// signed headers of every response.
final class PaylabsSignatureTests: XCTestCase {
    private var harness: SandboxHarness!
    /// Seed 004's body as paylabs-sdk sends it (spaces), and as it signs it (compact).
    private let sdkWire = #"{"merchantId": "010001", "requestId": "PYb34e3230-598c-4fa9-89c2-60ea95fc6c1c", "paymentType": "StaticDanaSub", "merchantSubId": "PY-1761114620.5313134", "pageNum": 1, "pageSize": 10}"#
    private let minified = #"{"merchantId":"010001","requestId":"PYb34e3230-598c-4fa9-89c2-60ea95fc6c1c","paymentType":"StaticDanaSub","merchantSubId":"PY-1761114620.5313134","pageNum":1,"pageSize":10}"#

    override func setUpWithError() throws {
        harness = try SandboxHarness()
    }

    private func errCode(_ request: HTTPRequest) throws -> String? {
        try harness.json(request)["errCode"]?.stringValue
    }

    func testReferenceVector_StringToSignOfSeed004() {
        XCTAssertEqual(SHA256.hexDigest(Array(minified.utf8)), "e077bb9b1f88d46ba5bb0e722b898bde8a2ec6a73ee7076c1ce984775f2cdd97")
        XCTAssertEqual(SHA256.hexDigest(Array(sdkWire.utf8)), "8538aafcb93530e225241648b65511bc97a9a9495657190300e44708001eabda")
    }

    func testPaylabsSDKForm_SentSpacedSignedCompact_IsAccepted() throws {
        XCTAssertEqual(try errCode(SignedRequest.paylabs(sentBody: sdkWire, signedBody: minified, timestamp: "2026-11-21T10:00:00.964+07:00")), "0")
    }

    func testNonASCIIEscapes_SignedAsUTF8_AreAccepted() throws {
        let sent = #"{"merchantId":"010001","requestId":"r-\u00e9","paymentType":"StaticDanaSub","merchantSubId":"PY-1761114620.5313134"}"#
        let signed = #"{"merchantId":"010001","requestId":"r-é","paymentType":"StaticDanaSub","merchantSubId":"PY-1761114620.5313134"}"#
        XCTAssertEqual(try errCode(SignedRequest.paylabs(sentBody: sent, signedBody: signed, timestamp: harness.clock.jakarta)), "0")
    }

    func testNullMembers_SentButNotSigned_AreAccepted() throws {
        let sent = #"{"merchantId":"010001","requestId":"r-null","storeId":null,"paymentType":"StaticDanaSub","merchantSubId":"PY-1761114620.5313134"}"#
        let signed = #"{"merchantId":"010001","requestId":"r-null","paymentType":"StaticDanaSub","merchantSubId":"PY-1761114620.5313134"}"#
        XCTAssertEqual(try errCode(SignedRequest.paylabs(sentBody: sent, signedBody: signed, timestamp: harness.clock.jakarta)), "0")
    }

    func testBadSignature_IsSignError_HTTP200() throws {
        let request = try SignedRequest.paylabs(sentBody: minified, signedBody: sdkWire + "x", timestamp: harness.clock.jakarta)
        let response = harness.send(request)
        XCTAssertEqual(response.status.code, 200)
        let json = try JSONScanner.parse(response.body)
        XCTAssertEqual(json["errCode"]?.stringValue, "signError")
        XCTAssertEqual(json["errCodeDes"]?.stringValue, "Invalid signature")
        XCTAssertEqual(json["requestId"]?.stringValue, "PYb34e3230-598c-4fa9-89c2-60ea95fc6c1c")
    }

    func testMissingHeader_IsParamInvalidNamingIt() throws {
        var request = try SignedRequest.paylabs(sentBody: minified, timestamp: harness.clock.jakarta)
        request.headers.remove("X-SIGNATURE")
        let json = try harness.json(request)
        XCTAssertEqual(json["errCode"]?.stringValue, "paramInvalid")
        XCTAssertEqual(json["errCodeDes"]?.stringValue, "Invalid Mandatory Field X-SIGNATURE")
    }

    func testStaleTimestamp_IsConflict() throws {
        let json = try harness.json(try SignedRequest.paylabs(sentBody: minified, timestamp: "2026-11-21T08:00:00.000+07:00"))
        XCTAssertEqual(json["errCode"]?.stringValue, "Conflict")
    }

    func testResponseHeaders_AreSignedWithThePaylabsKey() throws {
        // given
        let response = harness.send(try SignedRequest.paylabs(sentBody: minified, timestamp: harness.clock.jakarta))
        // then
        XCTAssertEqual(response.headers["Content-Type"], "application/json;charset=utf-8")
        XCTAssertEqual(response.headers["X-PARTNER-ID"], "010001")
        XCTAssertEqual(response.headers["X-REQUEST-ID"], "PYb34e3230-598c-4fa9-89c2-60ea95fc6c1c")
        let timestamp = try XCTUnwrap(response.headers["X-TIMESTAMP"])
        XCTAssertEqual(timestamp, "2026-11-21T10:00:00.000+07:00")
        let stringToSign = "POST:/dana/v1/sub/querysubtrans:\(SHA256.hexDigest(response.body)):\(timestamp)"
        let folder = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let signatureFile = folder.appendingPathComponent("sig")
        try Data(base64Encoded: try XCTUnwrap(response.headers["X-SIGNATURE"]))!.write(to: signatureFile)
        let verdict = try Shell.run("/usr/bin/openssl", ["dgst", "-sha256", "-verify", Repository.path("keys/paylabs-public.pem"), "-signature", signatureFile.path], input: Array(stringToSign.utf8))
        XCTAssertEqual(String(decoding: verdict, as: UTF8.self), "Verified OK\n")
    }

    func testSignaturesOff_StillSignsResponses() throws {
        harness = try SandboxHarness(signatures: .off)
        var request = try SignedRequest.paylabs(sentBody: minified, timestamp: harness.clock.jakarta)
        request.headers.set("X-SIGNATURE", "bogus")
        let response = harness.send(request)
        XCTAssertEqual(try JSONScanner.parse(response.body)["errCode"]?.stringValue, "0")
        XCTAssertNotNil(response.headers["X-SIGNATURE"])
    }
}
