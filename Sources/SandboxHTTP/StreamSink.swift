import Synchronization

/// Where a producer writes a streamed response's body, from any thread. Writes are handed to the
/// connection's event loop; once the connection is gone every write returns false, and the
/// actions given to `onClose` have run, so the producer can forget the client.
public final class StreamSink: Sendable {
    /// What the loop is handed.
    enum Item: Sendable {
        case bytes([UInt8])
        /// The end of the body, written properly.
        case finish
        /// Drop the client: it fell further behind than the stream allows.
        case cut
    }

    private struct State {
        var open = true
        var onClose: [@Sendable () -> Void] = []
    }

    private let state = Mutex(State())
    /// Bytes handed to the loop and not yet taken by it: a producer outrunning the loop is
    /// bounded here, as a client outrunning the kernel is bounded by the connection's backlog.
    private let inFlight = Atomic<Int>(0)
    private let limit: Int
    private let deliver: @Sendable (Item) -> Void

    init(limit: Int, deliver: @escaping @Sendable (Item) -> Void) {
        self.limit = limit
        self.deliver = deliver
    }

    public var isOpen: Bool { state.withLock { $0.open } }

    /// Queues `bytes` for the client; false when the client is gone or has been dropped for
    /// falling behind.
    @discardableResult
    public func send(_ bytes: [UInt8]) -> Bool {
        guard isOpen else { return false }
        if inFlight.add(bytes.count, ordering: .relaxed).newValue > limit {
            deliver(.cut)
            return false
        }
        deliver(.bytes(bytes))
        return true
    }

    /// Ends the body properly; the connection closes once it is written.
    public func finish() {
        guard isOpen else { return }
        deliver(.finish)
    }

    /// Runs `action` once the connection is gone, at once if it already is.
    public func onClose(_ action: @escaping @Sendable () -> Void) {
        let closed = state.withLock { state -> Bool in
            if state.open { state.onClose.append(action) }
            return !state.open
        }
        if closed { action() }
    }

    /// The loop took `count` bytes off the queue.
    func taken(_ count: Int) {
        inFlight.subtract(count, ordering: .relaxed)
    }

    /// Called as the connection closes (or, for a HEAD request, before the producer starts).
    func closed() {
        let actions = state.withLock { state -> [@Sendable () -> Void] in
            guard state.open else { return [] }
            state.open = false
            defer { state.onClose = [] }
            return state.onClose
        }
        for action in actions { action() }
    }
}
