import Foundation

/// Runs a command-line tool (openssl, sqlite3) as a second implementation to check ours against.
public enum Shell {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String

        public init(description: String) {
            self.description = description
        }
    }

    /// Runs `executable` with `arguments`, feeding `input`, and returns standard output; throws
    /// with standard error when the tool exits non-zero.
    public static func run(_ executable: String, _ arguments: [String], input: [UInt8] = []) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Write and read on separate threads: a tool that fills its output pipe before reading all
        // its input would otherwise deadlock with us.
        let writer = Thread {
            stdin.fileHandleForWriting.write(Data(input))
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(executable) \(arguments.joined(separator: " ")): \(String(decoding: errors, as: UTF8.self))")
        }
        return Array(output)
    }

    /// `openssl dgst -sha256 -sign KEY`: an RSA PKCS#1 v1.5 SHA-256 signature made by OpenSSL's CLI.
    public static func opensslSign(_ message: [UInt8], privateKeyPath: String) throws -> [UInt8] {
        try run("/usr/bin/openssl", ["dgst", "-sha256", "-sign", privateKeyPath], input: message)
    }
}
