import Foundation
import XCTest
import SandboxTestSupport

/// The README's curl sessions, run as written (with the test's binary and port substituted) against
/// a running sandbox: what a user pastes must work.
final class ReadmeCurlSessionTests: XCTestCase {
    private struct Session {
        let expect: String
        let script: String
    }

    /// Every ```sh block preceded by `<!-- curl-session expect: TEXT -->`.
    private func sessions() throws -> [Session] {
        let readme = try String(contentsOfFile: Repository.path("README.md"), encoding: .utf8)
        var found: [Session] = []
        var remaining = readme[...]
        while let marker = remaining.range(of: "<!-- curl-session expect: ") {
            let afterMarker = remaining[marker.upperBound...]
            let markerEnd = try XCTUnwrap(afterMarker.range(of: " -->"))
            let expect = String(afterMarker[..<markerEnd.lowerBound])
            let blockStart = try XCTUnwrap(afterMarker.range(of: "```sh\n"))
            let blockEnd = try XCTUnwrap(afterMarker[blockStart.upperBound...].range(of: "```"))
            found.append(Session(expect: expect, script: String(afterMarker[blockStart.upperBound..<blockEnd.lowerBound])))
            remaining = afterMarker[blockEnd.upperBound...]
        }
        return found
    }

    func testEveryCurlSession_WorksAsWritten() throws {
        // given
        let sessions = try sessions()
        XCTAssertEqual(sessions.count, 6, "one session per family, two for SNAP and Open API, and the failure drill")
        let sandbox = try SandboxProcess(["serve", "--port", "0"])
        let port = try XCTUnwrap(sandbox.waitUntilReady())
        defer {
            sandbox.send(SIGTERM)
            _ = sandbox.waitForExit()
        }
        for session in sessions {
            // when: run from the repository root, as a user would
            let script = session.script
                .replacingOccurrences(of: ".build/release/dana-sandbox", with: SandboxProcess.binaryURL.path)
                .replacingOccurrences(of: "127.0.0.1:8080", with: "127.0.0.1:\(port)")
            let output = try Shell.run("/bin/bash", ["-euo", "pipefail", "-c", "cd '\(Repository.root.path)' && " + script])
            // then
            let text = String(decoding: output, as: UTF8.self)
            XCTAssertTrue(text.contains(session.expect), "expected \(session.expect) from:\n\(session.script)\ngot: \(text)")
        }
    }

    func testSignaturesOff_SaysSoAtStart() throws {
        let sandbox = try SandboxProcess(["serve", "--port", "0", "--signatures", "off"])
        XCTAssertNotNil(sandbox.waitUntilReady())
        XCTAssertNotNil(sandbox.standardError.waitForLine(timeout: 10) { $0.contains("signatures are not checked (--signatures off)") })
        sandbox.send(SIGTERM)
        XCTAssertEqual(sandbox.waitForExit(), 0)
    }

    func testSignCommand_WithoutAPath_IsAUsageError() throws {
        let result = try SandboxProcess.run(["sign", "snap", "--body", "{}"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.errors.first, "dana-sandbox: sign snap needs --path, the request path (e.g. /v1.0/emoney/account-inquiry.htm)")
    }

    func testSignCommand_WithAMissingKey_Exits1() throws {
        let result = try SandboxProcess.run(["sign", "b2b", "--key", "/no/key.pem"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.errors, ["dana-sandbox: cannot read key /no/key.pem: No such file or directory"])
    }
}
