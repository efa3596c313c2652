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

/// queryMerchantResource (seed 002): the three balances and every documented code by state.
final class QueryMerchantResourceTests: XCTestCase {
    private var harness: SandboxHarness!

    override func setUpWithError() throws {
        harness = try SandboxHarness()
    }

    private func send(_ body: String, clientID: String = "2014000014442") throws -> JSONValue {
        let text = SignedRequest.openAPIRequestText(function: QueryMerchantResourceHandler.function, body: body, clientID: clientID, reqTime: harness.clock.jakarta)
        return try harness.json(try SignedRequest.openAPI(path: QueryMerchantResourceHandler.path, requestText: text))
    }

    private func result(_ body: String, clientID: String = "2014000014442") throws -> [String] {
        let info = try send(body, clientID: clientID).value(atPath: "response.body.resultInfo")
        return ["resultStatus", "resultCodeId", "resultCode", "resultMsg"].map { info?[$0]?.stringValue ?? "-" }
    }

    func testDocsExample_IsAnsweredInTheDocsShape() throws {
        let json = try send(#"{"requestMerchantId":"216620000097087957144","merchantResourceInfoList":["MERCHANT_DEPOSIT_BALANCE"]}"#)
        XCTAssertEqual(json.value(atPath: "response.body")?.objectMembers?.map(\.key), ["resultInfo", "merchantResourceInformations"])
        XCTAssertEqual(json.value(atPath: "response.head.function")?.stringValue, "dana.merchant.queryMerchantResource")
        XCTAssertEqual(json.value(atPath: "response.body.merchantResourceInformations"), .array([
            .fields(["resourceType": "MERCHANT_DEPOSIT_BALANCE", "value": .string(#"{"amount":"5000000000","currency":"IDR"}"#)]),
        ]))
    }

    func testAllThreeBalances_ComeFromTheStore() throws {
        try harness.sql("UPDATE merchants SET available_balance_cents = 123, total_balance_cents = 456, deposit_balance_cents = 789 WHERE merchant_id = '216620000097087957144'")
        let infos = try send(#"{"requestMerchantId":"216620000097087957144","merchantResourceInfoList":["MERCHANT_AVAILABLE_BALANCE","MERCHANT_TOTAL_BALANCE","MERCHANT_DEPOSIT_BALANCE"]}"#)
            .value(atPath: "response.body.merchantResourceInformations")?.arrayValue ?? []
        XCTAssertEqual(infos.map { $0["value"]?.stringValue ?? "" }, [
            #"{"amount":"123","currency":"IDR"}"#, #"{"amount":"456","currency":"IDR"}"#, #"{"amount":"789","currency":"IDR"}"#,
        ])
    }

    func testEmptyDeposit_IsZero() throws {
        let value = try send(#"{"requestMerchantId":"216620000044810362290","merchantResourceInfoList":["MERCHANT_DEPOSIT_BALANCE"]}"#)
            .value(atPath: "response.body.merchantResourceInformations")?.arrayValue?.first?["value"]?.stringValue
        XCTAssertEqual(value, #"{"amount":"0","currency":"IDR"}"#)
    }

    func testUnknownSuspendedOrForeignMerchant_IsMERCHANT_NOT_EXIST_WithSeed002sId() throws {
        let expected = ["F", "12158006901", "MERCHANT_NOT_EXIST", "Merchant not exist"]
        XCTAssertEqual(try result(#"{"requestMerchantId":"216620000000000000000","merchantResourceInfoList":["MERCHANT_TOTAL_BALANCE"]}"#), expected)
        XCTAssertEqual(try result(#"{"requestMerchantId":"216620000031415926535","merchantResourceInfoList":["MERCHANT_TOTAL_BALANCE"]}"#), expected)
        XCTAssertEqual(try result(#"{"requestMerchantId":"216620000097087957144","merchantResourceInfoList":["MERCHANT_TOTAL_BALANCE"]}"#, clientID: "82150823919040624621823174737537").first, "F")
    }

    func testEmptyListOrUnknownResource_IsPARAM_ILLEGAL() throws {
        XCTAssertEqual(try result(#"{"requestMerchantId":"216620000097087957144","merchantResourceInfoList":[]}"#)[2], "PARAM_ILLEGAL")
        let unknown = try result(#"{"requestMerchantId":"216620000097087957144","merchantResourceInfoList":["MERCHANT_GOLD"]}"#)
        XCTAssertEqual(unknown[2], "PARAM_ILLEGAL")
        XCTAssertTrue(unknown[3].contains("MERCHANT_GOLD"), unknown[3])
        XCTAssertEqual(try result(#"{"merchantResourceInfoList":["MERCHANT_TOTAL_BALANCE"]}"#)[3], "parameter illegal: body.requestMerchantId")
    }

    func testInternalFailure_IsSYSTEM_ERROR_WithStatusU() throws {
        try harness.sql("DROP TABLE merchants")
        XCTAssertEqual(try result(#"{"requestMerchantId":"216620000097087957144","merchantResourceInfoList":["MERCHANT_TOTAL_BALANCE"]}"#), ["U", "00000900", "SYSTEM_ERROR", "system error"])
    }
}
