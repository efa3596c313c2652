import Foundation
import SandboxJSON

/// What a `match` condition asks of a header or body value. A plain value means "equals"; an
/// object is a matcher: `matches` (a regular expression the whole value must match), `contains`,
/// `absent`, `present`, `oneOf`, and `gt`, `gte`, `lt`, `lte` on numbers or amounts given as
/// strings (`"10000.00"`), any of those four together.
public enum ScenarioMatcher: Sendable, Equatable, CustomStringConvertible {
    case equals(JSONValue)
    case matches(Pattern)
    case contains(String)
    case absent
    case present
    case oneOf([JSONValue])
    case compare([(operation: String, bound: Double)])

    /// A compiled regular expression; `NSRegularExpression` is immutable, so sharing it is safe.
    public final class Pattern: @unchecked Sendable, Equatable {
        public let source: String
        let expression: NSRegularExpression

        init(_ source: String) throws {
            self.source = source
            expression = try NSRegularExpression(pattern: "^(?:\(source))$")
        }

        func matches(_ text: String) -> Bool {
            expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }

        public static func == (lhs: Pattern, rhs: Pattern) -> Bool { lhs.source == rhs.source }
    }

    static let comparisons = ["gt", "gte", "lt", "lte"]
    static let keys = ["matches", "contains", "absent", "present", "oneOf"] + comparisons

    /// The matcher `value` of a scenario file describes, or why it is not one.
    static func parse(_ value: JSONValue) throws(ScenarioMatcherError) -> ScenarioMatcher {
        switch value {
        case .array: throw ScenarioMatcherError("must be a plain value or a matcher object (\(keys.joined(separator: ", ")))")
        case .object(let members):
            if let unknown = members.first(where: { !keys.contains($0.key) }) {
                throw ScenarioMatcherError("'\(unknown.key)' is not a matcher; matchers: \(keys.joined(separator: ", "))", field: unknown.key)
            }
            let bounds = members.filter { comparisons.contains($0.key) }
            if !bounds.isEmpty {
                guard bounds.count == members.count else { throw ScenarioMatcherError("gt, gte, lt and lte combine only with each other") }
                return .compare(try bounds.map { member throws(ScenarioMatcherError) in
                    guard let bound = number(member.value) else { throw ScenarioMatcherError("must be a number or a numeric string, not \(member.value.text)", field: member.key) }
                    return (member.key, bound)
                })
            }
            guard members.count == 1, let member = members.first else { throw ScenarioMatcherError("takes one matcher: \(keys.joined(separator: ", "))") }
            switch member.key {
            case "matches":
                guard let source = member.value.stringValue else { throw ScenarioMatcherError("must be a regular expression in a string", field: "matches") }
                do {
                    return .matches(try Pattern(source))
                } catch {
                    throw ScenarioMatcherError("'\(source)' is not a valid regular expression", field: "matches")
                }
            case "contains":
                guard let text = member.value.stringValue else { throw ScenarioMatcherError("must be a string", field: "contains") }
                return .contains(text)
            case "absent", "present":
                guard member.value.boolValue == true else { throw ScenarioMatcherError("must be true", field: member.key) }
                return member.key == "absent" ? .absent : .present
            default:
                guard let items = member.value.arrayValue, !items.isEmpty, items.allSatisfy({ $0.arrayValue == nil && $0.objectMembers == nil }) else {
                    throw ScenarioMatcherError("must be a non-empty list of plain values", field: "oneOf")
                }
                return .oneOf(items)
            }
        default:
            return .equals(value)
        }
    }

    /// Whether `actual` (nil when the header or member is absent) satisfies this matcher.
    func accepts(_ actual: JSONValue?) -> Bool {
        let present = actual.map { !$0.isNull } ?? false
        switch self {
        case .absent: return !present
        case .present: return present
        case .equals(let expected): return Self.equal(actual, expected)
        case .oneOf(let choices): return choices.contains { Self.equal(actual, $0) }
        case .contains(let text): return Self.text(actual)?.contains(text) ?? false
        case .matches(let pattern): return Self.text(actual).map(pattern.matches) ?? false
        case .compare(let bounds):
            guard let actual, let number = Self.number(actual) else { return false }
            return bounds.allSatisfy { bound in
                switch bound.operation {
                case "gt": number > bound.bound
                case "gte": number >= bound.bound
                case "lt": number < bound.bound
                default: number <= bound.bound
                }
            }
        }
    }

    /// Equality as scenario files mean it: null is absence, and `"10000.00"` in a file equals a
    /// number in a body and the other way round.
    private static func equal(_ actual: JSONValue?, _ expected: JSONValue) -> Bool {
        if expected.isNull { return actual == nil || actual?.isNull == true }
        guard let actual else { return false }
        return actual == expected || text(actual) == text(expected)
    }

    private static func text(_ value: JSONValue?) -> String? {
        guard let value else { return nil }
        return value.stringValue ?? value.numberLexeme ?? value.boolValue.map { String($0) }
    }

    private static func number(_ value: JSONValue) -> Double? {
        (value.numberLexeme ?? value.stringValue).flatMap(Double.init)
    }

    public var description: String {
        switch self {
        case .equals(let value): value.text
        case .matches(let pattern): "matches \(pattern.source)"
        case .contains(let text): "contains \(text)"
        case .absent: "absent"
        case .present: "present"
        case .oneOf(let choices): "one of \(JSONValue.array(choices).text)"
        case .compare(let bounds): bounds.map { "\($0.operation) \($0.bound)" }.joined(separator: ", ")
        }
    }

    public static func == (lhs: ScenarioMatcher, rhs: ScenarioMatcher) -> Bool { lhs.description == rhs.description }
}
