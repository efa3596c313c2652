import Foundation
import XCTest
import SandboxTestSupport
import DanaSandboxCore
import SandboxJSON
import SandboxCrypto
import SandboxSupport
import SandboxStorage
import DanaSandboxAPIs

/// The binary's command-line contract: output, exit status, one-line reasons.
final class CommandLineTests: XCTestCase {
    func testVersion_IsTheSameEverywhere() throws {
        // given: the one place the version is kept, and the Makefile's reading of it
        let makefile = try Shell.run("/usr/bin/make", ["-s", "-C", Repository.root.path, "-p", "-n", "embed"])
        let dist = String(decoding: makefile, as: UTF8.self).split(separator: "\n").first { $0.hasPrefix("DIST := ") }
        // then
        XCTAssertEqual(dist.map(String.init), "DIST := dana-sandbox-\(Usage.version)-linux-\(try machine())")
        let sandbox = try SandboxProcess(["serve", "--port", "0"])
        let port = try XCTUnwrap(sandbox.waitUntilReady())
        XCTAssertEqual(try RawHTTPClient(port: port).request("GET", "/health").bodyText, "{\"status\":\"ok\",\"version\":\"\(Usage.version)\"}")
        sandbox.send(SIGTERM)
        XCTAssertEqual(sandbox.waitForExit(), 0)
        let changelog = try String(contentsOfFile: Repository.path("CHANGELOG.md"), encoding: .utf8)
        XCTAssertTrue(changelog.contains("## \(Usage.version)\n"), "CHANGELOG.md has a section for \(Usage.version)")
    }

    private func machine() throws -> String {
        String(decoding: try Shell.run("/usr/bin/uname", ["-m"]), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func testVersion_PrintsTheVersion_AndExits0() throws {
        let result = try SandboxProcess.run(["--version"])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.output, ["dana-sandbox \(Usage.version)"])
    }

    func testHelp_PrintsUsage_AndExits0() throws {
        let result = try SandboxProcess.run(["--help"])
        XCTAssertEqual(result.status, 0)
        let text = result.output.joined(separator: "\n")
        XCTAssertTrue(text.contains("dana-sandbox serve [OPTIONS]"))
        XCTAssertTrue(text.contains("--journal-limit N"))
        XCTAssertTrue(result.errors.isEmpty)
    }

    func testBadFlag_PrintsReasonAndAPointerToHelp_AndExits2() throws {
        let result = try SandboxProcess.run(["serve", "--bogus", "1"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.errors, ["dana-sandbox: unknown option '--bogus'", "Run 'dana-sandbox serve --help' for usage."])
        XCTAssertEqual(result.output, [])
    }

    func testEachCommandsHelp_PrintsItsOwnPage_AndExits0() throws {
        let pages: [([String], String)] = [
            (["serve", "--help"], "Usage: dana-sandbox serve [OPTIONS]"),
            (["sign", "--help"], "Usage: dana-sandbox sign FAMILY [OPTIONS]"),
            (["scenarios", "check", "--help"], "Usage: dana-sandbox scenarios check [DIR]"),
            (["init", "--help"], "Usage: dana-sandbox init DIR"),
            (["destination-inquiry", "-h"], "Usage: dana-sandbox destination-inquiry URL [OPTIONS]"),
            (["help", "sign"], "Usage: dana-sandbox sign FAMILY [OPTIONS]"),
        ]
        for (arguments, heading) in pages {
            let result = try SandboxProcess.run(arguments)
            XCTAssertEqual(result.status, 0, "\(arguments)")
            XCTAssertTrue(result.output.contains(heading), "\(arguments): \(result.output.prefix(4))")
            XCTAssertTrue(result.errors.isEmpty, "\(arguments)")
        }
        let sign = try SandboxProcess.run(["sign", "--help"]).output.joined(separator: "\n")
        XCTAssertFalse(sign.contains("--journal-limit"), "the sign page is not the serve page")
    }

    func testUsageErrors_PointAtTheirCommandsHelp() throws {
        let cases: [([String], String)] = [
            (["sign", "nope"], "Run 'dana-sandbox sign --help' for usage."),
            (["scenarios", "list"], "Run 'dana-sandbox scenarios --help' for usage."),
            (["init"], "Run 'dana-sandbox init --help' for usage."),
            (["destination-inquiry"], "Run 'dana-sandbox destination-inquiry --help' for usage."),
            (["frobnicate"], "Run 'dana-sandbox --help' for usage."),
        ]
        for (arguments, hint) in cases {
            let result = try SandboxProcess.run(arguments)
            XCTAssertEqual(result.status, 2, "\(arguments)")
            XCTAssertEqual(result.errors.count, 2, "\(arguments): a reason and a pointer, not the whole page: \(result.errors)")
            XCTAssertEqual(result.errors.last, hint)
        }
    }

    func testBadVariable_Exits2_NamingIt() throws {
        let result = try SandboxProcess.run(["serve"], environment: ["DANA_SANDBOX_LOG_FORMAT": "yaml"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.errors.first, "dana-sandbox: DANA_SANDBOX_LOG_FORMAT: --log-format takes text or json, not 'yaml'")
    }

    func testNoCommand_Exits2() throws {
        XCTAssertEqual(try SandboxProcess.run([]).status, 2)
    }

    func testPortInUse_PrintsOneLine_AndExits1() throws {
        // given
        let first = try SandboxProcess(["serve", "--port", "0"])
        let port = try XCTUnwrap(first.waitUntilReady())
        // when
        let second = try SandboxProcess.run(["serve", "--port", String(port)])
        // then
        XCTAssertEqual(second.status, 1)
        XCTAssertEqual(second.errors, ["dana-sandbox: cannot listen on http://127.0.0.1:\(port): Address already in use"])
        XCTAssertEqual(second.output, [])
        first.send(SIGTERM)
        XCTAssertEqual(first.waitForExit(), 0)
    }

    func testUnresolvableHost_PrintsOneLine_AndExits1() throws {
        let result = try SandboxProcess.run(["serve", "--host", "no-such-host.invalid", "--port", "0"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.errors.count, 1)
        XCTAssertTrue(result.errors[0].hasPrefix("dana-sandbox: cannot listen on http://no-such-host.invalid:0: "), result.errors[0])
    }
}

extension CommandLineTests {
    func testBrokenSeed_PrintsFileLineAndMessage_AndExits1() throws {
        // given
        let folder = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let seed = folder.appendingPathComponent("seed.sql")
        try "PRAGMA user_version = 1;\nCREATE TABLE t (x);\nINSERT INTO t VALUES (1;\n".write(to: seed, atomically: true, encoding: .utf8)
        // when
        let result = try SandboxProcess.run(["serve", "--port", "0", "--seed", seed.path])
        // then
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.errors, ["dana-sandbox: broken seed: \(seed.path):3: near \";\": syntax error"])
        XCTAssertEqual(result.output, [])
    }

    func testFileDatabase_SurvivesARestart_AndTheSecondStartSaysSo() throws {
        let folder = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("state.db").path
        for expectReopen in [false, true] {
            let sandbox = try SandboxProcess(["serve", "--port", "0", "--db", database])
            XCTAssertNotNil(sandbox.waitUntilReady())
            sandbox.send(SIGTERM)
            XCTAssertEqual(sandbox.waitForExit(), 0)
            let said = sandbox.standardError.finishedLines(timeout: 5).contains { $0.contains("reopened \(database)") }
            XCTAssertEqual(said, expectReopen)
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: database))
    }
}
