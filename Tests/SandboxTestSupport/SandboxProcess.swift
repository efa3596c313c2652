import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `dana-sandbox` binary as a user or a CI script would, collecting its output line
/// by line so tests can wait for a line instead of sleeping.
public final class SandboxProcess: @unchecked Sendable {
    public let process = Process()
    public let standardOutput = LineCollector()
    public let standardError = LineCollector()

    /// The binary next to the test bundle (`swift build` puts both in one folder), or the one
    /// named by DANA_SANDBOX_BINARY.
    public static var binaryURL: URL {
        if let path = ProcessInfo.processInfo.environment["DANA_SANDBOX_BINARY"] {
            return URL(fileURLWithPath: path)
        }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        if folder.pathExtension == "xctest" { folder = folder.deletingLastPathComponent() }
        return folder.appendingPathComponent("dana-sandbox")
    }

    /// `shellSetup`, when given, runs in `/bin/sh` before it `exec`s the binary (same pid): for a
    /// limit that must apply to the sandbox alone, e.g. `ulimit -Sn 256`.
    public init(_ arguments: [String], environment: [String: String] = [:], currentDirectory: URL? = nil, shellSetup: String? = nil) throws {
        if let shellSetup {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", shellSetup + " && exec \"$0\" \"$@\"", Self.binaryURL.path] + arguments
        } else {
            process.executableURL = Self.binaryURL
            process.arguments = arguments
        }
        // The test runner's own DANA_SANDBOX_* variables must not leak into what a test checks.
        var merged = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("DANA_SANDBOX_") }
        merged.merge(environment) { _, new in new }
        process.environment = merged
        // The repository root by default, where `seed.sql`, `keys/` and `scenarios/` are.
        process.currentDirectoryURL = currentDirectory ?? Repository.root
        process.standardOutput = standardOutput.pipe
        process.standardError = standardError.pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// Runs to completion and returns the exit status.
    @discardableResult
    public static func run(_ arguments: [String], environment: [String: String] = [:], timeout: TimeInterval = 20) throws -> (status: Int32?, output: [String], errors: [String]) {
        let sandbox = try SandboxProcess(arguments, environment: environment)
        let status = sandbox.waitForExit(timeout: timeout)
        return (status, sandbox.standardOutput.finishedLines(timeout: 5), sandbox.standardError.finishedLines(timeout: 5))
    }

    /// Waits for the ready line and returns the port it names.
    public func waitUntilReady(timeout: TimeInterval = 20) -> Int? {
        guard let line = standardOutput.waitForLine(timeout: timeout, where: { $0.hasPrefix("dana-sandbox listening on http://") }),
              let colon = line.lastIndex(of: ":") else { return nil }
        return Int(line[line.index(after: colon)...])
    }

    public func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// The exit status, or nil if it is still running after `timeout`.
    public func waitForExit(timeout: TimeInterval = 20) -> Int32? {
        let exited = DispatchSemaphore(value: 0)
        let process = self.process
        DispatchQueue.global().async {
            process.waitUntilExit()
            exited.signal()
        }
        guard exited.wait(timeout: .now() + timeout) == .success else { return nil }
        return process.terminationStatus
    }
}

/// Lines read from a pipe, with a way to wait for one.
public final class LineCollector: @unchecked Sendable {
    let pipe = Pipe()
    private let condition = NSCondition()
    private var lines: [String] = []
    private var partial = Data()
    private var closed = false

    init() {
        // A thread of its own doing blocking reads: Foundation's readabilityHandler on Linux does
        // not always report EOF, which made waits run to their timeout.
        let descriptor = pipe.fileHandleForReading.fileDescriptor
        let thread = Thread { [self] in
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                receive(count > 0 ? Data(chunk[0..<count]) : Data())
                if count <= 0 { return }
            }
        }
        thread.start()
    }

    private func receive(_ data: Data) {
        condition.lock()
        defer { condition.broadcast(); condition.unlock() }
        if data.isEmpty {
            if !partial.isEmpty { lines.append(String(decoding: partial, as: UTF8.self)) }
            partial.removeAll()
            closed = true
            return
        }
        partial.append(data)
        while let newline = partial.firstIndex(of: 0x0A) {
            lines.append(String(decoding: partial[partial.startIndex..<newline], as: UTF8.self))
            partial.removeSubrange(partial.startIndex...newline)
        }
    }

    /// The first line (so far or within `timeout`) for which `predicate` holds.
    public func waitForLine(timeout: TimeInterval, where predicate: (String) -> Bool) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let line = lines.first(where: predicate) { return line }
            if closed || !condition.wait(until: deadline) { return lines.first(where: predicate) }
        }
    }

    /// Every line, once the writer has closed the pipe (or `timeout` passed).
    public func finishedLines(timeout: TimeInterval) -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while !closed && condition.wait(until: deadline) {}
        return lines
    }

    /// The lines so far.
    public var snapshot: [String] {
        condition.lock()
        defer { condition.unlock() }
        return lines
    }
}
