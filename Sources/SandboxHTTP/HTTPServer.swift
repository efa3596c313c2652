import Foundation
import Synchronization

/// An HTTP/1.1 server: one listening socket shared by one epoll event loop per core.
///
/// Why this model: a thread per connection would spend a thread (and its stack) on every idle
/// keep-alive client and make timeouts a thread each; a single loop would leave a core unused.
/// N loops, each owning its connections outright, need no locks on the request path, and idle
/// connections cost a few hundred bytes and nothing per request.
public final class HTTPServer: Sendable {
    public let configuration: HTTPServerConfiguration
    let context: ServerContext
    /// Idle, running (with its loops and listener) or stopped: start and stop may come from
    /// any thread, a signal handler's queue included.
    let state = Mutex<LifecycleState>(.idle)

    enum LifecycleState {
        case idle
        case running(listener: ListeningSocket, loops: [EventLoop], finished: DispatchGroup)
        case stopped
    }

    public init(configuration: HTTPServerConfiguration, handler: any RequestHandler) {
        self.configuration = configuration
        self.context = ServerContext(configuration: configuration, handler: handler)
    }
}
