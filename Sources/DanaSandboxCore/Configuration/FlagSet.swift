import SandboxStorage

/// The `--name value` flags of one command and how each applies to its options, with the
/// `DANA_SANDBOX_<NAME>` variable of each: flags win over variables, variables over defaults.
struct FlagSet<Options>: Sendable {
    struct Flag: Sendable {
        let name: String
        /// Given more than once, every value applies; in a variable, values are comma-separated.
        var repeatable = false
        /// Takes no value (`--insecure`); `--insecure=false` and a variable `0` or `false` unset it.
        var isSwitch = false
        let apply: @Sendable (inout Options, String) throws(UsageError) -> Void

        var environmentName: String { FlagSet.environmentName(of: name) }
    }

    let flags: [Flag]

    init(_ flags: [Flag]) {
        self.flags = flags
    }

    /// The variable that sets a flag: `DANA_SANDBOX_` and the flag name in capitals.
    static func environmentName(of flag: String) -> String {
        // Not Foundation's replacingOccurrences: it bridges through NSString, which showed in the
        // start-up profile with one call per flag.
        "DANA_SANDBOX_" + String(flag.uppercased().map { $0 == "-" ? "_" : $0 })
    }

    /// Applies `arguments` (flags, and at most `positionals` other words, returned in order) and
    /// then the variables of flags not given, to `options`. Returns the names of the flags set.
    func parse(_ arguments: [String], environment: [String: String], into options: inout Options, positionals: Int = 0) throws(UsageError) -> (set: Set<String>, positional: [String]) {
        var fromFlags: [(Flag, String)] = []
        var positional: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("--") else {
                guard positional.count < positionals else { throw UsageError("unexpected argument '\(argument)'") }
                positional.append(argument)
                continue
            }
            let body = argument.dropFirst(2)
            let name = String(body.prefix { $0 != "=" })
            let inline = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : nil
            guard let flag = flags.first(where: { $0.name == name }) else {
                throw UsageError("unknown option '--\(name)'")
            }
            let given: String
            if let inline {
                given = inline
            } else if flag.isSwitch {
                given = "true"
            } else {
                guard index < arguments.count, !arguments[index].hasPrefix("--") else {
                    throw UsageError("--\(name) needs a value")
                }
                given = arguments[index]
                index += 1
            }
            if !flag.repeatable, fromFlags.contains(where: { $0.0.name == name }) {
                throw UsageError("--\(name) is given more than once")
            }
            fromFlags.append((flag, given))
        }

        var set: Set<String> = []
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
            set.insert(flag.name)
        }
        for (flag, value) in fromFlags {
            try flag.apply(&options, value)
            set.insert(flag.name)
        }
        return (set, positional)
    }

    // MARK: - Value parsers

    static func nonEmpty(_ value: String, flag: String) throws(UsageError) -> String {
        guard !value.isEmpty else { throw UsageError("--\(flag) needs a value") }
        return value
    }

    static func integer(_ value: String, flag: String, in range: ClosedRange<Int>) throws(UsageError) -> Int {
        guard let number = Int(value), range.contains(number) else {
            throw UsageError("--\(flag) takes a whole number from \(range.lowerBound) to \(range.upperBound), not '\(value)'")
        }
        return number
    }

    static func seconds(_ value: String, flag: String) throws(UsageError) -> Double {
        guard let number = Double(value), number > 0, number <= 86_400 else {
            throw UsageError("--\(flag) takes a number of seconds above 0, not '\(value)'")
        }
        return number
    }

    static func boolean(_ value: String, flag: String) throws(UsageError) -> Bool {
        switch value.lowercased() {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw UsageError("--\(flag) is on or off (true or false), not '\(value)'")
        }
    }

    static func choice<T: RawRepresentable & CaseIterable>(_ value: String, flag: String) throws(UsageError) -> T where T.RawValue == String {
        guard let chosen = T(rawValue: value) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: " or ")
            throw UsageError("--\(flag) takes \(allowed), not '\(value)'")
        }
        return chosen
    }

    /// `[dana:|paylabs:]CLIENT_ID=PUBLIC_KEY_FILE`.
    static func partnerKey(_ value: String) throws(UsageError) -> ServeOptions.PartnerKey {
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
        return ServeOptions.PartnerKey(clientID: clientID, publicKeyPath: String(parts[1]), family: family)
    }
}
