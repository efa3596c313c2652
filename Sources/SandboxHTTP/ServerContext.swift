import Synchronization

/// What every event loop of one server shares: read-only settings and two id counters.
final class ServerContext: Sendable {
    let configuration: HTTPServerConfiguration
    let handler: any RequestHandler
    private let requestIDs = Atomic<UInt64>(0)
    private let connectionIDs = Atomic<UInt64>(0)

    init(configuration: HTTPServerConfiguration, handler: any RequestHandler) {
        self.configuration = configuration
        self.handler = handler
    }

    func nextRequestID() -> UInt64 {
        requestIDs.add(1, ordering: .relaxed).newValue
    }

    func nextConnectionID() -> UInt64 {
        connectionIDs.add(1, ordering: .relaxed).newValue
    }
}
