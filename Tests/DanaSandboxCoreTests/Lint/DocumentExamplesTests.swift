import Foundation
import XCTest
import SandboxHTTP
import SandboxTestSupport
@testable import DanaSandboxCore
@testable import SandboxJSON
@testable import SandboxCrypto
@testable import SandboxSupport
@testable import DanaSandboxAPIs

/// The example requests of documents 000, 001, 002 and 004 (docs/api-documents.md), sent as
/// printed, succeed with no lint finding, leniently and in strict mode. Only the timestamps are
/// refreshed, the signatures made (demo key; for 001 the HMAC of its B2B token with its partner's
/// secret), and the documents' `x…` placeholders filled with the seed's values.
final class DocumentExamplesTests: XCTestCase {
    /// Sends `make()` to a fresh sandbox in each mode and checks the answer.
    private func inBothModes(_ make: (SandboxHarness) throws -> HTTPRequest, check: (JSONValue, String) -> Void) throws {
        for strict in [false, true] {
            let harness = try SandboxHarness { $0.strict = strict }
            let response = harness.send(try make(harness))
            let mode = strict ? "strict" : "lenient"
            XCTAssertNil(response.headers["X-Sandbox-Lint"], "\(mode): \(response.headers["X-Sandbox-Lint"] ?? "")")
            check(try JSONScanner.parse(response.body), mode)
        }
    }

    func test000_QueryUserProfile() throws {
        try inBothModes({ harness in
            let text = """
            {"head":{"version":"2.0","function":"dana.member.query.queryUserProfile","clientId":"2014000014442","clientSecret":"2014000014442",\
            "reqTime":"\(harness.clock.jakarta)","reqMsgId":"1234567asdfasdf1123fda","accessToken":"fa8sjjEj813Y9JGoqwOeOPWbnt4CUpvIJbU1mMU4a11MNDZ7Sg5u9a",\
            "reserve":"{}"},"body":{"userResources":["BALANCE","TOPUP_URL","OTT"]}}
            """
            return try SignedRequest.openAPI(path: QueryUserProfileHandler.path, requestText: text)
        }) { json, mode in
            XCTAssertEqual(json.value(atPath: "response.body.resultInfo.resultCode")?.stringValue, "SUCCESS", mode)
            XCTAssertEqual(json.value(atPath: "response.body.userResourceInfos")?.arrayValue?.count, 3, mode)
        }
    }

    func test001_AccountInquiry_CompleteExample_WithItsPartnerAndTokens() throws {
        try inBothModes({ harness in
            let timestamp = harness.clock.jakarta
            let body = """
            {
            "partnerReferenceNo": "{reqMsgId/partner unique request id}",
            "customerNumber": "62810987654321",
            "amount": {
            "value": "10000.00",
            "currency": "IDR"
            },
            "transactionDate": "\(timestamp)",
            "additionalInfo": {
            "fundType": "AGENT_TOPUP_FOR_USER_CLEARING",
            "accessToken" : "fa8sjjEj813Y9JGoqwOeOPWbnt4CUpvIJbU1mMU4a11MNDZ7Sg5u9a"
            }
            }
            """
            let token = "gp9HjjEj813Y9JGoqwOeOPWbnt4CUpvIJbU1mMU4a11MNDZ7Sg5u9a"
            let stringToSign = "POST:/v1.0/emoney/account-inquiry.htm:\(token):\(SHA256.hexDigest(Array(body.utf8))):\(timestamp)"
            let mac = try Shell.run("/usr/bin/openssl", ["dgst", "-sha512", "-hmac", "7c4e1a9b2f83d6054e9ab17c3d28f6e1", "-binary"], input: Array(stringToSign.utf8))
            var headers = HTTPHeaders()
            for (name, value) in [
                ("Content-type", "application/json"), ("Authorization", "Bearer \(token)"),
                ("Authorization-Customer", "Bearer fa8sjjEj813Y9JGoqwOeOPWbnt4CUpvIJbU1mMU4a11MNDZ7Sg5u9a"), ("X-TIMESTAMP", timestamp),
                ("X-SIGNATURE", Data(mac).base64EncodedString()), ("ORIGIN", "www.hostname.com"), ("X-PARTNER-ID", "82150823919040624621823174737537"),
                ("X-EXTERNAL-ID", "41807553358950093184162180797837"), ("X-IP-ADDRESS", "172.24.281.24"), ("X-DEVICE-ID", "09864ADCASA"), ("CHANNEL-ID", "95221"),
            ] { headers.add(name, value) }
            return HTTPRequest(method: .post, target: "/v1.0/emoney/account-inquiry.htm", headers: headers, body: Array(body.utf8))
        }) { json, mode in
            XCTAssertEqual(json["responseCode"]?.stringValue, "2003700", "\(mode): \(json.text)")
            XCTAssertEqual(json["customerNumber"]?.stringValue, "62810987654321", mode)
            XCTAssertEqual(json["partnerReferenceNo"]?.stringValue, "{reqMsgId/partner unique request id}", mode)
        }
    }

    func test002_QueryMerchantResource() throws {
        try inBothModes({ harness in
            let text = """
            {"head":{"version":"2.0","function":"dana.merchant.queryMerchantResource","clientId":"2014000014442","clientSecret":"2014000014442",\
            "reqTime":"\(harness.clock.jakarta)","reqMsgId":"1234567asdfasdf1123fda","reserve":"{}"},\
            "body":{"requestMerchantId":"216620000097087957144","merchantResourceInfoList":["MERCHANT_DEPOSIT_BALANCE"]}}
            """
            return try SignedRequest.openAPI(path: QueryMerchantResourceHandler.path, requestText: text)
        }) { json, mode in
            XCTAssertEqual(json.value(atPath: "response.body.resultInfo.resultCode")?.stringValue, "SUCCESS", mode)
        }
    }

    func test004_QuerySubscriptionTransactions() throws {
        try inBothModes({ harness in
            let body = DocumentExample.querySubscriptionTransactionsRequest
            return try SignedRequest.paylabs(sentBody: body, timestamp: SignatureTimestamp.jakarta(harness.clock.now, milliseconds: true))
        }) { json, mode in
            XCTAssertEqual(json["errCode"]?.stringValue, "0", mode)
            XCTAssertEqual(json["paymentInfo"]?.arrayValue?.count, 10, mode)
        }
    }
}
