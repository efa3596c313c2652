import Foundation
import XCTest
import SandboxTestSupport

/// `make test` without a package index: the official-client check says loudly that it was
/// skipped and lets the Swift suite's verdict stand, unless REQUIRE_CLIENTS=1 (as CI sets it).
final class ClientCheckTests: XCTestCase {
    private func run(requireClients: Bool) throws -> (status: Int32, errors: String) {
        let venv = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: venv) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Repository.path("Tests/Clients/run.sh"))
        var environment = ProcessInfo.processInfo.environment
        environment["CLIENTS_VENV"] = venv.appendingPathComponent("venv").path
        // Nothing listens on port 9: no package index.
        environment["PIP_INDEX_URL"] = "http://127.0.0.1:9/simple"
        environment["PIP_NO_CACHE_DIR"] = "1"
        environment["REQUIRE_CLIENTS"] = requireClients ? "1" : "0"
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    func testWithoutAPackageIndex_TheCheckIsSkippedLoudly_AndPasses() throws {
        let (status, errors) = try run(requireClients: false)
        XCTAssertEqual(status, 0, errors)
        XCTAssertTrue(errors.contains("SKIPPED: the official-client check did not run"), errors)
    }

    func testWithoutAPackageIndex_RequireClientsFails() throws {
        let (status, errors) = try run(requireClients: true)
        XCTAssertEqual(status, 1, errors)
        XCTAssertTrue(errors.contains("REQUIRE_CLIENTS=1, so this fails"), errors)
    }
}
