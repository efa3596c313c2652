import Foundation
import XCTest
import SandboxTestSupport

/// Scenarios from the command line: checking a folder, a broken file at start, `--scenario`.
final class ScenarioCommandLineTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try Repository.temporaryDirectory()
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: folder)
    }

    func testCheck_OfTheShippedLibrary_Passes() throws {
        let result = try SandboxProcess.run(["scenarios", "check", "scenarios"])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.output.count, 1)
        XCTAssertTrue(result.output[0].hasSuffix(" scenarios in scenarios are valid"), result.output[0])
    }

    func testCheck_OfABrokenFolder_ListsEveryProblem_AndExits1() throws {
        try "{".write(to: folder.appendingPathComponent("a.json"), atomically: true, encoding: .utf8)
        try #"{"rules":[{"endpoint":"account-inquiry","respond":{"resultCode":"999"}}]}"#.write(to: folder.appendingPathComponent("b.json"), atomically: true, encoding: .utf8)
        let result = try SandboxProcess.run(["scenarios", "check", folder.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.errors.count, 2)
        XCTAssertTrue(result.errors[0].hasPrefix("dana-sandbox: \(folder.path)/a.json: not valid JSON"), result.errors[0])
        XCTAssertTrue(result.errors[1].hasPrefix("dana-sandbox: \(folder.path)/b.json: rules[0].respond.resultCode: '999' is not a documented code"), result.errors[1])
    }

    func testBrokenScenario_FailsStartUp_WithOneLineNamingFileAndField() throws {
        try #"{"rules":[{"endpoint":"b2b-token","times":"twice","respond":{"fault":"drop"}}]}"#.write(to: folder.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)
        let result = try SandboxProcess.run(["serve", "--port", "0", "--scenarios", folder.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.errors, ["dana-sandbox: broken scenario: \(folder.path)/bad.json: rules[0].times: must be a whole number of at least 1"])
    }

    func testUnknownScenarioFlag_FailsStartUp() throws {
        let result = try SandboxProcess.run(["serve", "--port", "0", "--scenario", "drills/account-inquiry/timeuot"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.errors.count, 1)
        XCTAssertTrue(result.errors[0].hasPrefix("dana-sandbox: --scenario: unknown scenario 'drills/account-inquiry/timeuot'; in drills/account-inquiry/: "), result.errors[0])
    }

    func testScenarioFlag_IsActiveFromTheStart() throws {
        let sandbox = try SandboxProcess(["serve", "--port", "0", "--scenario", "account-inquiry/do-not-honor"])
        let port = try XCTUnwrap(sandbox.waitUntilReady())
        let list = try RawHTTPClient(port: port).request("GET", "/sandbox/scenarios").bodyText
        XCTAssertTrue(list.contains(#""active":["account-inquiry/do-not-honor"]"#), list)
        sandbox.send(SIGTERM)
        XCTAssertEqual(sandbox.waitForExit(), 0)
    }

    func testMissingScenariosFolder_IsAnErrorOnlyWhenNamed() throws {
        let named = try SandboxProcess.run(["serve", "--port", "0", "--scenarios", "/no/such/folder"])
        XCTAssertEqual(named.status, 1)
        XCTAssertEqual(named.errors, ["dana-sandbox: broken scenario: /no/such/folder: no such folder"])
    }
}
