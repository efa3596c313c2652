import SandboxHTTP
import SandboxJSON

/// The verdict on a partner's destination-inquiry endpoint: every probe's report, as JSON for
/// `POST /sandbox/destination-inquiry`, as text for a person, and as JUnit XML for CI.
public struct DestinationInquiryReport: Sendable {
    public let url: ClientURL
    public let probes: [ProbeReport]

    public var conformant: Bool { probes.allSatisfy(\.conformant) }

    /// One probe: its report at the top level. A suite: every probe under `probes`, and every
    /// violation, named by probe, under `violations`.
    public var json: JSONValue {
        if probes.count == 1, let probe = probes.first, let members = probe.json.objectMembers {
            return .object(members.filter { $0.key != "probe" })
        }
        return .fields([
            "conformant": .bool(conformant),
            "violations": .array(probes.flatMap { probe in
                probe.violations.map { violation in .object([JSONMember(key: "probe", value: .string(probe.name))] + (violation.json.objectMembers ?? [])) }
            }),
            "probes": .array(probes.map(\.json)),
        ])
    }

    /// A report to read in a terminal.
    public var text: String {
        var lines = ["destination inquiry to \(url)"]
        for probe in probes {
            let answer = probe.response.map { "HTTP \($0.status)" } ?? probe.failure.map(\.kind.rawValue) ?? "no answer"
            let count = probe.violations.count
            let verdict = probe.conformant ? "conformant" : "NOT CONFORMANT, \(count) violation\(count == 1 ? "" : "s")"
            lines.append("  \(probe.name): \(verdict) (\(answer), \(probe.durationMilliseconds) ms)")
            for violation in probe.violations {
                lines.append("    x \(violation.rule) at \(violation.path)")
                lines.append("        found:    \(violation.found)")
                lines.append("        expected: \(violation.expected)")
            }
            if !probe.unchecked.isEmpty { lines.append("    not checked: \(probe.unchecked.count) rules that need an answer to check") }
        }
        let broken = probes.reduce(0) { $0 + $1.violations.count }
        lines.append(conformant ? "verdict: conformant" : "verdict: NOT CONFORMANT (\(broken) violation\(broken == 1 ? "" : "s"))")
        return lines.joined(separator: "\n")
    }

    /// JUnit XML: a test suite per probe, a test case per rule: failed with what was found and
    /// expected, skipped when an earlier rule left nothing to check.
    public var junit: String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let total = probes.reduce(0) { $0 + $1.rules.count }
        let failures = probes.reduce(0) { $0 + Set($1.violations.map(\.rule)).count }
        let skipped = probes.reduce(0) { $0 + $1.unchecked.count }
        xml += "<testsuites name=\"destination inquiry\" tests=\"\(total)\" failures=\"\(failures)\" skipped=\"\(skipped)\">\n"
        for probe in probes {
            let broken = Set(probe.violations.map(\.rule))
            let suite = "destination-inquiry.\(probe.name)"
            xml += "  <testsuite name=\(Self.attribute(suite)) tests=\"\(probe.rules.count)\" failures=\"\(broken.count)\" skipped=\"\(probe.unchecked.count)\" time=\"\(Self.seconds(probe.duration))\">\n"
            for rule in probe.rules {
                xml += "    <testcase classname=\(Self.attribute(suite)) name=\(Self.attribute(rule.id))"
                let found = probe.violations.filter { $0.rule == rule.id }
                if !found.isEmpty {
                    let detail = found.map { "\($0.path): found \($0.found); expected \($0.expected)" }.joined(separator: "\n")
                    xml += ">\n      <failure message=\(Self.attribute(rule.description))>\(Self.escape(detail))</failure>\n    </testcase>\n"
                } else if probe.unchecked.contains(rule.id) {
                    xml += ">\n      <skipped message=\"not checked: an earlier rule failed\"/>\n    </testcase>\n"
                } else {
                    xml += "/>\n"
                }
            }
            xml += "  </testsuite>\n"
        }
        return xml + "</testsuites>\n"
    }

    private static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        let fraction = String(milliseconds % 1000)
        return "\(milliseconds / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }

    private static func attribute(_ text: String) -> String { "\"\(escape(text))\"" }

    private static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            // XML 1.0 has no other control characters, even escaped.
            case _ where scalar.value < 0x20: out += "?"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
