import Foundation
import XCTest
@testable import DanaSandboxCore
@testable import SandboxJSON
@testable import SandboxCrypto
@testable import SandboxSupport
@testable import SandboxStorage
@testable import DanaSandboxAPIs

/// A broken scenario file is refused at load with its file and field.
final class ScenarioLoaderTests: XCTestCase {
    private func errors(_ json: String) -> [String] {
        switch ScenarioLoader.parse(Array(json.utf8), name: "x", file: "scenarios/x.json") {
        case .success: return []
        case .failure(let failure): return failure.errors.map(\.description)
        }
    }

    private func rule(_ body: String) -> String { #"{"rules":[\#(body)]}"# }

    func testTheContractsExample_Loads() throws {
        let json = #"{"description":"Frozen payee: Do Not Honor","rules":[{"endpoint":"account-inquiry","match":{"body.customerNumber":"628123456667","header.X-PARTNER-ID":"2014000014442"},"times":2,"delayMs":0,"respond":{"resultCode":"4033705"}}]}"#
        guard case .success(let scenario) = ScenarioLoader.parse(Array(json.utf8), name: "account-inquiry/do-not-honor", file: "f") else {
            return XCTFail("expected the example to load")
        }
        XCTAssertEqual(scenario.description, "Frozen payee: Do Not Honor")
        XCTAssertEqual(scenario.rules.first?.endpoint, AccountInquiryHandler.descriptor)
        XCTAssertEqual(scenario.rules.first?.times, 2)
        XCTAssertEqual(scenario.rules.first?.match.map(\.key), ["body.customerNumber", "header.X-PARTNER-ID"])
        XCTAssertEqual(scenario.rules.first?.respond, .resultCode("4033705"))
    }

    func testEveryRespondKind_Loads() {
        XCTAssertEqual(errors(rule(#"{"endpoint":"*","respond":{"fault":"timeout","afterMs":250}}"#)), [])
        XCTAssertEqual(errors(rule(#"{"endpoint":"query-user-profile","respond":{"resultCode":"12002005"}}"#)), [], "an Open API id works as well as the name")
        XCTAssertEqual(errors(rule(#"{"endpoint":"query-subscription-transactions","respond":{"fault":"missing-field:paymentInfo"}}"#)), [])
        XCTAssertEqual(errors(rule(#"{"endpoint":"*","respond":{"status":503,"headers":{"Retry-After":"1"},"body":"busy"}}"#)), [])
    }

    func testNotJSON_NamesTheFileAndWhere() {
        XCTAssertEqual(errors("{\"rules\": [}").first?.hasPrefix("scenarios/x.json: not valid JSON: "), true)
    }

    func testUndocumentedCode_IsRefused_ListingTheValidOnes() {
        XCTAssertEqual(errors(rule(#"{"endpoint":"account-inquiry","respond":{"resultCode":"4039999"}}"#)), [
            "scenarios/x.json: rules[0].respond.resultCode: '4039999' is not a documented code of account-inquiry; valid: " + SNAPCatalog.accountInquiry.map(\.code).joined(separator: ", "),
        ])
        XCTAssertEqual(errors(rule(#"{"endpoint":"query-merchant-resource","respond":{"resultCode":"USER_NOT_EXIST"}}"#)), [
            "scenarios/x.json: rules[0].respond.resultCode: 'USER_NOT_EXIST' is not a documented code of query-merchant-resource; valid: SUCCESS, PARAM_ILLEGAL, SYSTEM_ERROR, MERCHANT_NOT_EXIST",
        ])
    }

    func testEachFieldRule_NamesTheField() {
        let cases: [(String, String)] = [
            (#"{"endpoint":"acount-inquiry","respond":{"fault":"drop"}}"#, "rules[0].endpoint: 'acount-inquiry' is not an endpoint"),
            (#"{"respond":{"fault":"drop"}}"#, "rules[0].endpoint: is required"),
            (#"{"endpoint":"*","respond":{"resultCode":"2003700"}}"#, "rules[0].respond.resultCode: needs a specific endpoint, not *"),
            (#"{"endpoint":"*","respond":{"fault":"slow"}}"#, "rules[0].respond.fault: 'slow' is not a fault; valid: timeout, drop, reset"),
            (#"{"endpoint":"account-inquiry","respond":{"fault":"missing-field:name"}}"#, "rules[0].respond.fault: account-inquiry answers have no member 'name'; valid: responseCode"),
            (#"{"endpoint":"account-inquiry","respond":{"fault":"bad-signature"}}"#, "rules[0].respond.fault: account-inquiry responses carry no signature"),
            (#"{"endpoint":"*","times":0,"respond":{"fault":"drop"}}"#, "rules[0].times: must be a whole number of at least 1"),
            (#"{"endpoint":"*","delayMs":-5,"respond":{"fault":"drop"}}"#, "rules[0].delayMs: must be a whole number of milliseconds"),
            (#"{"endpoint":"*","respond":{"fault":"drop","afterMs":5}}"#, "rules[0].respond.afterMs: applies to the timeout fault only"),
            (#"{"endpoint":"*","respond":{"fault":"drop","status":500}}"#, "rules[0].respond: needs exactly one of resultCode, fault or status"),
            (#"{"endpoint":"*","respond":{}}"#, "rules[0].respond: needs exactly one of resultCode, fault or status"),
            (#"{"endpoint":"*","respond":{"status":999}}"#, "rules[0].respond.status: must be an HTTP status from 200 to 599"),
            (#"{"endpoint":"*","respond":{"status":100,"body":"x"}}"#, "rules[0].respond.status: must be an HTTP status from 200 to 599"),
            (#"{"endpoint":"*","respond":{"status":204,"body":"x"}}"#, "rules[0].respond.body: a 204 response has no body"),
            (#"{"endpoint":"*","respond":{"status":200,"headers":{"X-A":"1\r\nX-Injected: 2"}}}"#, "rules[0].respond.headers.X-A: must not contain CR, LF or NUL"),
            (#"{"endpoint":"*","respond":{"status":200,"headers":{"Bad Name":"1"}}}"#, "rules[0].respond.headers.Bad Name: is not a valid header name"),
            (#"{"endpoint":"*","match":{"customerNumber":"1"},"respond":{"fault":"drop"}}"#, "rules[0].match.customerNumber: keys are body.<dotted path> or header.<name>"),
            (#"{"endpoint":"*","tims":2,"respond":{"fault":"drop"}}"#, "rules[0].tims: unknown key; a rule has endpoint, match, times, delayMs, respond"),
        ]
        for (body, expected) in cases {
            let found = errors(rule(body))
            XCTAssertTrue(found.contains { $0.hasPrefix("scenarios/x.json: " + expected) }, "\(body)\nexpected: \(expected)\ngot: \(found)")
        }
    }

    func testEmptyRulesAndUnknownTopLevelKeys_AreRefused() {
        XCTAssertEqual(errors(#"{"rules":[]}"#), ["scenarios/x.json: rules: must be a non-empty list of rules"])
        XCTAssertTrue(errors(#"{"rule":[],"rules":[{"endpoint":"*","respond":{"fault":"drop"}}]}"#).contains("scenarios/x.json: rule: unknown key; a scenario has \"description\" and \"rules\""))
    }

    func testAFolder_ReportsEveryBrokenFile_AndNamesScenariosByPath() throws {
        // given
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scenarios-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("a/b"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try #"{"rules":[{"endpoint":"*","respond":{"fault":"drop"}}]}"#.write(to: folder.appendingPathComponent("a/b/good.json"), atomically: true, encoding: .utf8)
        try "{}".write(to: folder.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)
        try "nope".write(to: folder.appendingPathComponent("a/worse.json"), atomically: true, encoding: .utf8)
        try "ignored".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        // when
        guard case .failure(let failure) = ScenarioLoader.load(folder: folder.path) else { return XCTFail("expected errors") }
        // then
        XCTAssertEqual(failure.errors.map(\.file), ["\(folder.path)/a/worse.json", "\(folder.path)/bad.json"])
        try FileManager.default.removeItem(at: folder.appendingPathComponent("bad.json"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("a/worse.json"))
        guard case .success(let scenarios) = ScenarioLoader.load(folder: folder.path) else { return XCTFail("expected success") }
        XCTAssertEqual(scenarios.map(\.name), ["a/b/good"])
    }
}
