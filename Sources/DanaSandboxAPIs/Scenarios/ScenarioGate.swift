import SandboxHTTP
import SandboxJSON
import SandboxSupport

/// Stands in front of one emulated endpoint. It lints every request against the endpoint's
/// documented rules (reported in `X-Sandbox-Lint`, the journal and the log; refused in strict
/// mode once the request has authenticated). A scenario rule marked `beforeAuth` may catch a
/// request at once; any other rule is checked at the endpoint's checkpoint, after the request's
/// signature and mandatory headers pass, so a drill cannot mask a signing bug. A request that
/// names scenarios gets `X-Sandbox-Scenario-Applied`: the rule that fired, or `none` and why.
public struct ScenarioGate: RequestHandler {
    public static let appliedHeader = "X-Sandbox-Scenario-Applied"
    public static let lintHeader = "X-Sandbox-Lint"
    public static let strictHeader = "X-Sandbox-Strict"

    let endpoint: EndpointDescriptor
    let lintRules: [LintRule]
    let boundary: EndpointBoundary
    let library: ScenarioLibrary
    let lintLog: LintLog
    let strict: Bool
    let logger: Logger

    public init(endpoint: EndpointDescriptor, lintRules: [LintRule], boundary: EndpointBoundary, library: ScenarioLibrary, lintLog: LintLog, strict: Bool, logger: Logger) {
        self.endpoint = endpoint
        self.lintRules = lintRules
        self.boundary = boundary
        self.library = library
        self.lintLog = lintLog
        self.strict = strict
        self.logger = logger
    }

    public func handle(_ request: HTTPRequest) -> Reply {
        let body = try? JSONScanner.parse(request.body)
        let strictValue = request.headers[Self.strictHeader]?.lowercased()
        let isStrict = strictValue.map { $0 == "1" || $0 == "true" } ?? strict
        let findings = lintRules.compactMap { $0.finding(request, body: body) }
        if library.isIdle(for: request) {
            // No scenario in play: strict mode is the only thing at the checkpoint.
            let context = RequestContext(strict: isStrict, findings: findings, body: .some(body)) { context, real in
                try refuseIfStrict(context)
                return try real()
            }
            let reply = boundary.reply(for: request) { try boundary.endpoint.handle(request, context: context) }
            return report(context.findings, on: reply)
        }
        return withScenarios(request, body: body, strict: isStrict, findings: findings)
    }

    private func withScenarios(_ request: HTTPRequest, body: JSONValue?, strict: Bool, findings: [LintFinding]) -> Reply {
        let named: [String]
        do {
            named = try library.requested(by: request)
        } catch {
            return .respond(.jsonError(.badRequest, message: error.message))
        }
        var outcome = ScenarioOutcome.refusedBefore
        var reply: Reply
        let context = RequestContext(strict: strict, findings: findings, body: .some(body)) { context, real in
            try refuseIfStrict(context)
            outcome = library.match(endpoint, request, body: body, beforeAuth: false)
            guard let match = outcome.match else { return try real() }
            return apply(match, to: request, body: body) { boundary.reply(for: request, real) }
        }
        let early = library.match(endpoint, request, body: body, beforeAuth: true)
        if let match = early.match {
            outcome = early
            reply = apply(match, to: request, body: body) { boundary.handle(request) }
        } else {
            reply = boundary.reply(for: request) { try boundary.endpoint.handle(request, context: context) }
        }
        reply = report(context.findings, on: reply)
        guard !named.isEmpty else { return reply }
        return Self.annotating(Self.adding(Self.appliedHeader, outcome.applied, to: reply), ["scenario.applied": outcome.applied])
    }

    /// Strict mode: the first documented rule broken is refused in the family's own terms.
    private func refuseIfStrict(_ context: RequestContext) throws {
        if context.strict, let first = context.findings.first { throw boundary.endpoint.family.lintRefusal(first) }
    }

    /// The findings in `X-Sandbox-Lint`, in the journal's annotation, the lint log and one log line.
    private func report(_ findings: [LintFinding], on reply: Reply) -> Reply {
        guard !findings.isEmpty else { return reply }
        lintLog.record(findings, endpoint: endpoint.name)
        let rules = findings.map(\.rule).joined(separator: ",")
        logger.log(.warning, "lint", [("endpoint", .string(endpoint.name)), ("rules", .string(rules))])
        return Self.annotating(Self.adding(Self.lintHeader, rules, to: reply), ["lint": JSONValue.array(findings.map(\.json)).text])
    }

    /// The rule's answer, after its delay, annotated with its scenario.
    private func apply(_ match: ScenarioMatch, to request: HTTPRequest, body: JSONValue?, real: () -> Reply) -> Reply {
        var reply = ScenarioRenderer.render(match.rule.respond, endpoint: endpoint, family: boundary.endpoint.family, request: request, body: body, real: real)
        if match.rule.delayMilliseconds > 0 {
            reply = .delayed(milliseconds: match.rule.delayMilliseconds, reply)
        }
        return Self.annotating(reply, ["scenario": match.scenario])
    }

    /// `reply` with `annotations`, merged into its own when it has some.
    static func annotating(_ reply: Reply, _ annotations: [String: String]) -> Reply {
        if case .annotated(let existing, let inner) = reply { return .annotated(existing.merging(annotations) { $1 }, inner) }
        return .annotated(annotations, reply)
    }

    /// `reply` with a header on its response, when it has one (a fault may have none).
    static func adding(_ name: String, _ value: String, to reply: Reply) -> Reply {
        switch reply {
        case .respond(var response):
            response.headers.set(name, value)
            return .respond(response)
        case .annotated(let annotations, let inner): return .annotated(annotations, adding(name, value, to: inner))
        case .delayed(let milliseconds, let inner): return .delayed(milliseconds: milliseconds, adding(name, value, to: inner))
        default: return reply
        }
    }
}
