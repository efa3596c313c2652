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

/// Paylabs querysubtrans (seed 004): paging, filters and every errCode by state.
final class QuerySubscriptionTransactionsTests: XCTestCase {
    private var harness: SandboxHarness!
    private var requestNumber = 0

    override func setUpWithError() throws {
        harness = try SandboxHarness()
    }

    /// A body with the given members replacing (or, with nil, removing) the defaults; a fresh
    /// requestId unless one is given.
    private func body(_ changes: [String: String?] = [:]) -> String {
        requestNumber += 1
        return TestBody.object([
            ("merchantId", #""010001""#), ("requestId", "\"req-\(requestNumber)\""), ("paymentType", #""StaticDanaSub""#),
            ("merchantSubId", #""PY-1761114620.5313134""#), ("pageNum", "1"), ("pageSize", "10"),
        ], changes)
    }

    private func send(_ body: String, merchant: String = "010001") throws -> JSONValue {
        try harness.json(try SignedRequest.paylabs(sentBody: body, merchant: merchant, timestamp: harness.clock.jakarta))
    }

    private func errCode(_ body: String, merchant: String = "010001") throws -> String? {
        try send(body, merchant: merchant)["errCode"]?.stringValue
    }

    // MARK: - Success

    func testDocsExample_IsAnsweredInTheDocsShape() throws {
        // given: seed 004's example request, verbatim
        let example = DocumentExample.querySubscriptionTransactionsRequest
        // when
        let response = harness.send(try SignedRequest.paylabs(sentBody: example, timestamp: harness.clock.jakarta))
        // then
        XCTAssertEqual(response.status.code, 200)
        let json = try JSONScanner.parse(response.body)
        XCTAssertEqual(json.objectMembers?.map(\.key), ["merchantId", "requestId", "errCode", "paymentType", "paymentInfo"])
        XCTAssertEqual(json["errCode"]?.stringValue, "0")
        XCTAssertEqual(json["requestId"]?.stringValue, "PYb34e3230-598c-4fa9-89c2-60ea95fc6c1c")
        let payments = try XCTUnwrap(json["paymentInfo"]?.arrayValue)
        XCTAssertEqual(payments.count, 10)
        XCTAssertEqual(payments[0].objectMembers?.map(\.key), ["successTime", "platformTradeNo", "amount", "status", "transFeeRate", "transFeeAmount", "totalTransFee", "vatFee"])
        let times = payments.compactMap { $0["successTime"]?.stringValue }
        XCTAssertEqual(times, times.sorted(by: >), "newest first")
        XCTAssertTrue(times.allSatisfy { $0.count == 14 && Int($0) != nil }, "yyyyMMddHHmmss")
    }

    func testTheDocsSampleTransaction_IsListed_WithTheDocsNumbers() throws {
        let payments = try send(body(["pageSize": "50"]))["paymentInfo"]?.arrayValue ?? []
        XCTAssertEqual(payments.count, 34)
        let sample = try XCTUnwrap(payments.first { $0["platformTradeNo"]?.stringValue == "2025102400100000010" })
        XCTAssertEqual(sample.text, #"{"successTime":"20251024055400","platformTradeNo":"2025102400100000010","amount":15000.0,"status":"02","transFeeRate":0.0,"transFeeAmount":2500.0,"totalTransFee":2500.0,"vatFee":275.0}"#)
        XCTAssertEqual(Set(payments.compactMap { $0["status"]?.stringValue }), ["01", "02", "09"])
    }

    func testPaging_DefaultsAndLastPage() throws {
        XCTAssertEqual(try send(body(["pageNum": nil, "pageSize": nil]))["paymentInfo"]?.arrayValue?.count, 10)
        XCTAssertEqual(try send(body(["pageNum": "4"]))["paymentInfo"]?.arrayValue?.count, 4)
        XCTAssertEqual(try send(body(["pageNum": "5"]))["paymentInfo"]?.arrayValue?.count, 0)
        let first = try send(body(["pageSize": "3"]))["paymentInfo"]?.arrayValue ?? []
        let second = try send(body(["pageNum": "2", "pageSize": "3"]))["paymentInfo"]?.arrayValue ?? []
        XCTAssertEqual(first.count, 3)
        XCTAssertTrue(Set(first.map(\.text)).isDisjoint(with: second.map(\.text)))
    }

    func testMerchantTradeNo_IsAcceptedAsTheFieldTableNamesIt() throws {
        XCTAssertEqual(try errCode(body(["merchantSubId": nil, "merchantTradeNo": #""PY-1761114620.5313134""#])), "0")
    }

    func testStoreFilter_FindsTheStoresSubscription_AndEchoesTheStore() throws {
        let json = try send(body(["paymentType": #""DynamicDanaSub""#, "merchantSubId": #""PY-1762405200.8841207""#, "storeId": #""ST-010001-JKT01""#]))
        XCTAssertEqual(json["errCode"]?.stringValue, "0")
        XCTAssertEqual(json["storeId"]?.stringValue, "ST-010001-JKT01")
        XCTAssertEqual(json["paymentInfo"]?.arrayValue?.count, 8)
    }

    func testSubscriptionWithoutTransactions_HasAnEmptyList() throws {
        XCTAssertEqual(try send(body(["merchantSubId": #""PY-1779950000.6620913""#]))["paymentInfo"], .array([]))
    }

    // MARK: - errCodes by state

    func testReusedRequestId_IsConflict() throws {
        let request = body(["requestId": #""once""#])
        XCTAssertEqual(try errCode(request), "0")
        XCTAssertEqual(try errCode(request), "Conflict")
    }

    func testMerchantMismatchOrUnknown_IsMerchantInvalid() throws {
        XCTAssertEqual(try errCode(body(["merchantId": #""010002""#])), "merchantInvalid", "body and X-PARTNER-ID must agree")
        XCTAssertEqual(try errCode(body(["merchantId": #""099999""#]), merchant: "099999"), "merchantInvalid")
        XCTAssertEqual(try errCode(body(), merchant: "2014000014442"), "merchantInvalid", "a DANA partner is no Paylabs merchant")
    }

    func testUnknownOrForeignStore_IsStoreInvalid_AndAFrozenOne_StoreFreezing() throws {
        XCTAssertEqual(try errCode(body(["storeId": #""ST-NOPE""#])), "storeInvalid")
        XCTAssertEqual(try errCode(body(["storeId": #""ST-010002-DPS01""#])), "storeInvalid")
        XCTAssertEqual(try errCode(body(["storeId": #""ST-010001-BDG01""#])), "storeFreezing")
    }

    func testUnknownForeignOrMismatchedSubscription_IsOrderInvalid() throws {
        XCTAssertEqual(try errCode(body(["merchantSubId": #""PY-0""#])), "orderInvalid")
        XCTAssertEqual(try errCode(body(["merchantSubId": #""PY-1759284000.4417789""#])), "orderInvalid", "010002's subscription")
        XCTAssertEqual(try errCode(body(["paymentType": #""DynamicDanaSub""#])), "orderInvalid", "the sample is StaticDanaSub")
        XCTAssertEqual(try errCode(body(["storeId": #""ST-010001-JKT01""#])), "orderInvalid", "the sample has no store")
    }

    func testUnknownPaymentType_IsPaymentTypeIsError() throws {
        XCTAssertEqual(try errCode(body(["paymentType": #""OVO""#])), "paymentTypeIsError")
    }

    func testFieldRules_AreParamInvalid_NamingTheField() throws {
        let cases: [([String: String?], String)] = [
            (["pageSize": "51"], "pageSize must be a whole number from 1 to 50"),
            (["pageSize": "0"], "pageSize must be a whole number from 1 to 50"),
            (["pageNum": "0"], "pageNum must be a whole number from 1 to 9999"),
            (["pageNum": "1.5"], "pageNum must be a whole number from 1 to 9999"),
            (["requestId": nil], "requestId is required"),
            (["requestId": "\"\(String(repeating: "r", count: 65))\""], "requestId must be a string of 1 to 64 characters"),
            (["paymentType": nil], "paymentType is required"),
            (["merchantSubId": nil], "merchantTradeNo (or merchantSubId) is required"),
            (["merchantSubId": "\"\(String(repeating: "s", count: 33))\""], "merchantSubId must be a string of 1 to 32 characters"),
            (["storeId": "7"], "storeId must be a string of 1 to 30 characters"),
        ]
        for (change, description) in cases {
            let json = try send(body(change))
            XCTAssertEqual(json["errCode"]?.stringValue, "paramInvalid", description)
            XCTAssertEqual(json["errCodeDes"]?.stringValue, "Invalid request parameters: \(description)")
        }
    }

    func testEmptyBody_IsPostDataEmpty() throws {
        XCTAssertEqual(try errCode(""), "postDataEmpty")
    }

    func testInternalFailure_IsSystemError_Signed() throws {
        try harness.sql("DROP TABLE subscription_transactions")
        let response = harness.send(try SignedRequest.paylabs(sentBody: body(), timestamp: harness.clock.jakarta))
        XCTAssertEqual(try JSONScanner.parse(response.body)["errCode"]?.stringValue, "systemError")
        XCTAssertNotNil(response.headers["X-SIGNATURE"])
    }

    func testErrorAnswers_EchoRequestIdMerchantAndPaymentType() throws {
        let json = try send(body(["requestId": #""echo-me""#, "merchantSubId": #""PY-0""#]))
        XCTAssertEqual(json.objectMembers?.map(\.key), ["merchantId", "requestId", "errCode", "errCodeDes", "paymentType"])
        XCTAssertEqual(json["requestId"]?.stringValue, "echo-me")
    }
}
