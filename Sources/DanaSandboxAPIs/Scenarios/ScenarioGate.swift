import SandboxHTTP
import SandboxJSON

/// Stands in front of one emulated endpoint: a request caught by an active rule gets the rule's
/// answer (after its delay); any other request goes to the endpoint as usual.
public struct ScenarioGate: RequestHandler {
    let endpoint: EndpointDescriptor
    let family: any APIFamily
    let inner: any RequestHandler
    let library: ScenarioLibrary

    public init(endpoint: EndpointDescriptor, family: any APIFamily, inner: any RequestHandler, library: ScenarioLibrary) {
        self.endpoint = endpoint
        self.family = family
        self.inner = inner
        self.library = library
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
        var reply = ScenarioRenderer.render(match.rule.respond, endpoint: endpoint, family: family, request: request, body: body) { inner.handle(request) }
        if match.rule.delayMilliseconds > 0 {
            reply = .delayed(milliseconds: match.rule.delayMilliseconds, reply)
        }
        return .annotated(["scenario": match.scenario], reply)
    }
}
