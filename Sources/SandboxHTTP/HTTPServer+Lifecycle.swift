import Foundation
import Synchronization

extension HTTPServer {
    /// Binds and starts the event loops. When it returns, connections are accepted (the kernel
    /// queues them until a loop takes them) and `port` is the real port.
    public func start() throws(SocketError) {
        let listener = try ListeningSocket(host: configuration.host, port: configuration.port)
        var loops: [EventLoop] = []
        do {
            for index in 0..<max(1, configuration.eventLoopCount) {
                loops.append(try EventLoop(index: index, context: context))
            }
        } catch {
            listener.close()
            throw error
        }
        let finished = DispatchGroup()
        for loop in loops {
            loop.startListening(on: listener.descriptor)
            finished.enter()
            let thread = Thread {
                loop.run()
                finished.leave()
            }
            thread.name = "http-loop-\(loop.index)"
            thread.start()
        }
        let started = state.withLock { state -> Bool in
            guard case .idle = state else { return false }
            state = .running(listener: listener, loops: loops, finished: finished)
            return true
        }
        if !started {
            for loop in loops { loop.forceStop() }
            listener.close()
            throw SocketError("start", detail: "the server was already started")
        }
    }

    /// The bound port (the kernel's choice for port 0), or nil before `start`.
    public var port: Int? {
        state.withLock { state in
            if case .running(let listener, _, _) = state { return listener.port }
            return nil
        }
    }

    /// Graceful stop: stop accepting, close idle connections, let exchanges in flight finish
    /// (their responses say `Connection: close`), and after `timeout` close whatever is left.
    /// Returns when every loop has ended. Safe to call more than once. `onDraining` runs once no
    /// new connection can arrive and every response still to come says `Connection: close`.
    public func stop(timeout: Duration = .seconds(10), onDraining: () -> Void = {}) {
        let running = state.withLock { state -> (ListeningSocket, [EventLoop], DispatchGroup)? in
            guard case .running(let listener, let loops, let finished) = state else { return nil }
            state = .stopped
            return (listener, loops, finished)
        }
        guard let (listener, loops, finished) = running else { return }

        // Close the listener only once no loop watches it: its descriptor number could
        // otherwise be reused by a new connection while a loop still treats it as the listener.
        let unwatched = DispatchGroup()
        for loop in loops {
            unwatched.enter()
            loop.stopAccepting { unwatched.leave() }
        }
        unwatched.wait()
        listener.close()
        onDraining()
        // Only now, so a client that sees its idle connection close also finds the port closed.
        for loop in loops { loop.closeIdleConnections() }

        if finished.wait(timeout: .now() + .nanoseconds(Int(timeout.nanoseconds))) == .timedOut {
            for loop in loops { loop.forceStop() }
            finished.wait()
        }
    }
}
