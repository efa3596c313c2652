import SandboxHTTP

/// Stands in front of one emulated endpoint: a request caught by an active rule gets the rule's
/// answer (after its delay); any other request goes to the endpoint as usual.
public struct ScenarioGate: RequestHandler {
    let endpoint: ScenarioEndpoint
    let inner: any RequestHandler
    let library: ScenarioLibrary
    let renderer: ScenarioRenderer

    public init(endpoint: ScenarioEndpoint, inner: any RequestHandler, library: ScenarioLibrary, renderer: ScenarioRenderer) {
        self.endpoint = endpoint
        self.inner = inner
        self.library = library
        self.renderer = renderer
    }

    public func handle(_ request: HTTPRequest) -> Reply {
        // The common case, no scenario in play, costs one lock and no parsing.
        if library.isIdle(for: request) { return inner.handle(request) }
        let body = try? JSONScanner.parse(request.body)
        let match: ScenarioMatch?
        do {
            match = try library.match(endpoint, request, body: body)
        } catch {
            return .respond(.jsonError(.badRequest, message: error.message))
        }
        guard let match else { return inner.handle(request) }
        var reply = renderer.render(match.rule.respond, endpoint: endpoint, request: request, body: body) { inner.handle(request) }
        if match.rule.delayMilliseconds > 0 {
            reply = .delayed(milliseconds: match.rule.delayMilliseconds, reply)
        }
        return .annotated(["scenario": match.scenario], reply)
    }
}
