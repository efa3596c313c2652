import Foundation
import DanaSandboxAPIs
import SandboxStorage

extension ServeOptions {
    /// One flag: its name, whether it repeats, and how its text value is applied.
    private struct Flag: Sendable {
        let name: String
        let repeatable: Bool
        let apply: @Sendable (inout ServeOptions, String) throws(UsageError) -> Void

        var environmentName: String { ServeOptions.environmentName(of: name) }
    }

    private static let flags: [Flag] = [
        Flag(name: "host", repeatable: false) { options, value throws(UsageError) in
            guard !value.isEmpty else { throw UsageError("--host needs an address, e.g. 127.0.0.1") }
            options.host = value
        },
        Flag(name: "port", repeatable: false) { options, value throws(UsageError) in
            options.port = try integer(value, flag: "port", in: 0...65535)
        },
        Flag(name: "db", repeatable: false) { options, value throws(UsageError) in
            options.database = try nonEmpty(value, flag: "db")
        },
        Flag(name: "seed", repeatable: false) { options, value throws(UsageError) in
            options.seed = try nonEmpty(value, flag: "seed")
        },
        Flag(name: "scenarios", repeatable: false) { options, value throws(UsageError) in
            options.scenarios = try nonEmpty(value, flag: "scenarios")
        },
        Flag(name: "keys", repeatable: false) { options, value throws(UsageError) in
            options.keys = try nonEmpty(value, flag: "keys")
        },
        Flag(name: "scenario", repeatable: true) { options, value throws(UsageError) in
            options.activeScenarios.append(try nonEmpty(value, flag: "scenario"))
        },
        Flag(name: "partner", repeatable: true) { options, value throws(UsageError) in
            let parts = value.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw UsageError("--partner takes [dana:|paylabs:]CLIENT_ID=PUBLIC_KEY_FILE, not '\(value)'")
            }
            var clientID = String(parts[0])
            var family: PartnerFamily?
            for candidate in PartnerFamily.allCases where clientID.lowercased().hasPrefix(candidate.rawValue.lowercased() + ":") {
                family = candidate
                clientID = String(clientID.dropFirst(candidate.rawValue.count + 1))
            }
            guard !clientID.isEmpty else { throw UsageError("--partner needs a client id before '='") }
            options.partners.append(PartnerKey(clientID: clientID, publicKeyPath: String(parts[1]), family: family))
        },
        Flag(name: "partner-secret", repeatable: true) { options, value throws(UsageError) in
            let parts = value.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw UsageError("--partner-secret takes CLIENT_ID=SECRET, not '\(value)'")
            }
            options.partnerSecrets[String(parts[0])] = String(parts[1])
        },
        Flag(name: "log-format", repeatable: false) { options, value throws(UsageError) in
            options.logFormat = try choice(value, flag: "log-format")
        },
        Flag(name: "signatures", repeatable: false) { options, value throws(UsageError) in
            options.signatures = try choice(value, flag: "signatures")
        },
        Flag(name: "journal-limit", repeatable: false) { options, value throws(UsageError) in
            options.journalLimit = try integer(value, flag: "journal-limit", in: 1...1_000_000)
        },
        Flag(name: "timestamp-window", repeatable: false) { options, value throws(UsageError) in
            options.timestampWindowSeconds = try seconds(value, flag: "timestamp-window")
        },
        Flag(name: "openapi-signature-error", repeatable: false) { options, value throws(UsageError) in
            let parts = value.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 2, !parts[0].isEmpty, parts[0].count <= 16, !parts[1].isEmpty else {
                throw UsageError("--openapi-signature-error takes RESULT_CODE_ID:RESULT_CODE[:MESSAGE], not '\(value)'")
            }
            options.openAPISignatureFailure = OpenAPIResult(.failure, parts[0], parts[1], parts.count > 2 ? parts[2] : "Invalid signature")
        },
        Flag(name: "admin-token", repeatable: false) { options, value throws(UsageError) in
            options.adminToken = try nonEmpty(value, flag: "admin-token")
        },
        Flag(name: "max-body", repeatable: false) { options, value throws(UsageError) in
            options.maxBodyBytes = try integer(value, flag: "max-body", in: 1...(256 * 1024 * 1024))
        },
        Flag(name: "read-timeout", repeatable: false) { options, value throws(UsageError) in
            options.readTimeoutSeconds = try seconds(value, flag: "read-timeout")
        },
        Flag(name: "idle-timeout", repeatable: false) { options, value throws(UsageError) in
            options.idleTimeoutSeconds = try seconds(value, flag: "idle-timeout")
        },
    ]

    /// The variable that sets a flag: `DANA_SANDBOX_` and the flag name in capitals.
    public static func environmentName(of flag: String) -> String {
        "DANA_SANDBOX_" + flag.uppercased().replacingOccurrences(of: "-", with: "_")
    }

    /// Every flag name, for usage text and tests.
    public static var flagNames: [String] { flags.map(\.name) }

    /// Merges flags over `DANA_SANDBOX_*` variables over defaults. Repeatable flags given on the
    /// command line replace their variable's list; in a variable they are comma-separated.
    static func parse(_ arguments: [String], environment: [String: String]) throws(UsageError) -> ServeOptions {
        var fromFlags: [(Flag, String)] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            guard argument.hasPrefix("--") else {
                throw UsageError("unexpected argument '\(argument)'")
            }
            let body = argument.dropFirst(2)
            let name: String
            let value: String?
            if let equals = body.firstIndex(of: "=") {
                name = String(body[..<equals])
                value = String(body[body.index(after: equals)...])
            } else {
                name = String(body)
                value = nil
            }
            guard let flag = flags.first(where: { $0.name == name }) else {
                throw UsageError("unknown option '--\(name)'")
            }
            let given: String
            if let value {
                given = value
            } else {
                index += 1
                guard index < arguments.count, !arguments[index].hasPrefix("--") else {
                    throw UsageError("--\(name) needs a value")
                }
                given = arguments[index]
            }
            if !flag.repeatable, fromFlags.contains(where: { $0.0.name == name }) {
                throw UsageError("--\(name) is given more than once")
            }
            fromFlags.append((flag, given))
            index += 1
        }

        var options = ServeOptions()
        for flag in flags where !fromFlags.contains(where: { $0.0.name == flag.name }) {
            guard let text = environment[flag.environmentName] else { continue }
            let values = flag.repeatable ? text.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } : [text]
            for value in values {
                do throws(UsageError) {
                    try flag.apply(&options, value)
                } catch {
                    throw UsageError("\(flag.environmentName): \(error.message)")
                }
            }
            options.explicitlySet.insert(flag.name)
        }
        for (flag, value) in fromFlags {
            try flag.apply(&options, value)
            options.explicitlySet.insert(flag.name)
        }
        return options
    }

    // MARK: - Value parsers

    private static func nonEmpty(_ value: String, flag: String) throws(UsageError) -> String {
        guard !value.isEmpty else { throw UsageError("--\(flag) needs a value") }
        return value
    }

    private static func integer(_ value: String, flag: String, in range: ClosedRange<Int>) throws(UsageError) -> Int {
        guard let number = Int(value), range.contains(number) else {
            throw UsageError("--\(flag) takes a whole number from \(range.lowerBound) to \(range.upperBound), not '\(value)'")
        }
        return number
    }

    private static func seconds(_ value: String, flag: String) throws(UsageError) -> Double {
        guard let number = Double(value), number > 0, number <= 86_400 else {
            throw UsageError("--\(flag) takes a number of seconds above 0, not '\(value)'")
        }
        return number
    }

    private static func choice<T: RawRepresentable & CaseIterable>(_ value: String, flag: String) throws(UsageError) -> T where T.RawValue == String {
        guard let chosen = T(rawValue: value) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: " or ")
            throw UsageError("--\(flag) takes \(allowed), not '\(value)'")
        }
        return chosen
    }
}
