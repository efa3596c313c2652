import Foundation
import XCTest
import SandboxTestSupport

/// Starting, serving and stopping the real binary, as a CI job does.
final class ServeLifecycleTests: XCTestCase {
    func testPortZero_PrintsExactlyTheReadyLine_ThenServes_ThenStopsOnSIGTERM() throws {
        // given
        let sandbox = try SandboxProcess(["serve", "--port", "0"])
        let port = try XCTUnwrap(sandbox.waitUntilReady())
        // when
        let health = try RawHTTPClient(port: port).request("GET", "/health")
        sandbox.send(SIGTERM)
        // then
        XCTAssertEqual(health.status, 200)
        XCTAssertEqual(sandbox.waitForExit(), 0)
        XCTAssertEqual(sandbox.standardOutput.finishedLines(timeout: 5), ["dana-sandbox listening on http://127.0.0.1:\(port)"])
    }

    func testPortFromTheEnvironment_IsUsed() throws {
        let sandbox = try SandboxProcess(["serve"], environment: ["DANA_SANDBOX_PORT": "0"])
        let port = try XCTUnwrap(sandbox.waitUntilReady())
        XCTAssertNotEqual(port, 8080)
        sandbox.send(SIGINT)
        XCTAssertEqual(sandbox.waitForExit(), 0)
    }

    func testSIGTERM_DuringARequest_FinishesIt_ThenExits0() throws {
        try assertGracefulStop(on: SIGTERM)
    }

    func testSIGINT_DuringARequest_FinishesIt_ThenExits0() throws {
        try assertGracefulStop(on: SIGINT)
    }

    private func assertGracefulStop(on signal: Int32, file: StaticString = #filePath, line: UInt = #line) throws {
        // given: a request whose body is half sent
        let sandbox = try SandboxProcess(["serve", "--port", "0"])
        let port = try XCTUnwrap(sandbox.waitUntilReady(), file: file, line: line)
        let client = try RawHTTPClient(port: port)
        try client.send("GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nhalf-")

        // when: the signal arrives, and only then the rest of the body
        sandbox.send(signal)
        XCTAssertNotNil(sandbox.standardError.waitForLine(timeout: 10) { $0.contains("stopping") }, file: file, line: line)
        try client.send("sent.")

        // then: the request is answered, the connection closed, the process ends with 0
        let response = try client.readResponse()
        XCTAssertEqual(response.status, 200, file: file, line: line)
        XCTAssertEqual(response.header("Connection"), "close", file: file, line: line)
        XCTAssertEqual(sandbox.waitForExit(), 0, file: file, line: line)
    }

    func testJSONLogFormat_WritesOneJSONObjectPerLine() throws {
        // given
        let sandbox = try SandboxProcess(["serve", "--port", "0", "--log-format", "json"])
        let port = try XCTUnwrap(sandbox.waitUntilReady())
        // when
        _ = try RawHTTPClient(port: port).request("GET", "/health")
        _ = sandbox.standardError.waitForLine(timeout: 10) { $0.contains("\"exchange\"") }
        sandbox.send(SIGTERM)
        XCTAssertEqual(sandbox.waitForExit(), 0)
        // then
        let lines = sandbox.standardError.finishedLines(timeout: 5)
        XCTAssertFalse(lines.isEmpty)
        var exchanges: [[String: Any]] = []
        for line in lines {
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], line)
            if object["msg"] as? String == "exchange" { exchanges.append(object) }
        }
        XCTAssertEqual(exchanges.count, 1)
        XCTAssertEqual(exchanges.first?["http.path"] as? String, "/health")
        XCTAssertEqual(exchanges.first?["http.status"] as? Int, 200)
    }

    func testTextLog_HasOneLinePerExchange() throws {
        let sandbox = try SandboxProcess(["serve", "--port", "0"])
        let port = try XCTUnwrap(sandbox.waitUntilReady())
        _ = try RawHTTPClient(port: port).request("POST", "/nowhere")
        let line = sandbox.standardError.waitForLine(timeout: 10) { $0.contains(" exchange ") }
        XCTAssertNotNil(line?.range(of: #"http.method=POST http.path=/nowhere http.status=404 duration_ms=\d+\.\d\d"#, options: .regularExpression), line ?? "no line")
        sandbox.send(SIGTERM)
        XCTAssertEqual(sandbox.waitForExit(), 0)
    }

    func testOffLoopback_AdminTokenIsGeneratedAndPrintedToStandardError() throws {
        let sandbox = try SandboxProcess(["serve", "--host", "0.0.0.0", "--port", "0"])
        XCTAssertNotNil(sandbox.waitUntilReady())
        let line = sandbox.standardError.waitForLine(timeout: 10) { $0.contains("Authorization: Bearer ") }
        XCTAssertNotNil(line?.range(of: "Bearer [0-9a-f]{64}'", options: .regularExpression), line ?? "no token line")
        sandbox.send(SIGTERM)
        XCTAssertEqual(sandbox.waitForExit(), 0)
        XCTAssertEqual(sandbox.standardOutput.finishedLines(timeout: 5).count, 1, "the token must not go to standard output")
    }

    func testDescriptorLimit_IsRaisedToTheHardLimit_AndALowHardLimitIsSaid() throws {
        // given: a soft limit of 256 for the sandbox alone (lowering the test runner's own would
        // starve Foundation's Process of descriptors)
        var original = rlimit()
        XCTAssertEqual(getrlimit(Int32(RLIMIT_NOFILE.rawValue), &original), 0)
        let sandbox = try SandboxProcess(["serve", "--port", "0"], shellSetup: "ulimit -Sn \(min(256, Int(clamping: original.rlim_max)))")
        XCTAssertNotNil(sandbox.waitUntilReady())

        // then: /proc shows soft = hard, and a notice only when the hard limit is low
        let limits = try String(contentsOfFile: "/proc/\(sandbox.process.processIdentifier)/limits", encoding: .utf8)
        let line = try XCTUnwrap(limits.split(separator: "\n").first { $0.hasPrefix("Max open files") })
        let numbers = line.split(separator: " ").dropFirst(3).prefix(2).map(String.init)
        XCTAssertEqual(numbers.count, 2, String(line))
        XCTAssertEqual(numbers.first, numbers.last, "soft limit not raised: \(line)")
        let hard = Int(clamping: original.rlim_max)
        sandbox.send(SIGTERM)
        _ = sandbox.waitForExit()
        let notices = sandbox.standardError.finishedLines(timeout: 5).filter { $0.contains("descriptor limit") }
        XCTAssertEqual(notices.count, hard < 16_384 ? 1 : 0, "hard limit \(hard): \(notices)")
    }
}
