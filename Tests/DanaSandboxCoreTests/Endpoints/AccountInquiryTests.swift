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

/// Account inquiry (seed 001): each documented code reached by state, each field rule.
final class AccountInquiryTests: XCTestCase {
    private var harness: SandboxHarness!

    override func setUpWithError() throws {
        harness = try SandboxHarness()
    }

    /// A body with the given members replacing (or, with nil, removing) the defaults.
    private func body(_ changes: [String: String?] = [:]) -> String {
        TestBody.object([
            ("partnerReferenceNo", #""ref-1""#),
            ("customerNumber", #""62811742234""#),
            ("amount", #"{"value":"1.00","currency":"IDR"}"#),
            ("transactionDate", #""2026-11-21T09:59:00+07:00""#),
            ("additionalInfo", #"{"fundType":"AGENT_TOPUP_FOR_USER_SETTLE"}"#),
        ], changes)
    }

    private func send(_ body: String, headers: [(String, String)] = [], externalID: String = UUID().uuidString.prefix(32).description, path: String = "/v1.0/emoney/account-inquiry.htm") throws -> (status: Int, json: JSONValue) {
        let response = harness.send(try SignedRequest.snap(path: path, sentBody: body, timestamp: harness.clock.jakarta, externalID: externalID, headers: headers))
        return (response.status.code, try JSONScanner.parse(response.body))
    }

    private func assertCode(_ body: String, _ code: String, _ message: String? = nil, headers: [(String, String)] = [], file: StaticString = #filePath, line: UInt = #line) throws {
        let (status, json) = try send(body, headers: headers)
        XCTAssertEqual(json["responseCode"]?.stringValue, code, json.text, file: file, line: line)
        XCTAssertEqual(status, Int(code.prefix(3)), file: file, line: line)
        if let message { XCTAssertEqual(json["responseMessage"]?.stringValue, message, file: file, line: line) }
    }

    // MARK: - Success

    func testDocsExampleRequest_GetsAResponseShapedLikeTheDocsExample() throws {
        // given: seed 001's example request, sent by the docs' sample partner, which bound the
        // docs' sample token (a token belongs to the partner that bound it)
        let example = """
            {
            "partnerReferenceNo": "2020102900000000000001",
            "customerNumber": "62810987654321",
            "amount": {
            "value": "10000.00",
            "currency": "IDR"
            },
            "transactionDate": "2020-12-21T14:56:11+07:00",
            "additionalInfo": {
            "fundType": "AGENT_TOPUP_FOR_USER_CLEARING",
            "accessToken" : "fa8sjjEj813Y9JGoqwOeOPWbnt4CUpvIJbU1mMU4a11MNDZ7Sg5u9a"
            }
            }
            """
        let request = try SignedRequest.snap(sentBody: example, timestamp: harness.clock.jakarta)
        // when
        let response = harness.send(request)
        // then: the members of the docs' example response, in its order, with its types
        let json = try JSONScanner.parse(response.body)
        XCTAssertEqual(response.status.code, 200)
        XCTAssertEqual(response.headers["X-TIMESTAMP"], "2026-11-21T10:00:00+07:00")
        XCTAssertEqual(json.objectMembers?.map(\.key), [
            "responseCode", "responseMessage", "referenceNo", "partnerReferenceNo", "sessionId", "customerNumber", "customerName",
            "customerMonthlyInLimit", "minAmount", "maxAmount", "amount", "feeAmount", "feeType", "additionalInfo",
        ])
        XCTAssertEqual(json["responseCode"]?.stringValue, "2003700")
        XCTAssertEqual(json["responseMessage"]?.stringValue, "Successful")
        XCTAssertEqual(json["partnerReferenceNo"]?.stringValue, "2020102900000000000001")
        XCTAssertEqual(json["customerNumber"]?.stringValue, "62810987654321")
        XCTAssertEqual(json["customerName"]?.stringValue, "Rina Wulandari")
        XCTAssertEqual(json["amount"], .fields(["value": "10000.00", "currency": "IDR"]))
        for money in ["minAmount", "maxAmount", "feeAmount"] {
            XCTAssertEqual(json[money]?.objectMembers?.map(\.key), ["value", "currency"], money)
        }
        XCTAssertEqual(json["additionalInfo"], .object([]))
    }

    func testSuccess_FitsDanaPythonsStrictModel() throws {
        let json = try send(body()).json
        // dana-python 2.2.2: strings only, with these maximum lengths (clients.md §5).
        let limits = ["responseCode": 7, "responseMessage": 150, "customerName": 255, "referenceNo": 64, "partnerReferenceNo": 64,
                      "sessionId": 25, "customerNumber": 32, "customerMonthlyInLimit": 17, "feeType": 25]
        for (field, limit) in limits {
            let value = try XCTUnwrap(json[field]?.stringValue, field)
            XCTAssertLessThanOrEqual(value.count, limit, field)
        }
        for money in ["minAmount", "maxAmount", "amount", "feeAmount"] {
            XCTAssertLessThanOrEqual(try XCTUnwrap(json.value(atPath: "\(money).value")?.stringValue).count, 19)
            XCTAssertEqual(json.value(atPath: "\(money).currency")?.stringValue, "IDR")
        }
    }

    func testJohnDoe_AnswersAsTheDocsSampleResponse() throws {
        let json = try send(body(["customerNumber": #""6281388370001""#])).json
        XCTAssertEqual(json["customerName"]?.stringValue, "John Doe")
        XCTAssertEqual(json["customerMonthlyInLimit"]?.stringValue, "10000000")
    }

    func testReferenceNumbers_AreUnique() throws {
        let first = try send(body()).json["referenceNo"]?.stringValue
        let second = try send(body()).json["referenceNo"]?.stringValue
        XCTAssertNotNil(first)
        XCTAssertNotEqual(first, second)
    }

    func testRestPath_AnswersTheSame() throws {
        XCTAssertEqual(try send(body(), path: "/rest/v1.0/emoney/account-inquiry").json["responseCode"]?.stringValue, "2003700")
    }

    func testBothFundTypes_AndUnknownExtraFields_AreAccepted() throws {
        try assertCode(body(["additionalInfo": #"{"fundType":"AGENT_TOPUP_FOR_USER_CLEARING","chargeTarget":"MERCHANT","externalDivisionId":"x"}"#, "customerId": #""abc""#]), "2003700")
    }

    // MARK: - Codes reached by state

    func testFrozenPayee_IsDoNotHonor_AsThePublicSandboxAnswers() throws {
        let (status, json) = try send(body(["customerNumber": #""628123456667""#]))
        XCTAssertEqual(status, 403)
        XCTAssertEqual(json, try JSONScanner.parse(Array(#"{"responseCode":"4033705","responseMessage":"Do Not Honor","customerNumber":"628123456667","additionalInfo":{"resultMsg":"PAYEE_USER_STATUS_DISABLE"}}"#.utf8)))
    }

    func testUnknownPayee_IsDoNotHonor_WithPayeeUserNotExist() throws {
        let json = try send(body(["customerNumber": #""628152768647""#])).json
        XCTAssertEqual(json["responseCode"]?.stringValue, "4033705")
        XCTAssertEqual(json["customerNumber"]?.stringValue, "628152768647")
        XCTAssertEqual(json.value(atPath: "additionalInfo.resultMsg")?.stringValue, "PAYEE_USER_NOT_EXIST")
    }

    func testAmountAboveTheSandboxCap_Is4033702() throws {
        try assertCode(body(["amount": #"{"value":"210000000.00","currency":"IDR"}"#]), "4033702", "Exceed maximum limit amount|Nilai transaksi melebihi batas maksimum limit")
        try assertCode(body(["amount": #"{"value":"20000000.01","currency":"IDR"}"#]), "4033702")
    }

    func testAmountAtTheCap_IsAccepted_WhenTheMonthlyLimitAllows() throws {
        try harness.sql("UPDATE users SET monthly_in_limit_cents = 5000000000 WHERE customer_number = '62811742234'")
        try assertCode(body(["amount": #"{"value":"20000000.00","currency":"IDR"}"#]), "2003700")
    }

    func testAmountBelowThePartnersMinimum_Is4033702() throws {
        try assertCode(body(["amount": #"{"value":"0.99","currency":"IDR"}"#]), "4033702", "Below minimum limit amount|Nilai transaksi kurang dari batas minimum limit")
    }

    func testAmountAboveThePartnersMaximum_Is4033702() throws {
        try harness.sql("UPDATE partners SET topup_max_cents = 500000 WHERE client_id = '2014000014442'")
        try assertCode(body(["amount": #"{"value":"5000.01","currency":"IDR"}"#]), "4033702")
    }

    func testMonthlyInLimit_IsApplied() throws {
        // 6285712345678 has used IDR 1,950,000.00 of IDR 2,000,000.00.
        try assertCode(body(["customerNumber": #""6285712345678""#, "amount": #"{"value":"50000.00","currency":"IDR"}"#]), "2003700")
        try assertCode(body(["customerNumber": #""6285712345678""#, "amount": #"{"value":"50000.01","currency":"IDR"}"#]), "4033702", "Exceed monthly in limit|Nilai transaksi melebihi batas limit bulanan")
    }

    func testCustomerToken_InAuthorizationCustomer_FindsThePayee() throws {
        let json = try send(body(["customerNumber": nil]), headers: [("Authorization-Customer", "Bearer fa8sjjEj813Y9JGoqwOeOPWbnt4CUpvIJbU1mMU4a11MNDZ7Sg5u9a")]).json
        XCTAssertEqual(json["responseCode"]?.stringValue, "2003700")
        XCTAssertEqual(json["customerNumber"]?.stringValue, "62810987654321")
    }

    func testCustomerToken_InAdditionalInfo_FindsThePayee() throws {
        let info = #"{"fundType":"AGENT_TOPUP_FOR_USER_SETTLE","accessToken":"demo-token-6281388370001"}"#
        XCTAssertEqual(try send(body(["customerNumber": nil, "additionalInfo": info])).json["customerName"]?.stringValue, "John Doe")
    }

    func testUnknownCustomerToken_Is4013704() throws {
        try assertCode(body(["customerNumber": nil]), "4013704", "Customer Token Not Found", headers: [("Authorization-Customer", "Bearer nope")])
    }

    func testExpiredOrOrphanOrForeignCustomerToken_Is4013702() throws {
        for token in ["demo-token-expired", "demo-token-user-gone", "demo-token-partner-without-merchant"] {
            try assertCode(body(["customerNumber": nil]), "4013702", "Invalid Customer Token", headers: [("Authorization-Customer", "Bearer \(token)")])
        }
    }

    func testReusedExternalID_IsConflict_TheSameDayOnly() throws {
        XCTAssertEqual(try send(body(), externalID: "ext-1").json["responseCode"]?.stringValue, "2003700")
        let (status, json) = try send(body(), externalID: "ext-1")
        XCTAssertEqual(status, 409)
        XCTAssertEqual(json["responseCode"]?.stringValue, "4093700")
        XCTAssertEqual(json["responseMessage"]?.stringValue, "Conflict")
        harness.clock.advance(seconds: 86_400)
        XCTAssertEqual(try send(body(), externalID: "ext-1").json["responseCode"]?.stringValue, "2003700")
    }

    func testSameExternalID_FromAnotherPartner_IsNoConflict() throws {
        XCTAssertEqual(try send(body(), externalID: "shared").json["responseCode"]?.stringValue, "2003700")
        let other = try SignedRequest.snap(sentBody: body(), partner: "82150823919040624621823174737537", timestamp: harness.clock.jakarta, externalID: "shared")
        XCTAssertEqual(try harness.json(other)["responseCode"]?.stringValue, "2003700")
    }

    func testInternalFailure_Is5003701_InTheSNAPEnvelope() throws {
        try harness.sql("DROP TABLE users")
        try assertCode(body(), "5003701", "Internal Server Error")
    }

    // MARK: - Field rules

    func testMissingFields_Are4003702_NamingTheField() throws {
        try assertCode(body(["customerNumber": nil]), "4003702", "Invalid Mandatory Field customerNumber")
        try assertCode(body(["amount": nil]), "4003702", "Invalid Mandatory Field amount")
        try assertCode(body(["amount": #"{"currency":"IDR"}"#]), "4003702", "Invalid Mandatory Field amount.value")
        try assertCode(body(["amount": #"{"value":"1.00"}"#]), "4003702", "Invalid Mandatory Field amount.currency")
        try assertCode(body(["additionalInfo": nil]), "4003702", "Invalid Mandatory Field additionalInfo.fundType")
        try assertCode(body(["additionalInfo": "{}"]), "4003702", "Invalid Mandatory Field additionalInfo.fundType")
        try assertCode(body(["customerNumber": "null"]), "4003702", "Invalid Mandatory Field customerNumber")
    }

    func testBadFormats_Are4003701_NamingTheField() throws {
        for value in [#""10000""#, #""1e4""#, #""10.5""#, #""-1.00""#, "10000.00", #""01.00""#, #""12345678901234567.00""#] {
            try assertCode(body(["amount": #"{"value":\#(value),"currency":"IDR"}"#]), "4003701", "Invalid Field Format amount.value")
        }
        try assertCode(body(["amount": #"{"value":"1.00","currency":"USD"}"#]), "4003701", "Invalid Field Format amount.currency")
        try assertCode(body(["customerNumber": #""0811742234""#]), "4003701", "Invalid Field Format customerNumber")
        try assertCode(body(["customerNumber": #""6281174223412345678901234567890123""#]), "4003701", "Invalid Field Format customerNumber")
        try assertCode(body(["customerNumber": "62811742234"]), "4003701", "Invalid Field Format customerNumber")
        try assertCode(body(["partnerReferenceNo": "\"\(String(repeating: "r", count: 65))\""]), "4003701", "Invalid Field Format partnerReferenceNo")
        try assertCode(body(["transactionDate": #""21-12-2020""#]), "4003701", "Invalid Field Format transactionDate")
        try assertCode(body(["additionalInfo": #"{"fundType":"TOPUP"}"#]), "4003701", "Invalid Field Format additionalInfo.fundType")
        try assertCode(body(["amount": #""1.00""#]), "4003701", "Invalid Field Format amount")
    }

    func testLongExternalID_Is4003701() throws {
        let (_, json) = try send(body(), externalID: String(repeating: "x", count: 37))
        XCTAssertEqual(json["responseMessage"]?.stringValue, "Invalid Field Format X-EXTERNAL-ID")
    }

    func testBodyThatIsNotJSON_Is4003700() throws {
        try assertCode("customerNumber=62811742234", "4003700", "Bad Request")
    }
}
