import SandboxHTTP
import SandboxSupport

/// The one place an endpoint's errors become answers: a documented rejection is rendered by the
/// family, anything else is the family's internal-failure answer, logged once.
public struct EndpointBoundary: RequestHandler {
    let endpoint: any EmulatedEndpoint
    let logger: Logger

    public init(endpoint: any EmulatedEndpoint, logger: Logger) {
        self.endpoint = endpoint
        self.logger = logger
    }

    public func handle(_ request: HTTPRequest) -> Reply {
        do {
            return try endpoint.handle(request)
        } catch {
            if let answer = endpoint.family.rejection(error, for: request) { return .respond(answer) }
            logger.log(.error, "\(type(of: endpoint).descriptor.name) failed", [("error", .string("\(error)"))])
            return .respond(endpoint.family.internalFailure(for: request))
        }
    }
}
