import SandboxHTTP
import SandboxJSON
import SandboxSupport

/// Why a signature did not verify, in the terms a partner needs to fix it: which key the sandbox
/// used, the exact string it expected to be signed, and every body form it tried.
public struct SignatureDiagnostics: Sendable, Equatable {
    public let partner: String
    public let keyFingerprint: String
    /// The string to sign built from the first body form (the raw body).
    public let expectedStringToSign: String
    /// `label=sha256-hex` of every body form tried.
    public let formsTried: [String]
    public let reason: String
    /// Values in the string to sign that logs must not show (a client secret, an access token, a
    /// B2B token): the journal masks the same ones. The debug message, which goes back to the
    /// partner who sent them, keeps them.
    public var secrets: [String] = []

    /// One line for `additionalInfo.debugMessage`, as DANA's sandbox gives with X-Debug-Mode.
    public var debugMessage: String {
        "\(reason); partner \(partner), key \(keyFingerprint), expected string to sign: \(expectedStringToSign); body forms tried: \(formsTried.joined(separator: ", "))"
    }

    public var logFields: [(String, LogLine.Value)] {
        [
            ("partner", .string(partner)),
            ("key", .string(keyFingerprint)),
            ("expected", .string(masked(expectedStringToSign))),
            ("forms", .string(formsTried.joined(separator: ","))),
            ("reason", .string(reason)),
        ]
    }

    /// The exchange's `signature` annotation, which the journal shows: JSON, secrets masked.
    public var annotations: [String: String] {
        ["signature": JSONValue.fields([
            "partner": .string(partner),
            "key": .string(keyFingerprint),
            "expectedStringToSign": .string(masked(expectedStringToSign)),
            "formsTried": .array(formsTried.map(JSONValue.string)),
            "reason": .string(reason),
        ]).text]
    }

    private func masked(_ text: String) -> String {
        secrets.filter { !$0.isEmpty }.reduce(text) { $0.replacingOccurrences(of: $1, with: "***") }
    }

    /// `additionalInfo.debugMessage` when `request` asks for it with `X-Debug-Mode: 1` (or
    /// `true`), else nothing.
    func debugMembers(for request: HTTPRequest) -> [JSONMember] {
        let mode = request.headers["X-Debug-Mode"]?.lowercased()
        guard mode == "1" || mode == "true" else { return [] }
        return [JSONMember(key: "additionalInfo", value: .fields(["debugMessage": .string(debugMessage)]))]
    }
}
