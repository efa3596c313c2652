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

/// queryUserProfile (seed 000): every UserResourceEnum value and every documented code by state.
final class QueryUserProfileTests: XCTestCase {
    private var harness: SandboxHarness!

    override func setUpWithError() throws {
        harness = try SandboxHarness()
    }

    private func send(token: String?, resources: String, clientID: String = "2014000014442") throws -> JSONValue {
        let text = SignedRequest.openAPIRequestText(
            function: QueryUserProfileHandler.function, body: #"{"userResources":\#(resources)}"#, clientID: clientID,
            reqTime: harness.clock.jakarta, accessToken: token
        )
        return try harness.json(try SignedRequest.openAPI(path: QueryUserProfileHandler.path, requestText: text))
    }

    private func result(token: String?, resources: String = #"["BALANCE"]"#, clientID: String = "2014000014442") throws -> [String] {
        let info = try send(token: token, resources: resources, clientID: clientID).value(atPath: "response.body.resultInfo")
        return ["resultStatus", "resultCodeId", "resultCode", "resultMsg"].map { info?[$0]?.stringValue ?? "-" }
    }

    func testDocsExample_IsAnsweredInTheDocsShape() throws {
        // given: seed 000's example request with a real token in place of "xxxxx"
        let json = try send(token: "fa8sjjEj813Y9JGoqwOeOPWbnt4CUpvIJbU1mMU4a11MNDZ7Sg5u9a", resources: #"["BALANCE", "TOPUP_URL", "OTT"]"#)
        // then
        XCTAssertEqual(json.objectMembers?.map(\.key), ["response", "signature"])
        XCTAssertEqual(json.value(atPath: "response")?.objectMembers?.map(\.key), ["head", "body"])
        XCTAssertEqual(json.value(atPath: "response.head")?.objectMembers?.map(\.key), ["version", "function", "clientId", "respTime", "reqMsgId", "reserve"])
        XCTAssertEqual(json.value(atPath: "response.head.function")?.stringValue, "dana.member.query.queryUserProfile")
        XCTAssertEqual(json.value(atPath: "response.head.respTime")?.stringValue, "2026-11-21T10:00:00+07:00")
        XCTAssertEqual(json.value(atPath: "response.head.reqMsgId")?.stringValue, "1234567asdfasdf1123fda")
        XCTAssertEqual(json.value(atPath: "response.head.reserve"), .string("{}"))
        XCTAssertEqual(json.value(atPath: "response.body")?.objectMembers?.map(\.key), ["resultInfo", "userResourceInfos"])
        XCTAssertEqual(json.value(atPath: "response.body.resultInfo"), .fields(["resultStatus": "S", "resultCodeId": "00000000", "resultCode": "SUCCESS", "resultMsg": "Success"]))
        let infos = try XCTUnwrap(json.value(atPath: "response.body.userResourceInfos")?.arrayValue)
        XCTAssertEqual(infos.map { $0["resourceType"]?.stringValue }, ["BALANCE", "TOPUP_URL", "OTT"])
        XCTAssertEqual(infos[0]["value"]?.stringValue, #"{"amount":"487650000","currency":"IDR"}"#)
    }

    func testEveryResource_HasAStringValue_FromTheStore() throws {
        let all = "[" + QueryUserProfileHandler.resources.map { "\"\($0)\"" }.joined(separator: ",") + "]"
        let infos = try XCTUnwrap(try send(token: "demo-token-62811742234", resources: all).value(atPath: "response.body.userResourceInfos")?.arrayValue)
        var values: [String: String] = [:]
        for info in infos { values[info["resourceType"]!.stringValue!] = info["value"]?.stringValue }
        XCTAssertEqual(Set(values.keys), Set(QueryUserProfileHandler.resources))
        let balance = try JSONScanner.parse(Array(try XCTUnwrap(values["BALANCE"]).utf8))
        XCTAssertEqual(balance["currency"]?.stringValue, "IDR")
        XCTAssertNotNil(balance["amount"]?.stringValue.flatMap { Int($0) })
        XCTAssertEqual(values["LOGIN_ID"], "62811742234")
        XCTAssertEqual(values["MASK_DANA_ID"], "6281***2234")
        XCTAssertEqual(values["FULLNAME"], "Budi Santoso")
        XCTAssertEqual(values["MASKED_FULLNAME"], "B*** S******")
        XCTAssertEqual(values["NICKNAME"], "Budi")
        XCTAssertEqual(values["USER_KYC"], "02")
        XCTAssertEqual(values["KTP_NUMBER"]?.count, 16)
        XCTAssertEqual(values["CLEAR_TEXT_DANA_ID"]?.count, 16)
        XCTAssertTrue(values["AVATAR_URL"]?.hasPrefix("https://") == true)
        XCTAssertTrue(values["TOPUP_URL"]?.hasPrefix("https://") == true)
        XCTAssertTrue(values["TRANSACTION_URL"]?.hasPrefix("https://") == true)
        for photo in ["KTP_PHOTO_DATA", "SELFIE_PHOTO_DATA"] {
            let data = try XCTUnwrap(Data(base64Encoded: values[photo] ?? ""), photo)
            XCTAssertEqual(Array(data.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "\(photo) is a PNG")
        }
    }

    func testOTT_IsFreshEachTime() throws {
        let first = try send(token: "demo-token-62811742234", resources: #"["OTT"]"#).value(atPath: "response.body.userResourceInfos")?.arrayValue?.first?["value"]
        let second = try send(token: "demo-token-62811742234", resources: #"["OTT"]"#).value(atPath: "response.body.userResourceInfos")?.arrayValue?.first?["value"]
        XCTAssertNotNil(first)
        XCTAssertNotEqual(first, second)
    }

    func testUserWithoutKTP_HasEmptyValuesForKTPResources_AndKYC00() throws {
        // dana-python's UserResourceInfo requires value to be a string, so absent means "".
        let infos = try XCTUnwrap(try send(token: "demo-token-basic-kyc", resources: #"["KTP_NUMBER","KTP_PHOTO_DATA","USER_KYC","AVATAR_URL"]"#).value(atPath: "response.body.userResourceInfos")?.arrayValue)
        XCTAssertEqual(infos.map { $0["value"]?.stringValue }, ["", "", "00", ""])
    }

    func testUnknownToken_IsOAUTH_FAILED_AsTheRealSandboxAnswers() throws {
        XCTAssertEqual(try result(token: "1111"), ["F", "00000016", "OAUTH_FAILED", "OAUTH_FAILED"])
    }

    func testExpiredToken_IsOAUTH_FAILED() throws {
        XCTAssertEqual(try result(token: "demo-token-expired")[2], "OAUTH_FAILED")
    }

    func testTokenOfAMissingUser_IsUSER_NOT_EXIST() throws {
        XCTAssertEqual(try result(token: "demo-token-user-gone"), ["F", "12002005", "USER_NOT_EXIST", "User does not exist"])
    }

    func testTokenOfAFrozenUser_IsUSER_STATUS_ABNORMAL() throws {
        XCTAssertEqual(try result(token: "demo-token-frozen-user"), ["F", "12002006", "USER_STATUS_ABNORMAL", "User status is not normal"])
    }

    func testLimitedToken_CanReadItsScopes_ButNotMore() throws {
        XCTAssertEqual(try result(token: "demo-token-limited-scopes", resources: #"["BALANCE","NICKNAME"]"#)[2], "SUCCESS")
        XCTAssertEqual(Array(try result(token: "demo-token-limited-scopes", resources: #"["BALANCE","FULLNAME"]"#)[0...2]), ["F", "12014201", "TOKEN_FORBIDDEN_ACCESS_RESOURCES"])
    }

    func testUnknownResource_IsRESOURCE_NOT_DEFINE() throws {
        XCTAssertEqual(Array(try result(token: "demo-token-62811742234", resources: #"["BALANCE","SHOE_SIZE"]"#)[0...2]), ["F", "12014202", "RESOURCE_NOT_DEFINE"])
    }

    func testPartnerWithoutMerchant_IsMERCHANT_NOT_EXIST() throws {
        XCTAssertEqual(try result(token: "demo-token-partner-without-merchant", clientID: "2014000099999"), ["F", "12014203", "MERCHANT_NOT_EXIST", "Merchant not exist"])
    }

    func testMissingAccessToken_OrResources_IsPARAM_ILLEGAL() throws {
        XCTAssertEqual(try result(token: nil), ["F", "00000004", "PARAM_ILLEGAL", "parameter illegal: head.accessToken"])
        XCTAssertEqual(try result(token: "demo-token-62811742234", resources: "[]")[2], "PARAM_ILLEGAL")
        XCTAssertEqual(try result(token: "demo-token-62811742234", resources: "[1]")[2], "PARAM_ILLEGAL")
    }

    func testMissingHeadField_IsPARAM_ILLEGAL_NamingIt() throws {
        let text = #"{"head":{"version":"2.0","function":"dana.member.query.queryUserProfile","clientId":"2014000014442","clientSecret":"2014000014442","reqTime":"\#(harness.clock.jakarta)","accessToken":"demo-token-62811742234","reserve":"{}"},"body":{"userResources":["BALANCE"]}}"#
        let json = try harness.json(try SignedRequest.openAPI(path: QueryUserProfileHandler.path, requestText: text))
        XCTAssertEqual(json.value(atPath: "response.body.resultInfo.resultMsg")?.stringValue, "parameter illegal: head.reqMsgId is missing")
    }

    func testInternalFailure_IsSYSTEM_ERROR_InTheSignedEnvelope() throws {
        try harness.sql("DROP TABLE users")
        XCTAssertEqual(try result(token: "demo-token-62811742234"), ["U", "00000900", "SYSTEM_ERROR", "system error"])
    }
}
