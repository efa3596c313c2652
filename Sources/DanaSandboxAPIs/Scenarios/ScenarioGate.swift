import SandboxHTTP
import SandboxJSON

/// Stands in front of one emulated endpoint. A rule marked `beforeAuth` may catch a request at
/// once; any other rule is checked at the endpoint's checkpoint, after the request's signature
/// and mandatory headers pass, so a drill cannot mask a signing bug. A request that names
/// scenarios gets `X-Sandbox-Scenario-Applied`: the rule that fired, or `none` and why.
public struct ScenarioGate: RequestHandler {
    public static let appliedHeader = "X-Sandbox-Scenario-Applied"

    let endpoint: EndpointDescriptor
    let boundary: EndpointBoundary
    let library: ScenarioLibrary

    public init(endpoint: EndpointDescriptor, boundary: EndpointBoundary, library: ScenarioLibrary) {
        self.endpoint = endpoint
        self.boundary = boundary
        self.library = library
    }

    public func handle(_ request: HTTPRequest) -> Reply {
        // The common case, no scenario in play, costs one lock and no parsing.
        if library.isIdle(for: request) { return boundary.handle(request) }
        let named: [String]
        do {
            named = try library.requested(by: request)
        } catch {
            return .respond(.jsonError(.badRequest, message: error.message))
        }
        let body = try? JSONScanner.parse(request.body)
        var outcome = ScenarioOutcome.refusedBefore
        var reply: Reply
        let early = library.match(endpoint, request, body: body, beforeAuth: true)
        if let match = early.match {
            outcome = early
            reply = apply(match, to: request, body: body) { boundary.handle(request) }
        } else {
            reply = boundary.reply(for: request) {
                try boundary.endpoint.handle(request, checkpoint: ScenarioCheckpoint { real in
                    outcome = library.match(endpoint, request, body: body, beforeAuth: false)
                    guard let match = outcome.match else { return try real() }
                    return apply(match, to: request, body: body) { boundary.reply(for: request, real) }
                })
            }
        }
        guard !named.isEmpty else { return reply }
        return Self.annotating(Self.adding(Self.appliedHeader, outcome.applied, to: reply), ["scenario.applied": outcome.applied])
    }

    /// `reply` with `annotations`, merged into its own when it has some.
    static func annotating(_ reply: Reply, _ annotations: [String: String]) -> Reply {
        if case .annotated(let existing, let inner) = reply { return .annotated(existing.merging(annotations) { $1 }, inner) }
        return .annotated(annotations, reply)
    }

    /// The rule's answer, after its delay, annotated with its scenario.
    private func apply(_ match: ScenarioMatch, to request: HTTPRequest, body: JSONValue?, real: () -> Reply) -> Reply {
        var reply = ScenarioRenderer.render(match.rule.respond, endpoint: endpoint, family: boundary.endpoint.family, request: request, body: body, real: real)
        if match.rule.delayMilliseconds > 0 {
            reply = .delayed(milliseconds: match.rule.delayMilliseconds, reply)
        }
        return .annotated(["scenario": match.scenario], reply)
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
