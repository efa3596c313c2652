import Synchronization
import SandboxJSON

/// Every finding since the last reset, counted by rule and by endpoint, for `GET /sandbox/lint`:
/// a test run can end with "your integration broke these documented rules".
public final class LintLog: Sendable {
    private struct Counts {
        var byRule: [String: Int] = [:]
        var byEndpoint: [String: [String: Int]] = [:]
        var requests = 0
        /// One example finding per rule, to say what the rule is.
        var examples: [String: LintFinding] = [:]
    }

    /// Guarded because every event loop records into it.
    private let counts = Mutex(Counts())

    public init() {}

    public func record(_ findings: [LintFinding], endpoint: String) {
        guard !findings.isEmpty else { return }
        counts.withLock { counts in
            counts.requests += 1
            for finding in findings {
                counts.byRule[finding.rule, default: 0] += 1
                counts.byEndpoint[endpoint, default: [:]][finding.rule, default: 0] += 1
                if counts.examples[finding.rule] == nil { counts.examples[finding.rule] = finding }
            }
        }
    }

    public func clear() {
        counts.withLock { $0 = Counts() }
    }

    public var json: JSONValue {
        counts.withLock { counts in
            .fields([
                "requestsWithFindings": .number(String(counts.requests)),
                "rules": .array(counts.byRule.keys.sorted().map { rule in
                    let example = counts.examples[rule]
                    return .fields([
                        "rule": .string(rule), "count": .number(String(counts.byRule[rule] ?? 0)),
                        "field": example.map { .string($0.field) }, "expected": example.map { .string($0.expected) },
                        "document": example.map { .string($0.document) },
                    ])
                }),
                "endpoints": .object(counts.byEndpoint.keys.sorted().map { endpoint in
                    JSONMember(key: endpoint, value: .object((counts.byEndpoint[endpoint] ?? [:]).sorted { $0.key < $1.key }.map {
                        JSONMember(key: $0.key, value: .number(String($0.value)))
                    }))
                }),
            ])
        }
    }
}
