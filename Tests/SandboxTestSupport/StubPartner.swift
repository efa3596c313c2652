import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A partner's destination-inquiry endpoint (`Tests/Partner/stub_partner.py`), over HTTP or over
/// HTTPS with a self-signed certificate made by the `openssl` command for 127.0.0.1 and localhost.
/// It checks each request's DANA signature with `openssl` and logs what it received.
public final class StubPartner: @unchecked Sendable {
    public let port: Int
    public let isSecure: Bool
    /// The self-signed certificate, for `--ca-file`, when secure.
    public let certificatePath: String?
    private let folder: URL
    private let process = Process()
    private let output = LineCollector()

    public init(secure: Bool = false) throws {
        folder = try Repository.temporaryDirectory()
        isSecure = secure
        var arguments = [
            Repository.path("Tests/Partner/stub_partner.py"),
            "--dana-public-key", Repository.path("keys/dana-public.pem"),
            "--partner-key", Repository.path("keys/demo-partner-private.pem"),
            "--other-key", Repository.path("keys/paylabs-private.pem"),
            "--log", folder.appendingPathComponent("requests.jsonl").path,
        ]
        if secure {
            let certificate = folder.appendingPathComponent("cert.pem").path, key = folder.appendingPathComponent("key.pem").path
            _ = try Shell.run("/usr/bin/openssl", [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate, "-days", "1",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
            ])
            arguments += ["--cert", certificate, "--cert-key", key]
            certificatePath = certificate
        } else {
            certificatePath = nil
        }
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.standardOutput = output.pipe
        process.standardError = FileHandle.standardError
        try process.run()
        guard let line = output.waitForLine(timeout: 20, where: { Int($0) != nil }), let port = Int(line) else {
            process.terminate()
            throw Shell.Failure(description: "the stub partner did not start")
        }
        self.port = port
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: folder)
    }

    /// The URL of one behaviour: `conformant`, or a variant that breaks one rule.
    public func url(_ variant: String, host: String = "127.0.0.1") -> String {
        "\(isSecure ? "https" : "http")://\(host):\(port)/\(variant)/destination/inquiry"
    }

    /// What the stub received, oldest first: `variant`, `verified` (the DANA signature, checked by
    /// openssl), `contentType`, `head` and `body`.
    public func requests() throws -> [[String: Any]] {
        let path = folder.appendingPathComponent("requests.jsonl").path
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { line in
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
        }
    }
}
