import Foundation
import XCTest
import SandboxHTTP
import SandboxTestSupport
@testable import DanaSandboxCore
@testable import SandboxJSON
@testable import SandboxSupport
@testable import DanaSandboxAPIs

/// `POST /sandbox/fixtures`, read back and removed: every field's rule, all or nothing.
final class FixturesTests: XCTestCase {
    private var harness: SandboxHarness!

    override func setUpWithError() throws {
        harness = try SandboxHarness()
    }

    private func post(_ body: String, session: String? = nil) -> (status: Int, json: JSONValue) {
        var request = HTTPRequest(method: .post, target: "/sandbox/fixtures", body: Array(body.utf8))
        if let session { request.headers.add("X-Sandbox-Session", session) }
        let response = harness.send(request)
        return (response.status.code, (try? JSONScanner.parse(response.body)) ?? .null)
    }

    private func get(_ path: String) -> (status: Int, json: JSONValue) {
        let response = harness.send(HTTPRequest(method: .get, target: path))
        return (response.status.code, (try? JSONScanner.parse(response.body)) ?? .null)
    }

    func testTheIssuesExample_IsWritten_AndWorksAtOnce() throws {
        // when
        let (status, answer) = post(#"{"users":[{"customerNumber":"6281200000001","name":"Sari Dewi","status":"FROZEN"}],"customerTokens":[{"token":"tok-sari","customerNumber":"6281200000001","clientId":"2014000014442","scopes":["BALANCE","FULLNAME"]}]}"#)
        // then: what was written, defaults filled in
        XCTAssertEqual(status, 200, answer.text)
        XCTAssertEqual(answer.value(atPath: "written.users")?.arrayValue?.first?["name"]?.stringValue, "Sari Dewi")
        XCTAssertEqual(answer.value(atPath: "written.users")?.arrayValue?.first?["status"]?.stringValue, "FROZEN")
        XCTAssertEqual(answer.value(atPath: "written.users")?.arrayValue?.first?["monthlyInLimit"], .fields(["value": "10000000.00", "currency": "IDR"]))
        XCTAssertEqual(answer.value(atPath: "written.customerTokens")?.arrayValue?.first?["scopes"], .array(["BALANCE", "FULLNAME"]))
        // and the APIs answer from it
        let text = SignedRequest.openAPIRequestText(function: QueryUserProfileHandler.function, body: #"{"userResources":["BALANCE"]}"#, reqTime: harness.clock.jakarta, accessToken: "tok-sari")
        XCTAssertEqual(try harness.json(try SignedRequest.openAPI(path: QueryUserProfileHandler.path, requestText: text)).value(atPath: "response.body.resultInfo.resultCode")?.stringValue, "USER_STATUS_ABNORMAL")
    }

    func testEveryKind_IsWritten_ReadBack_AndRemoved() throws {
        let (status, answer) = post("""
        {"partners":[{"clientId":"3000000000009","topupMax":{"value":"500000.00","currency":"IDR"}}],
         "merchants":[{"merchantId":"216620000000000000009","clientId":"3000000000009","totalBalance":{"value":"12.34","currency":"IDR"}}],
         "paylabsMerchants":[{"merchantId":"020009"}],
         "stores":[{"storeId":"store-9","merchantId":"020009"}],
         "subscriptions":[{"subscriptionId":"SUB-9","merchantId":"020009","storeId":"store-9","paymentType":"DynamicDanaSub"}],
         "transactions":[{"platformTradeNo":"T9","subscriptionId":"SUB-9","successTime":"20261201093000","status":"09","feeRate":0.015}]}
        """)
        XCTAssertEqual(status, 200, answer.text)
        XCTAssertEqual(get("/sandbox/fixtures/partners/3000000000009").json["topupMax"], .fields(["value": "500000.00", "currency": "IDR"]))
        XCTAssertEqual(get("/sandbox/fixtures/merchants/216620000000000000009").json["totalBalance"]?["value"]?.stringValue, "12.34")
        XCTAssertEqual(get("/sandbox/fixtures/paylabsMerchants/020009").status, 200)
        XCTAssertEqual(get("/sandbox/fixtures/stores/store-9").json["merchantId"]?.stringValue, "020009")
        XCTAssertEqual(get("/sandbox/fixtures/subscriptions/SUB-9").json["paymentType"]?.stringValue, "DynamicDanaSub")
        XCTAssertEqual(get("/sandbox/fixtures/transactions/T9").json["status"]?.stringValue, "09")
        XCTAssertTrue((get("/sandbox/fixtures/users").json["users"]?.arrayValue?.count ?? 0) > 3, "the seed's users are listed too")
        XCTAssertEqual(get("/sandbox/fixtures/partners/010001").status, 404, "partners are DANA's; Paylabs merchants are paylabsMerchants")
        // a store still used by a subscription cannot go; the transaction can
        XCTAssertEqual(harness.send(HTTPRequest(method: .delete, target: "/sandbox/fixtures/stores/store-9")).status.code, 409)
        XCTAssertEqual(harness.send(HTTPRequest(method: .delete, target: "/sandbox/fixtures/transactions/T9")).status.code, 200)
        XCTAssertEqual(get("/sandbox/fixtures/transactions/T9").status, 404)
        XCTAssertEqual(harness.send(HTTPRequest(method: .delete, target: "/sandbox/fixtures/transactions/T9")).status.code, 404)
        XCTAssertEqual(get("/sandbox/fixtures/nothing").status, 404)
    }

    func testEveryBadField_IsA400NamingIt_AndNothingIsHalfWritten() {
        let cases: [(String, String)] = [
            (#"[]"#, "body: a JSON object of fixture kinds"),
            (#"{"people":[]}"#, "people: not a fixture kind"),
            (#"{"users":{}}"#, "users: an array of users"),
            (#"{"users":[1]}"#, "users[0]: an object"),
            (#"{"users":[{}]}"#, "users[0].customerNumber: required"),
            (#"{"users":[{"customerNumber":"0811"}]}"#, "users[0].customerNumber: 4 to 32 digits starting with 628"),
            (#"{"users":[{"customerNumber":"6281","nmae":"x"}]}"#, "users[0].nmae: not a field; the fields are customerNumber"),
            (#"{"users":[{"customerNumber":"6281","status":"ASLEEP"}]}"#, #"users[0].status: one of ACTIVE, FROZEN, not "ASLEEP""#),
            (#"{"users":[{"customerNumber":"6281","balance":"100"}]}"#, "users[0].balance: money"),
            (#"{"users":[{"customerNumber":"6281","balance":{"value":"1.00","currency":"USD"}}]}"#, "users[0].balance.currency: IDR"),
            (#"{"users":[{"customerNumber":"6281","kyc":"01"}]}"#, "users[0].kyc: one of 00, 02"),
            (#"{"users":[{"customerNumber":"6281","ktpNumber":"12"}]}"#, "users[0].ktpNumber: a string of exactly 16 characters"),
            (#"{"users":[{"customerNumber":"6281","danaId":"abc"}]}"#, "users[0].danaId"),
            (#"{"users":[{"customerNumber":"6281","name":""}]}"#, "users[0].name: a string of 1 to 128 characters"),
            (#"{"customerTokens":[{"token":"t","customerNumber":"6289999999"}]}"#, "customerTokens[0].customerNumber: the customer number of a user"),
            (#"{"customerTokens":[{"token":"t","customerNumber":"62811742234","scopes":["EVERYTHING"]}]}"#, "customerTokens[0].scopes: a non-empty list of *, BALANCE"),
            (#"{"customerTokens":[{"token":"t","customerNumber":"62811742234","expiresAt":"tomorrow"}]}"#, "customerTokens[0].expiresAt: a time"),
            (#"{"customerTokens":[{"token":"t","customerNumber":"62811742234","clientId":"010001"}]}"#, "customerTokens[0].clientId: the clientId of a DANA partner"),
            (#"{"partners":[{"clientId":"x","publicKey":"nope"}]}"#, "partners[0].publicKey: an RSA public key in PEM"),
            (#"{"merchants":[{"merchantId":"m","clientId":"nobody"}]}"#, "merchants[0].clientId: the clientId of a DANA partner"),
            (#"{"stores":[{"storeId":"s","merchantId":"2014000014442"}]}"#, "stores[0].merchantId: the merchantId of a Paylabs merchant"),
            (#"{"subscriptions":[{"subscriptionId":"s","paymentType":"Monthly"}]}"#, "subscriptions[0].paymentType: one of StaticDanaSub, DynamicDanaSub"),
            (#"{"subscriptions":[{"subscriptionId":"s","storeId":"nowhere"}]}"#, "subscriptions[0].storeId: the storeId of a Paylabs store"),
            (#"{"transactions":[{"platformTradeNo":"t","subscriptionId":"none"}]}"#, "transactions[0].subscriptionId: the subscriptionId of a subscription"),
            (#"{"transactions":[{"platformTradeNo":"t","subscriptionId":"PY-1761114620.5313134","successTime":"2026-12-01"}]}"#, "transactions[0].successTime: a string of exactly 14 characters"),
            (#"{"transactions":[{"platformTradeNo":"t","subscriptionId":"PY-1761114620.5313134","feeRate":2}]}"#, "transactions[0].feeRate: a number from 0.0 to 1.0"),
            (#"{"transactions":[{"platformTradeNo":"t","subscriptionId":"PY-1761114620.5313134","status":"03"}]}"#, "transactions[0].status: one of 01, 02, 09"),
            (#"{"merchants":[{"merchantId":"m","status":"FROZEN","availableBalance":{"value":"-1.00","currency":"IDR"}}]}"#, "merchants[0].availableBalance: money"),
            (#"{"paylabsMerchants":[{"merchantId":"012345678901234567890"}]}"#, "paylabsMerchants[0].merchantId: a string of 1 to 20 characters"),
        ]
        for (body, message) in cases {
            let (status, answer) = post(body)
            XCTAssertEqual(status, 400, body)
            XCTAssertTrue(answer["message"]?.stringValue?.contains(message) == true, "\(body): \(answer.text)")
        }
        // nothing half-written: a valid user in the same request as a bad token
        let (status, _) = post(#"{"users":[{"customerNumber":"6281200000077"}],"customerTokens":[{"token":"t","customerNumber":"6289999999"}]}"#)
        XCTAssertEqual(status, 400)
        XCTAssertEqual(get("/sandbox/fixtures/users/6281200000077").status, 404)
    }

    func testFixturesFile_LoadsAtStart_AndSurvivesAReset() throws {
        let folder = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("team.json")
        try Data(#"{"users":[{"customerNumber":"6281200000055","name":"Tim Fixture"}]}"#.utf8).write(to: file)
        harness = try SandboxHarness { $0.fixtures = [file.path] }
        XCTAssertEqual(get("/sandbox/fixtures/users/6281200000055").json["name"]?.stringValue, "Tim Fixture")
        _ = harness.send(HTTPRequest(method: .post, target: "/sandbox/reset"))
        XCTAssertEqual(get("/sandbox/fixtures/users/6281200000055").status, 200)
        // a bad file fails start-up naming the file and the field
        try Data(#"{"users":[{"customerNumber":"12"}]}"#.utf8).write(to: file)
        XCTAssertThrowsError(try SandboxHarness { $0.fixtures = [file.path] }) { error in
            XCTAssertEqual((error as? StartupError)?.message, "fixtures \(file.path): users[0].customerNumber: a string of 4 to 32 characters, not \"12\"")
        }
    }
}
