import Synchronization
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

/// Scenarios applied by the real router: activation, matching, times, sessions, every respond kind.
final class ScenarioBehaviourTests: XCTestCase {
    private var harness: SandboxHarness!
    private let inquiryBody = #"{"customerNumber":"62811742234","amount":{"value":"1.00","currency":"IDR"},"additionalInfo":{"fundType":"AGENT_TOPUP_FOR_USER_SETTLE"}}"#

    override func setUpWithError() throws {
        harness = try SandboxHarness()
    }

    private func inquiry(scenario: String? = nil, session: String? = nil, body: String? = nil, partner: String = "2014000014442") throws -> HTTPRequest {
        var headers: [(String, String)] = []
        if let scenario { headers.append(("X-Sandbox-Scenario", scenario)) }
        if let session { headers.append(("X-Sandbox-Session", session)) }
        return try SignedRequest.snap(sentBody: body ?? inquiryBody, partner: partner, timestamp: harness.clock.jakarta, headers: headers)
    }

    private func code(_ request: HTTPRequest) throws -> String? {
        try harness.json(request)["responseCode"]?.stringValue
    }

    func testHeaderActivation_AffectsThatRequestAlone() throws {
        XCTAssertEqual(try code(inquiry(scenario: "account-inquiry/do-not-honor")), "4033705")
        XCTAssertEqual(try code(inquiry()), "2003700")
    }

    func testForcedCode_HasItsDocumentedMessageAndStatus_AndIsAnnotated() throws {
        let reply = harness.router.handle(try inquiry(scenario: "account-inquiry/too-many-requests"))
        guard case .annotated(let annotations, .respond(let response)) = reply else { return XCTFail("expected an annotated response") }
        XCTAssertEqual(annotations["scenario"], "account-inquiry/too-many-requests")
        XCTAssertEqual(response.status.code, 429)
        XCTAssertEqual(try JSONScanner.parse(response.body), .fields(["responseCode": "4293700", "responseMessage": "Too Many Requests"]))
    }

    func testTimes_ThenFallThroughToNormalBehaviour() throws {
        let drill = "drills/account-inquiry/fails-twice-then-succeeds"
        XCTAssertEqual(try [1, 2, 3, 4].map { _ in try code(inquiry(scenario: drill, session: "s")) }, ["5003701", "5003701", "2003700", "2003700"])
    }

    func testSessions_HaveTheirOwnCounters() throws {
        let drill = "drills/account-inquiry/fails-twice-then-succeeds"
        XCTAssertEqual(try code(inquiry(scenario: drill, session: "a")), "5003701")
        XCTAssertEqual(try code(inquiry(scenario: drill, session: "b")), "5003701")
        XCTAssertEqual(try code(inquiry(scenario: drill, session: "a")), "5003701")
        XCTAssertEqual(try code(inquiry(scenario: drill, session: "a")), "2003700")
        XCTAssertEqual(try code(inquiry(scenario: drill, session: "b")), "5003701")
    }

    func testGlobalActivationChanges_DoNotResetSessionCounters() throws {
        let drill = "drills/account-inquiry/fails-twice-then-succeeds"
        XCTAssertEqual(try code(inquiry(scenario: drill, session: "mine")), "5003701")
        XCTAssertEqual(try code(inquiry(scenario: drill, session: "mine")), "5003701")
        // another test changes the global activation meanwhile
        _ = harness.send(HTTPRequest(method: .delete, target: "/sandbox/scenarios/active"))
        _ = harness.send(HTTPRequest(method: .post, target: "/sandbox/scenarios/reload"))
        XCTAssertEqual(try code(inquiry(scenario: drill, session: "mine")), "2003700")
    }

    func testMatch_OnBodyAndHeader_FallsThroughWhenEitherDiffers() throws {
        let drill = "drills/account-inquiry/frozen-payee-twice"
        let frozenBody = inquiryBody.replacingOccurrences(of: "62811742234", with: "628123456667")
        try harness.sql("UPDATE users SET status = 'ACTIVE' WHERE customer_number = '628123456667'")
        XCTAssertEqual(try code(inquiry(scenario: drill, body: frozenBody, partner: "82150823919040624621823174737537")), "2003700", "other X-PARTNER-ID")
        XCTAssertEqual(try code(inquiry(scenario: drill)), "2003700", "other customerNumber")
        XCTAssertEqual(try code(inquiry(scenario: drill, body: frozenBody)), "4033705")
    }

    func testGlobalActivation_PutListAndDelete() throws {
        // when
        let put = harness.send(HTTPRequest(method: .put, target: "/sandbox/scenarios/active", body: Array(#"{"names":["account-inquiry/general-error"]}"#.utf8)))
        // then
        XCTAssertEqual(try JSONScanner.parse(put.body), .fields(["active": .array(["account-inquiry/general-error"])]))
        XCTAssertEqual(try code(inquiry()), "5003700")
        let list = try harness.json(HTTPRequest(method: .get, target: "/sandbox/scenarios"))
        XCTAssertEqual(list["active"], .array(["account-inquiry/general-error"]))
        let entry = list["scenarios"]?.arrayValue?.first { $0["name"]?.stringValue == "account-inquiry/general-error" }
        XCTAssertEqual(entry?["active"], .bool(true))
        XCTAssertEqual(entry?["endpoints"], .array(["account-inquiry"]))
        XCTAssertEqual(list["scenarios"]?.arrayValue?.count, harness.application.scenarios.scenarios.count)
        _ = harness.send(HTTPRequest(method: .delete, target: "/sandbox/scenarios/active"))
        XCTAssertEqual(try code(inquiry()), "2003700")
    }

    func testActivatingAnUnknownScenario_IsRefused_SuggestingNeighbours() throws {
        let response = harness.send(HTTPRequest(method: .put, target: "/sandbox/scenarios/active", body: Array(#"{"names":["account-inquiry/do-not-honour"]}"#.utf8)))
        XCTAssertEqual(response.status.code, 400)
        let message = try XCTUnwrap(try JSONScanner.parse(response.body)["message"]?.stringValue)
        XCTAssertTrue(message.hasPrefix("unknown scenario 'account-inquiry/do-not-honour'; in account-inquiry/: account-inquiry/bad-request,"), message)
        XCTAssertTrue(message.contains("account-inquiry/do-not-honor"), message)
    }

    func testUnknownScenarioInTheHeader_Is400() throws {
        let response = harness.send(try inquiry(scenario: "nope"))
        XCTAssertEqual(response.status.code, 400)
        XCTAssertTrue(String(decoding: response.body, as: UTF8.self).contains("unknown scenario 'nope' in X-Sandbox-Scenario"))
    }

    func testReset_RestoresStartActivation_AndCounters() throws {
        harness = try SandboxHarness { $0.activeScenarios = ["drills/account-inquiry/fails-twice-then-succeeds"] }
        XCTAssertEqual(try code(inquiry()), "5003701")
        _ = harness.send(HTTPRequest(method: .put, target: "/sandbox/scenarios/active", body: Array(#"{"names":[]}"#.utf8)))
        XCTAssertEqual(try code(inquiry()), "2003700")
        // when
        _ = harness.send(HTTPRequest(method: .post, target: "/sandbox/reset"))
        // then: --scenario active again, with its two failures
        XCTAssertEqual(try [1, 2, 3].map { _ in try code(inquiry()) }, ["5003701", "5003701", "2003700"])
    }

    func testDelay_DelaysTheReply() throws {
        let reply = harness.router.handle(try inquiry(scenario: "drills/account-inquiry/slow"))
        guard case .annotated(_, .delayed(let milliseconds, .respond(let response))) = reply else { return XCTFail("expected a delayed response, got \(reply)") }
        XCTAssertEqual(milliseconds, 7000)
        XCTAssertEqual(try JSONScanner.parse(response.body)["responseCode"]?.stringValue, "2003700")
    }

    func testForcedOpenAPICode_IsSignedInTheRealEnvelope() throws {
        let text = SignedRequest.openAPIRequestText(function: QueryMerchantResourceHandler.function, body: #"{"requestMerchantId":"216620000097087957144","merchantResourceInfoList":["MERCHANT_TOTAL_BALANCE"]}"#, reqTime: harness.clock.jakarta)
        var request = try SignedRequest.openAPI(path: QueryMerchantResourceHandler.path, requestText: text)
        request.headers.add("X-Sandbox-Scenario", "query-merchant-resource/system-error")
        let response = harness.send(request)
        let json = try JSONScanner.parse(response.body)
        XCTAssertEqual(json.value(atPath: "response.body.resultInfo"), .fields(["resultStatus": "U", "resultCodeId": "00000900", "resultCode": "SYSTEM_ERROR", "resultMsg": "system error"]))
        XCTAssertEqual(json.value(atPath: "response.head.reqMsgId")?.stringValue, "1234567asdfasdf1123fda")
        let spans = try JSONScanner.topLevelMembers(response.body)
        XCTAssertTrue(harness.application.signer.dana.publicKey.verify(signature: Array(Data(base64Encoded: json["signature"]!.stringValue!)!), message: Array(response.body[spans[0].valueRange])))
    }

    func testForcedPaylabsCode_EchoesTheRequest_AndIsSigned() throws {
        let body = #"{"merchantId":"010001","requestId":"forced-1","paymentType":"StaticDanaSub","merchantSubId":"PY-1761114620.5313134"}"#
        var request = try SignedRequest.paylabs(sentBody: body, timestamp: harness.clock.jakarta)
        request.headers.add("X-Sandbox-Scenario", "query-subscription-transactions/system-timeout")
        let response = harness.send(request)
        XCTAssertEqual(try JSONScanner.parse(response.body), .fields([
            "merchantId": "010001", "requestId": "forced-1", "errCode": "systemTimeout", "errCodeDes": "Execution timeout", "paymentType": "StaticDanaSub",
        ]))
        let stringToSign = "POST:/dana/v1/sub/querysubtrans:\(SHA256.hexDigest(response.body)):\(response.headers["X-TIMESTAMP"]!)"
        XCTAssertTrue(harness.application.signer.paylabs.publicKey.verify(signature: Array(Data(base64Encoded: response.headers["X-SIGNATURE"]!)!), message: Array(stringToSign.utf8)))
    }

    func testTheList_ShowsEachRule_AndHowOftenItAnswered_UntilAReset() throws {
        _ = harness.send(HTTPRequest(method: .put, target: "/sandbox/scenarios/active", body: Array(#"{"names":["account-inquiry/do-not-honor"]}"#.utf8)))
        XCTAssertEqual(try code(inquiry()), "4033705")
        XCTAssertEqual(try code(inquiry()), "4033705")
        func rule() throws -> JSONValue? {
            let list = try harness.json(HTTPRequest(method: .get, target: "/sandbox/scenarios"))
            return list["scenarios"]?.arrayValue?.first { $0["name"]?.stringValue == "account-inquiry/do-not-honor" }?["ruleDetails"]?.arrayValue?.first
        }
        XCTAssertEqual(try rule()?["endpoint"]?.stringValue, "account-inquiry")
        XCTAssertEqual(try rule()?["respond"]?.stringValue, "code 4033705")
        XCTAssertEqual(try rule()?["hits"]?.numberLexeme, "2")
        _ = harness.send(HTTPRequest(method: .post, target: "/sandbox/reset"))
        XCTAssertEqual(try rule()?["hits"]?.numberLexeme, "0")
    }

    func testABrokenReload_IsListedWithItsProblems_UntilAGoodOne() throws {
        let folder = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("mine.json")
        try #"{"rules":[{"endpoint":"account-inquiry","match":{"body.amount.value":"1.00"},"times":2,"respond":{"resultCode":"4033705"}}]}"#.write(to: file, atomically: true, encoding: .utf8)
        harness = try SandboxHarness { $0.scenarios = folder.path; $0.explicitlySet.insert("scenarios") }
        let listed = try harness.json(HTTPRequest(method: .get, target: "/sandbox/scenarios"))
        XCTAssertNil(listed["reloadProblems"])
        let rule = listed["scenarios"]?.arrayValue?.first?["ruleDetails"]?.arrayValue?.first
        XCTAssertEqual(rule?["match"], .fields(["body.amount.value": "\"1.00\""]))
        XCTAssertEqual(rule?["times"]?.numberLexeme, "2")

        try #"{"rules":["#.write(to: file, atomically: true, encoding: .utf8)
        _ = harness.send(HTTPRequest(method: .post, target: "/sandbox/scenarios/reload"))
        let broken = try harness.json(HTTPRequest(method: .get, target: "/sandbox/scenarios"))
        XCTAssertEqual(broken["reloadProblems"]?.arrayValue?.count, 1)
        XCTAssertTrue(broken["reloadProblems"]?.arrayValue?.first?.stringValue?.hasPrefix(file.path) == true)
        XCTAssertEqual(broken["scenarios"]?.arrayValue?.count, 1, "the previous set stays")

        try #"{"rules":[{"endpoint":"account-inquiry","respond":{"resultCode":"4033705"}}]}"#.write(to: file, atomically: true, encoding: .utf8)
        _ = harness.send(HTTPRequest(method: .post, target: "/sandbox/scenarios/reload"))
        XCTAssertNil(try harness.json(HTTPRequest(method: .get, target: "/sandbox/scenarios"))["reloadProblems"])
    }

    func testRawResponse_IsSentAsWritten() throws {
        let folder = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try #"{"rules":[{"endpoint":"*","respond":{"status":503,"headers":{"Retry-After":"2"},"body":"maintenance"}}]}"#.write(to: folder.appendingPathComponent("busy.json"), atomically: true, encoding: .utf8)
        harness = try SandboxHarness { $0.scenarios = folder.path; $0.explicitlySet.insert("scenarios") }
        let response = harness.send(try inquiry(scenario: "busy"))
        XCTAssertEqual(response.status.code, 503)
        XCTAssertEqual(response.headers["Retry-After"], "2")
        XCTAssertEqual(String(decoding: response.body, as: UTF8.self), "maintenance")
    }

    func testHotReload_PicksUpEdits_AndABrokenEditKeepsTheOldSet() throws {
        // given
        let folder = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("mine.json")
        try #"{"rules":[{"endpoint":"account-inquiry","respond":{"resultCode":"4033705"}}]}"#.write(to: file, atomically: true, encoding: .utf8)
        harness = try SandboxHarness { $0.scenarios = folder.path; $0.explicitlySet.insert("scenarios") }
        XCTAssertEqual(try code(inquiry(scenario: "mine")), "4033705")
        // when: edited, then reloaded
        try #"{"rules":[{"endpoint":"account-inquiry","respond":{"resultCode":"4293700"}}]}"#.write(to: file, atomically: true, encoding: .utf8)
        let reloaded = harness.send(HTTPRequest(method: .post, target: "/sandbox/scenarios/reload"))
        XCTAssertEqual(reloaded.status.code, 200)
        XCTAssertEqual(try code(inquiry(scenario: "mine")), "4293700")
        // when: a broken edit
        try #"{"rules":[{"endpoint":"account-inquiry","respond":{"resultCode":"123"}}]}"#.write(to: file, atomically: true, encoding: .utf8)
        let refused = harness.send(HTTPRequest(method: .post, target: "/sandbox/scenarios/reload"))
        // then: refused with why, the previous set still in use
        XCTAssertEqual(refused.status.code, 422)
        let problems = try JSONScanner.parse(refused.body)["problems"]?.arrayValue?.compactMap(\.stringValue) ?? []
        XCTAssertEqual(problems.count, 1)
        XCTAssertTrue(problems[0].hasPrefix("\(file.path): rules[0].respond.resultCode: '123' is not a documented code of account-inquiry"), problems[0])
        XCTAssertEqual(try code(inquiry(scenario: "mine")), "4293700")
        XCTAssertTrue(harness.logLines.all.contains { $0.contains("scenario reload failed; keeping the previous scenarios") })
    }

    func testWatcher_ReloadsAChangedFolderByItself() throws {
        // given
        let folder = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        harness = try SandboxHarness { $0.scenarios = folder.path; $0.explicitlySet.insert("scenarios") }
        harness.application.scenarios.watch(every: .milliseconds(20))
        // when
        try #"{"rules":[{"endpoint":"account-inquiry","respond":{"resultCode":"4293700"}}]}"#.write(to: folder.appendingPathComponent("new.json"), atomically: true, encoding: .utf8)
        // then: wait for the reload's own log line, not for a guessed time
        let deadline = Date().addingTimeInterval(10)
        while !harness.logLines.all.contains(where: { $0.contains("scenarios reloaded") }) && Date() < deadline {
            RunLoop.current.run(until: Date().addingTimeInterval(0.01))
        }
        XCTAssertEqual(try code(inquiry(scenario: "new")), "4293700")
    }

    func testConcurrentRequests_SeeOnlyTheirOwnScenariosAndCounters() throws {
        // given: twenty parallel "tests", each with its own session, beside plain traffic
        let drill = "drills/account-inquiry/fails-twice-then-succeeds"
        let requests: [[HTTPRequest]] = try (0..<20).map { session in
            try (0..<3).map { _ in try inquiry(scenario: drill, session: "session-\(session)") }
        }
        let plain = try (0..<20).map { _ in try inquiry() }
        let router = harness.router
        let results = Mutex<[Int: [String]]>([:])
        let plainCodes = Mutex<[String]>([])
        // when
        DispatchQueue.concurrentPerform(iterations: 40) { index in
            if index < 20 {
                let codes = requests[index].map { request -> String in
                    var reply = router.handle(request)
                    if case .annotated(_, let inner) = reply { reply = inner }
                    guard case .respond(let response) = reply else { return "no response" }
                    return (try? JSONScanner.parse(response.body)["responseCode"]?.stringValue) ?? "?"
                }
                results.withLock { $0[index] = codes }
            } else if case .respond(let response) = Self.unannotated(router.handle(plain[index - 20])) {
                let code = (try? JSONScanner.parse(response.body)["responseCode"]?.stringValue) ?? "?"
                plainCodes.withLock { $0.append(code) }
            }
        }
        // then
        XCTAssertEqual(results.withLock { $0.count }, 20)
        for (session, codes) in results.withLock({ $0 }) {
            XCTAssertEqual(codes, ["5003701", "5003701", "2003700"], "session \(session)")
        }
        XCTAssertEqual(plainCodes.withLock { $0 }, Array(repeating: "2003700", count: 20))
    }

    /// The reply inside any annotations (a lint finding or a scenario's).
    private static func unannotated(_ reply: Reply) -> Reply {
        if case .annotated(_, let inner) = reply { return unannotated(inner) }
        return reply
    }
}
