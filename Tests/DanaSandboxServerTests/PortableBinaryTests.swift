import Foundation
import XCTest
import SandboxTestSupport
import DanaSandboxCore

/// The binary as a user who downloaded it runs it: from any folder, with the built-in seed,
/// scenarios and keys; `init` for editable copies; the README's CI recipe under `dash`; a `--db`
/// file complete on its own after a graceful stop.
final class PortableBinaryTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try Repository.temporaryDirectory()
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    func testServe_FromAnEmptyFolder_UsesWhatIsBuiltIn() throws {
        // given: a folder with no seed.sql, scenarios/ or keys/
        let sandbox = try SandboxProcess(["serve", "--port", "0", "--scenario", "account-inquiry/do-not-honor"], currentDirectory: folder)
        let port = try XCTUnwrap(sandbox.waitUntilReady(), sandbox.standardError.snapshot.joined(separator: "\n"))
        defer { sandbox.send(SIGTERM); _ = sandbox.waitForExit() }
        // when: a request signed by `sign` with its built-in demo key, from the same folder
        let body = #"{"customerNumber":"628123456667","amount":{"value":"1.00","currency":"IDR"},"additionalInfo":{"fundType":"AGENT_TOPUP_FOR_USER_SETTLE"}}"#
        let signed = try SandboxProcess(["sign", "snap", "--path", "/v1.0/emoney/account-inquiry.htm", "--body", body], currentDirectory: folder)
        XCTAssertEqual(signed.waitForExit(), 0)
        let headers = signed.standardOutput.finishedLines(timeout: 5).map { line -> (String, String) in
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            return (parts[0], parts.count > 1 ? parts[1] : "")
        }
        let response = try RawHTTPClient(port: port).request("POST", "/v1.0/emoney/account-inquiry.htm", headers: headers, body: body)
        // then: the built-in seed knows the payee, the built-in scenario answers
        XCTAssertTrue(response.bodyText.contains("\"responseCode\":\"4033705\""), response.bodyText)
    }

    func testScenariosCheck_WithoutAFolder_ChecksTheBuiltInLibrary() throws {
        let result = try SandboxProcess.run(["scenarios", "check"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.output.first?.hasSuffix("scenarios in the built-in library are valid") == true, "\(result.output)")
    }

    func testInit_WritesEditableCopies_ThatServeTakes_AndNeverOverwrites() throws {
        // when
        let target = folder.appendingPathComponent("data").path
        let result = try SandboxProcess.run(["init", target])
        // then
        XCTAssertEqual(result.status, 0, result.errors.joined(separator: "\n"))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: target + "/seed.sql")), try Data(contentsOf: URL(fileURLWithPath: Repository.path("seed.sql"))))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: target + "/keys/demo-partner-private.pem")),
                       try Data(contentsOf: URL(fileURLWithPath: Repository.path("keys/demo-partner-private.pem"))))
        let attributes = try FileManager.default.attributesOfItem(atPath: target + "/keys/dana-private.pem")
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        XCTAssertTrue(FileManager.default.fileExists(atPath: target + "/scenarios/drills/account-inquiry/timeout.json"))
        XCTAssertTrue(result.output.contains("serve them with: dana-sandbox serve --seed \(target)/seed.sql --scenarios \(target)/scenarios --keys \(target)/keys"))
        let sandbox = try SandboxProcess(["serve", "--port", "0", "--seed", target + "/seed.sql", "--scenarios", target + "/scenarios", "--keys", target + "/keys"])
        XCTAssertNotNil(sandbox.waitUntilReady())
        sandbox.send(SIGTERM)
        XCTAssertEqual(sandbox.waitForExit(), 0)
        // and a second init changes nothing
        try Data("edited".utf8).write(to: URL(fileURLWithPath: target + "/seed.sql"))
        let again = try SandboxProcess.run(["init", target])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.errors.first?.contains("already holds \(target)/seed.sql") == true, "\(again.errors)")
        XCTAssertEqual(try String(contentsOfFile: target + "/seed.sql", encoding: .utf8), "edited")
    }

    // MARK: - The README's CI recipe, under dash

    /// The block after `<!-- ci-recipe -->`, with the test's binary for `dana-sandbox`.
    private func recipe(port: String = "0") throws -> String {
        let readme = try String(contentsOfFile: Repository.path("README.md"), encoding: .utf8)
        let marker = try XCTUnwrap(readme.range(of: "<!-- ci-recipe -->\n```sh\n"))
        let end = try XCTUnwrap(readme[marker.upperBound...].range(of: "```"))
        let script = String(readme[marker.upperBound..<end.lowerBound])
        XCTAssertTrue(script.contains("dana-sandbox serve --port 0 "))
        return script.replacingOccurrences(of: "dana-sandbox serve --port 0 ", with: "'\(SandboxProcess.binaryURL.path)' serve --port \(port) ")
    }

    private func dash(_ script: String) throws -> (status: Int32, output: String, errors: String) {
        let path = folder.appendingPathComponent("ci.sh")
        try Data(script.utf8).write(to: path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/dash")
        process.arguments = [path.path]
        process.currentDirectoryURL = folder
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile(), err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    func testCIRecipe_UnderDash_RunsTheSuite_AndStopsTheSandboxWith0() throws {
        let (status, output, errors) = try dash(try recipe())
        XCTAssertEqual(status, 0, errors)
        XCTAssertTrue(output.contains("\"status\":\"ok\""), output)
    }

    func testCIRecipe_UnderDash_FailsAtOnce_WithTheSandboxsOwnMessage_WhenThePortIsTaken() throws {
        // given: the port is taken
        let first = try SandboxProcess(["serve", "--port", "0"])
        let port = try XCTUnwrap(first.waitUntilReady())
        defer { first.send(SIGTERM); _ = first.waitForExit() }
        // when
        let (status, _, errors) = try dash(try recipe(port: String(port)))
        // then
        XCTAssertEqual(status, 1)
        XCTAssertEqual(errors.trimmingCharacters(in: .newlines), "dana-sandbox: cannot listen on http://127.0.0.1:\(port): Address already in use")
    }

    // MARK: - --db

    func testFileDatabase_AloneHoldsEverything_AfterAGracefulStop() throws {
        // given: a running sandbox on a file, with a partner registered
        let database = folder.appendingPathComponent("state.db").path
        let sandbox = try SandboxProcess(["serve", "--port", "0", "--db", database])
        let port = try XCTUnwrap(sandbox.waitUntilReady())
        let pem = try String(contentsOfFile: Repository.path("keys/demo-partner-public.pem"), encoding: .utf8)
        let body = String(decoding: try JSONSerialization.data(withJSONObject: ["clientId": "kept-partner", "publicKey": pem]), as: UTF8.self)
        XCTAssertEqual(try RawHTTPClient(port: port).request("POST", "/sandbox/partners", body: body).status, 201)
        // when
        sandbox.send(SIGTERM)
        XCTAssertEqual(sandbox.waitForExit(), 0)
        // then: the .db file copied alone has the partner
        let copy = folder.appendingPathComponent("copy.db").path
        try FileManager.default.copyItem(atPath: database, toPath: copy)
        let found = try Shell.run("/usr/bin/sqlite3", [copy, "SELECT client_id FROM partners WHERE client_id = 'kept-partner'"])
        XCTAssertEqual(String(decoding: found, as: UTF8.self), "kept-partner\n")
        let wal = try? FileManager.default.attributesOfItem(atPath: database + "-wal")[.size] as? NSNumber
        XCTAssertTrue(wal == nil || wal?.intValue == 0, "the write-ahead log is empty")
    }
}
