import SandboxHTTP
import SandboxSupport

/// The one place an endpoint's errors become answers: a documented rejection is rendered by the
/// family, anything else is the family's internal-failure answer, logged once.
public struct EndpointBoundary: RequestHandler {
    public let endpoint: any EmulatedEndpoint
    let logger: Logger

    public init(endpoint: any EmulatedEndpoint, logger: Logger) {
        self.endpoint = endpoint
        self.logger = logger
    }

    /// The endpoint's answer with no scenario in play.
    public func handle(_ request: HTTPRequest) -> Reply {
        reply(for: request) { try endpoint.handle(request, context: .plain) }
    }

    /// What `body` answers, or its error rendered by the endpoint's family.
    public func reply(for request: HTTPRequest, _ body: () throws -> Reply) -> Reply {
        do {
            return try body()
        } catch {
            if var answer = endpoint.family.rejection(error, for: request) {
                if let annotated = error as? any AnnotatedError { answer.annotations.merge(annotated.annotations) { _, new in new } }
                return .respond(answer)
            }
            logger.log(.error, "\(type(of: endpoint).descriptor.name) failed", [("error", .string("\(error)"))])
            return .respond(endpoint.family.internalFailure(for: request))
        }
    }
}
