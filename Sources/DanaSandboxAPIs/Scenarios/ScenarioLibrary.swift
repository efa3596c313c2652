import Foundation
import SandboxHTTP
import SandboxJSON
import SandboxSupport
import Synchronization

/// The loaded scenarios, which are active, and how often each `times` rule has applied.
///
/// Activation is either global (`--scenario`, `PUT /sandbox/scenarios/active`) or per request
/// (`X-Sandbox-Scenario`). Per-request `times` counters are kept per `X-Sandbox-Session`, so
/// parallel tests never consume each other's "fails twice" budget. Check-and-count happens under
/// one lock: two concurrent requests can never both take the last allowed match.
public final class ScenarioLibrary: Sendable {
    public static let scenarioHeader = "X-Sandbox-Scenario"
    public static let sessionHeader = "X-Sandbox-Session"
    /// The counter scope of global activations; header activations use "session <value>".
    static let globalScope = "global"

    private struct State {
        var scenarios: [String: Scenario] = [:]
        var names: [String] = []
        var active: [String] = []
        var counts: [String: Int] = [:]
        /// How often each rule answered since the last reset, by `name\u{1}index`, any scope.
        var hits: [String: Int] = [:]
        var fingerprint: [String] = []
        /// Why the last reload failed; nil once one succeeds.
        var reloadFailure: ScenarioLoadFailure?

        /// A reload keeps the counters of scenarios that still exist, so a test half-way through
        /// a "fails twice" drill is not reset by someone else's edit.
        mutating func install(_ loaded: [Scenario], fingerprint: [String]) {
            scenarios = Dictionary(uniqueKeysWithValues: loaded.map { ($0.name, $0) })
            names = loaded.map(\.name)
            counts = counts.filter { key, _ in
                let parts = key.split(separator: "\u{1}", omittingEmptySubsequences: false)
                return parts.count == 3 && scenarios[String(parts[1])].map { Int(parts[2]).map($0.rules.indices.contains) ?? false } ?? false
            }
            hits = hits.filter { key, _ in
                let parts = key.split(separator: "\u{1}", omittingEmptySubsequences: false)
                return parts.count == 2 && scenarios[String(parts[0])].map { Int(parts[1]).map($0.rules.indices.contains) ?? false } ?? false
            }
            self.fingerprint = fingerprint
            reloadFailure = nil
        }
    }

    public let source: ScenarioSource
    private let startActive: [String]
    private let logger: Logger
    /// The loaded scenarios, the active ones and their counters: matched on every event loop,
    /// changed by activation, resets and reloads (the file watcher's thread among them).
    private let state = Mutex(State())
    /// Set once, by `watch()` at start, and only kept alive here (a released source stops).
    private nonisolated(unsafe) var watcher: DispatchSourceTimer?

    /// Loads `source` and activates `active`; a broken file or an unknown name fails start-up.
    public init(source: ScenarioSource, active: [String], logger: Logger) throws(ScenarioLibraryError) {
        self.source = source
        self.startActive = active
        self.logger = logger
        switch source.load() {
        case .failure(let failure):
            throw .broken(failure)
        case .success(let scenarios):
            let fingerprint = source.fingerprint()
            state.withLock { $0.install(scenarios, fingerprint: fingerprint) }
        }
        do throws(ScenarioLookupError) {
            try activate(active)
        } catch {
            throw .unknownActive(error)
        }
    }

    // MARK: - Listing and activation

    public var scenarios: [Scenario] {
        state.withLock { state in state.names.compactMap { state.scenarios[$0] } }
    }

    public var activeNames: [String] {
        state.withLock { $0.active }
    }

    /// How often each rule of `name` has answered since the last reset, in rule order.
    public func hits(of name: String) -> [Int] {
        state.withLock { state in
            (state.scenarios[name]?.rules.indices).map { indices in indices.map { state.hits["\(name)\u{1}\($0)", default: 0] } } ?? []
        }
    }

    /// Why the last reload (by request or by the watcher) failed, while the previous set is kept.
    public var reloadFailure: ScenarioLoadFailure? {
        state.withLock { $0.reloadFailure }
    }

    /// Makes exactly `names` active for every request, with fresh `times` counters.
    public func activate(_ names: [String]) throws(ScenarioLookupError) {
        try state.withLock { (state: inout State) throws(ScenarioLookupError) in
            if let unknown = names.first(where: { state.scenarios[$0] == nil }) {
                throw ScenarioLookupError.unknown(unknown, known: state.names)
            }
            state.active = names
            // Only the global counters restart: session counters belong to their own tests.
            state.counts = state.counts.filter { !$0.key.hasPrefix(Self.globalScope + "\u{1}") }
        }
    }

    /// Back to the start: `--scenario` names active, every counter at zero.
    public func resetToStart() {
        state.withLock { state in
            state.active = startActive.filter { state.scenarios[$0] != nil }
            state.counts = [:]  // a reset is for everyone
            state.hits = [:]
        }
    }

    /// Every `times` counter of the header activations of `session` back to zero.
    public func resetSession(_ session: String) {
        state.withLock { state in
            state.counts = state.counts.filter { !$0.key.hasPrefix("session \(session)\u{1}") }
        }
    }

    // MARK: - Reloading

    /// Reads the source again. A broken edit keeps the previous set and says why.
    @discardableResult
    public func reload() -> Result<Int, ScenarioLoadFailure> {
        let fingerprint = source.fingerprint()
        switch source.load() {
        case .failure(let failure):
            state.withLock { state in
                state.fingerprint = fingerprint
                state.reloadFailure = failure
            }
            logger.log(.warning, "scenario reload failed; keeping the previous scenarios", [("problem", .string(failure.summary))])
            return .failure(failure)
        case .success(let scenarios):
            let dropped = state.withLock { state -> [String] in
                state.install(scenarios, fingerprint: fingerprint)
                let gone = state.active.filter { state.scenarios[$0] == nil }
                state.active.removeAll { state.scenarios[$0] == nil }
                return gone
            }
            logger.log(.notice, "scenarios reloaded", [("count", .number(String(scenarios.count))), ("folder", .string(source.description))])
            if !dropped.isEmpty {
                logger.log(.warning, "active scenarios no longer exist and were deactivated", [("names", .string(dropped.joined(separator: ",")))])
            }
            return .success(scenarios.count)
        }
    }

    /// Checks the folder every `interval` and reloads when a file was added, changed or removed;
    /// the built-in library is not watched.
    public func watch(every interval: DispatchTimeInterval = .seconds(1)) {
        guard case .folder = source else { return }
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "dana-sandbox.scenario-watcher"))
        timer.schedule(deadline: .now() + interval, repeating: interval)
        timer.setEventHandler { [weak self] in
            guard let self else { return }
            let fingerprint = self.source.fingerprint()
            if fingerprint != self.state.withLock({ $0.fingerprint }) { self.reload() }
        }
        timer.resume()
        watcher = timer
    }

    // MARK: - Matching

    /// True when no request can match anything: the gate skips all work.
    public func isIdle(for request: HTTPRequest) -> Bool {
        request.headers[Self.scenarioHeader] == nil && state.withLock { $0.active.isEmpty }
    }

    /// The scenario names of the request's `X-Sandbox-Scenario`, each checked to exist.
    public func requested(by request: HTTPRequest) throws(ScenarioLookupError) -> [String] {
        let names = (request.headers[Self.scenarioHeader] ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return try state.withLock { (state: inout State) throws(ScenarioLookupError) -> [String] in
            if let unknown = names.first(where: { state.scenarios[$0] == nil }) {
                throw ScenarioLookupError.unknown(unknown, known: state.names, header: true)
            }
            return names
        }
    }

    /// The first rule of this phase (`beforeAuth` or not), among the request's header scenarios
    /// then the active ones, that catches the request and has `times` left; its use is counted.
    /// When none does, why: the strongest reason any rule of the endpoint gave.
    public func match(_ endpoint: EndpointDescriptor, _ request: HTTPRequest, body: JSONValue?, beforeAuth: Bool) -> ScenarioOutcome {
        let requested = (try? requested(by: request)) ?? []
        let session = request.headers[Self.sessionHeader] ?? ""
        return state.withLock { state -> ScenarioOutcome in
            // Why nothing fired, strongest last: no rule for the endpoint, a match not met, times used up.
            var reasons: [ScenarioOutcome] = [.noRule]
            let candidates = requested.map { ($0, "session \(session)") } + state.active.map { ($0, Self.globalScope) }
            for (name, scope) in candidates {
                guard let scenario = state.scenarios[name] else { continue }
                for (index, rule) in scenario.rules.enumerated() where rule.endpoint == nil || rule.endpoint == endpoint {
                    guard rule.beforeAuth == beforeAuth, Self.matches(rule, request, body) else {
                        if reasons.count < 2 { reasons.append(.notMet) }
                        continue
                    }
                    if let times = rule.times {
                        let key = "\(scope)\u{1}\(name)\u{1}\(index)"
                        let used = state.counts[key, default: 0]
                        guard used < times else {
                            reasons = [.noRule, .notMet, .usedUp]
                            continue
                        }
                        state.counts[key] = used + 1
                    }
                    state.hits["\(name)\u{1}\(index)", default: 0] += 1
                    return .fired(ScenarioMatch(scenario: name, ruleIndex: index, rule: rule))
                }
            }
            return reasons[reasons.count - 1]
        }
    }

    static func matches(_ rule: ScenarioRule, _ request: HTTPRequest, _ body: JSONValue?) -> Bool {
        rule.match.allSatisfy { condition in
            if condition.key.hasPrefix("header.") {
                return condition.matcher.accepts(request.headers[String(condition.key.dropFirst("header.".count))].map(JSONValue.string))
            }
            return condition.matcher.accepts(body?.value(atPath: String(condition.key.dropFirst("body.".count))))
        }
    }
}
