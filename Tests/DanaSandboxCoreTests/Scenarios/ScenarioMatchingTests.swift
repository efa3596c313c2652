import Foundation
import XCTest
import SandboxHTTP
import SandboxTestSupport
@testable import DanaSandboxCore
@testable import SandboxJSON
@testable import SandboxSupport
@testable import DanaSandboxAPIs

/// Scenarios that cannot hide a bug: they apply after authentication unless they say otherwise,
/// every response to a request naming them says what applied, and matchers beyond equality.
final class ScenarioMatchingTests: XCTestCase {
    private var folder: URL!
    private var harness: SandboxHarness!

    override func setUpWithError() throws {
        folder = try Repository.temporaryDirectory()
        try write("forced", #"{"rules":[{"endpoint":"account-inquiry","respond":{"resultCode":"4033705"}}]}"#)
        try write("early", #"{"rules":[{"endpoint":"account-inquiry","beforeAuth":true,"respond":{"resultCode":"5003701"}}]}"#)
        try write("other-endpoint", #"{"rules":[{"endpoint":"b2b-token","respond":{"resultCode":"5007301"}}]}"#)
        try write("once", #"{"rules":[{"endpoint":"account-inquiry","times":1,"respond":{"resultCode":"4033705"}}]}"#)
        try write("big-amounts", #"{"rules":[{"endpoint":"account-inquiry","match":{"body.amount.value":{"gte":"1000000.00","lt":"5000000.00"}},"respond":{"resultCode":"4033702"}}]}"#)
        try write("matchers", """
        {"rules":[
          {"endpoint":"account-inquiry","match":{"body.partnerReferenceNo":{"matches":"ref-[0-9]+"}},"respond":{"status":299,"body":"matches"}},
          {"endpoint":"account-inquiry","match":{"body.partnerReferenceNo":{"contains":"-vip-"}},"respond":{"status":298,"body":"contains"}},
          {"endpoint":"account-inquiry","match":{"body.customerNumber":{"oneOf":["628111","62811742234"]},"body.partnerReferenceNo":{"absent":true}},"respond":{"status":297,"body":"oneOf absent"}},
          {"endpoint":"account-inquiry","match":{"header.X-Trace":{"present":true}},"respond":{"status":296,"body":"present"}},
          {"endpoint":"account-inquiry","match":{"body.amount.value":{"gt":100}},"respond":{"status":295,"body":"gt"}}
        ]}
        """)
        harness = try SandboxHarness { $0.scenarios = self.folder.path }
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    private func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name + ".json"))
    }

    private func inquiry(scenario: String, amount: String = "1.00", reference: String? = nil, key: String = SignedRequest.demoKey, trace: Bool = false) throws -> HTTPResponse {
        let referenceMember = reference.map { #""partnerReferenceNo":"\#($0)","# } ?? ""
        let body = #"{\#(referenceMember)"customerNumber":"62811742234","amount":{"value":"\#(amount)","currency":"IDR"},"additionalInfo":{"fundType":"AGENT_TOPUP_FOR_USER_SETTLE"}}"#
        var headers = [("X-Sandbox-Scenario", scenario), ("X-Sandbox-Session", UUID().uuidString)]
        if trace { headers.append(("X-Trace", "1")) }
        return harness.send(try SignedRequest.snap(sentBody: body, timestamp: harness.clock.jakarta, key: key, headers: headers))
    }

    private func code(_ response: HTTPResponse) -> String? {
        (try? JSONScanner.parse(response.body))?["responseCode"]?.stringValue
    }

    // MARK: - After authentication

    func testAScenarioOnABadlySignedRequest_GetsTheSignatureError() throws {
        let response = try inquiry(scenario: "forced", key: Repository.path("keys/paylabs-private.pem"))
        XCTAssertEqual(code(response), "4013700")
        XCTAssertEqual(response.headers["X-Sandbox-Scenario-Applied"], "none; refused before scenarios apply (signature or mandatory headers)")
    }

    func testABeforeAuthRule_FiresEvenOnABadlySignedRequest() throws {
        let response = try inquiry(scenario: "early", key: Repository.path("keys/paylabs-private.pem"))
        XCTAssertEqual(code(response), "5003701")
        XCTAssertEqual(response.headers["X-Sandbox-Scenario-Applied"], "early rules[0]")
    }

    func testATimesRule_IsNotUsedUp_ByABadlySignedRequest() throws {
        let session = UUID().uuidString
        let bad = try SignedRequest.snap(sentBody: "{}", timestamp: harness.clock.jakarta, key: Repository.path("keys/paylabs-private.pem"),
                                         headers: [("X-Sandbox-Scenario", "once"), ("X-Sandbox-Session", session)])
        XCTAssertEqual(code(harness.send(bad)), "4013700")
        let body = #"{"customerNumber":"62811742234","amount":{"value":"1.00","currency":"IDR"},"additionalInfo":{"fundType":"AGENT_TOPUP_FOR_USER_SETTLE"}}"#
        let good = try SignedRequest.snap(sentBody: body, timestamp: harness.clock.jakarta, headers: [("X-Sandbox-Scenario", "once"), ("X-Sandbox-Session", session)])
        XCTAssertEqual(code(harness.send(good)), "4033705", "the once rule was still there for the first good request")
    }

    // MARK: - X-Sandbox-Scenario-Applied

    func testTheAppliedHeader_SaysWhatFired_OrWhyNothingDid() throws {
        XCTAssertEqual(try inquiry(scenario: "forced").headers["X-Sandbox-Scenario-Applied"], "forced rules[0]")
        XCTAssertEqual(try inquiry(scenario: "other-endpoint").headers["X-Sandbox-Scenario-Applied"], "none; no rule for this endpoint")
        XCTAssertEqual(try inquiry(scenario: "big-amounts").headers["X-Sandbox-Scenario-Applied"], "none; match not met")
        // times used up, within one session
        let session = UUID().uuidString
        let body = #"{"customerNumber":"62811742234","amount":{"value":"1.00","currency":"IDR"},"additionalInfo":{"fundType":"AGENT_TOPUP_FOR_USER_SETTLE"}}"#
        let first = harness.send(try SignedRequest.snap(sentBody: body, timestamp: harness.clock.jakarta, headers: [("X-Sandbox-Scenario", "once"), ("X-Sandbox-Session", session)]))
        let second = harness.send(try SignedRequest.snap(sentBody: body, timestamp: harness.clock.jakarta, headers: [("X-Sandbox-Scenario", "once"), ("X-Sandbox-Session", session)]))
        XCTAssertEqual(first.headers["X-Sandbox-Scenario-Applied"], "once rules[0]")
        XCTAssertEqual(second.headers["X-Sandbox-Scenario-Applied"], "none; times used up")
        XCTAssertEqual(code(second), "2003700")
    }

    func testARequestNamingNoScenario_GetsNoAppliedHeader() throws {
        let body = #"{"customerNumber":"62811742234","amount":{"value":"1.00","currency":"IDR"},"additionalInfo":{"fundType":"AGENT_TOPUP_FOR_USER_SETTLE"}}"#
        XCTAssertNil(harness.send(try SignedRequest.snap(sentBody: body, timestamp: harness.clock.jakarta)).headers["X-Sandbox-Scenario-Applied"])
    }

    // MARK: - Matchers

    func testEachMatcher() throws {
        XCTAssertEqual(try inquiry(scenario: "matchers", reference: "ref-123").status.code, 299, "matches")
        XCTAssertNotEqual(try inquiry(scenario: "matchers", amount: "1.00", reference: "ref-12x").status.code, 299, "matches the whole value")
        XCTAssertEqual(try inquiry(scenario: "matchers", reference: "a-vip-b").status.code, 298, "contains")
        XCTAssertEqual(try inquiry(scenario: "matchers").status.code, 297, "oneOf and absent")
        XCTAssertEqual(try inquiry(scenario: "matchers", reference: "plain", trace: true).status.code, 296, "present")
        XCTAssertEqual(try inquiry(scenario: "matchers", amount: "150.00", reference: "plain").status.code, 295, "gt on an amount given as a string")
        XCTAssertEqual(code(try inquiry(scenario: "matchers", reference: "plain")), "2003700", "nothing matched: the real answer")
        XCTAssertEqual(code(try inquiry(scenario: "big-amounts", amount: "1000000.00")), "4033702", "gte")
        XCTAssertEqual(code(try inquiry(scenario: "big-amounts", amount: "5000000.00")), "2003700", "lt")
    }

    func testBadMatchers_FailTheLoad_NamingFileAndField() throws {
        let cases: [(String, String)] = [
            (#"{"body.x":{"matches":"["}}"#, "rules[0].match.body.x.matches: '[' is not a valid regular expression"),
            (#"{"body.x":{"between":1}}"#, "rules[0].match.body.x.between: 'between' is not a matcher"),
            (#"{"body.x":{"gt":"ten"}}"#, "rules[0].match.body.x.gt: must be a number or a numeric string"),
            (#"{"body.x":{"oneOf":[]}}"#, "rules[0].match.body.x.oneOf: must be a non-empty list"),
            (#"{"body.x":{"absent":false}}"#, "rules[0].match.body.x.absent: must be true"),
            (#"{"body.x":{"contains":1}}"#, "rules[0].match.body.x.contains: must be a string"),
            (#"{"body.x":[1]}"#, "rules[0].match.body.x: must be a plain value or a matcher object"),
            (#"{"body.x":{"gt":1,"contains":"a"}}"#, "rules[0].match.body.x: gt, gte, lt and lte combine only with each other"),
        ]
        for (match, message) in cases {
            let text = #"{"rules":[{"endpoint":"account-inquiry","match":\#(match),"respond":{"resultCode":"4033705"}}]}"#
            guard case .failure(let failure) = ScenarioLoader.parse(Array(text.utf8), name: "bad", file: "scenarios/bad.json") else {
                XCTFail("\(match) loaded")
                continue
            }
            XCTAssertTrue(failure.summary.hasPrefix("scenarios/bad.json: " + message), "\(match): \(failure.summary)")
        }
        let beforeAuth = #"{"rules":[{"endpoint":"account-inquiry","beforeAuth":"yes","respond":{"resultCode":"4033705"}}]}"#
        guard case .failure(let failure) = ScenarioLoader.parse(Array(beforeAuth.utf8), name: "bad", file: "f") else { return XCTFail("loaded") }
        XCTAssertTrue(failure.summary.contains("beforeAuth: must be true or false"), failure.summary)
    }
}
