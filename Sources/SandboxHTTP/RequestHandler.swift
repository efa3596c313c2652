/// Turns a request into a reply. Handlers are plain values called on an event-loop thread, so
/// they must be quick; slow work returns `.deferred`. Tests call `handle` directly, no sockets.
public protocol RequestHandler: Sendable {
    func handle(_ request: HTTPRequest) -> Reply
}

/// A handler from a closure, for small endpoints and tests.
public struct ClosureHandler: RequestHandler {
    private let body: @Sendable (HTTPRequest) -> Reply

    public init(_ body: @escaping @Sendable (HTTPRequest) -> Reply) {
        self.body = body
    }

    public func handle(_ request: HTTPRequest) -> Reply { body(request) }
}
