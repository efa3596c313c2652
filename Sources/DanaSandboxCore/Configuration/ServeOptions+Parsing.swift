import Foundation
import DanaSandboxAPIs
import SandboxStorage

extension ServeOptions {
    private typealias Flags = FlagSet<ServeOptions>

    private static let flags = Flags([
        .init(name: "host") { options, value throws(UsageError) in
            guard !value.isEmpty else { throw UsageError("--host needs an address, e.g. 127.0.0.1") }
            options.host = value
        },
        .init(name: "port") { options, value throws(UsageError) in options.port = try Flags.integer(value, flag: "port", in: 0...65535) },
        .init(name: "db") { options, value throws(UsageError) in options.database = try Flags.nonEmpty(value, flag: "db") },
        .init(name: "seed") { options, value throws(UsageError) in options.seed = try Flags.nonEmpty(value, flag: "seed") },
        .init(name: "scenarios") { options, value throws(UsageError) in options.scenarios = try Flags.nonEmpty(value, flag: "scenarios") },
        .init(name: "keys") { options, value throws(UsageError) in options.keys = try Flags.nonEmpty(value, flag: "keys") },
        .init(name: "scenario", repeatable: true) { options, value throws(UsageError) in
            options.activeScenarios.append(try Flags.nonEmpty(value, flag: "scenario"))
        },
        .init(name: "partner", repeatable: true) { options, value throws(UsageError) in options.partners.append(try Flags.partnerKey(value)) },
        .init(name: "partner-secret", repeatable: true) { options, value throws(UsageError) in
            let parts = value.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw UsageError("--partner-secret takes CLIENT_ID=SECRET, not '\(value)'")
            }
            options.partnerSecrets[String(parts[0])] = String(parts[1])
        },
        .init(name: "log-format") { options, value throws(UsageError) in options.logFormat = try Flags.choice(value, flag: "log-format") },
        .init(name: "signatures") { options, value throws(UsageError) in options.signatures = try Flags.choice(value, flag: "signatures") },
        .init(name: "journal-limit") { options, value throws(UsageError) in
            options.journalLimit = try Flags.integer(value, flag: "journal-limit", in: 1...1_000_000)
        },
        .init(name: "timestamp-window") { options, value throws(UsageError) in
            options.timestampWindowSeconds = try Flags.seconds(value, flag: "timestamp-window")
        },
        .init(name: "openapi-signature-error") { options, value throws(UsageError) in
            let parts = value.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 2, !parts[0].isEmpty, parts[0].count <= 16, !parts[1].isEmpty else {
                throw UsageError("--openapi-signature-error takes RESULT_CODE_ID:RESULT_CODE[:MESSAGE], not '\(value)'")
            }
            options.openAPISignatureFailure = OpenAPIResult(.failure, parts[0], parts[1], parts.count > 2 ? parts[2] : "Invalid signature")
        },
        .init(name: "admin-token") { options, value throws(UsageError) in options.adminToken = try Flags.nonEmpty(value, flag: "admin-token") },
        .init(name: "max-body") { options, value throws(UsageError) in
            options.maxBodyBytes = try Flags.integer(value, flag: "max-body", in: 1...(256 * 1024 * 1024))
        },
        .init(name: "read-timeout") { options, value throws(UsageError) in options.readTimeoutSeconds = try Flags.seconds(value, flag: "read-timeout") },
        .init(name: "idle-timeout") { options, value throws(UsageError) in options.idleTimeoutSeconds = try Flags.seconds(value, flag: "idle-timeout") },
        .init(name: "strict", isSwitch: true) { options, value throws(UsageError) in options.strict = try Flags.boolean(value, flag: "strict") },
        .init(name: "fixtures", repeatable: true) { options, value throws(UsageError) in options.fixtures.append(try Flags.nonEmpty(value, flag: "fixtures")) },
        .init(name: "session-ttl") { options, value throws(UsageError) in options.sessionTTLSeconds = try Flags.seconds(value, flag: "session-ttl") },
        .init(name: "max-sessions") { options, value throws(UsageError) in options.maxSessions = try Flags.integer(value, flag: "max-sessions", in: 1...100_000) },
        .init(name: "ca-file") { options, value throws(UsageError) in options.caFile = try Flags.nonEmpty(value, flag: "ca-file") },
        .init(name: "insecure", isSwitch: true) { options, value throws(UsageError) in options.insecure = try Flags.boolean(value, flag: "insecure") },
    ])

    /// The variable that sets a flag: `DANA_SANDBOX_` and the flag name in capitals.
    public static func environmentName(of flag: String) -> String {
        Flags.environmentName(of: flag)
    }

    /// Every flag name, for usage text and tests.
    public static var flagNames: [String] { flags.flags.map(\.name) }

    /// Merges flags over `DANA_SANDBOX_*` variables over defaults. Repeatable flags given on the
    /// command line replace their variable's list; in a variable they are comma-separated.
    static func parse(_ arguments: [String], environment: [String: String]) throws(UsageError) -> ServeOptions {
        var options = ServeOptions()
        options.explicitlySet = try flags.parse(arguments, environment: environment, into: &options).set
        return options
    }
}
