import Synchronization

/// Where a producer writes a streamed response's body, from any thread. Writes are handed to the
/// connection's event loop; once the connection is gone every write returns false, and the
/// actions given to `onClose` have run, so the producer can forget the client.
public final class StreamSink: Sendable {
    private struct State {
        var open = true
        var onClose: [@Sendable () -> Void] = []
    }

    private let state = Mutex(State())
    /// Hands bytes (or nil, the end) to the connection's loop.
    private let deliver: @Sendable ([UInt8]?) -> Void

    init(deliver: @escaping @Sendable ([UInt8]?) -> Void) {
        self.deliver = deliver
    }

    public var isOpen: Bool { state.withLock { $0.open } }

    /// Queues `bytes` for the client; false when the client is gone.
    @discardableResult
    public func send(_ bytes: [UInt8]) -> Bool {
        guard isOpen else { return false }
        deliver(bytes)
        return true
    }

    /// Ends the body properly; the connection closes once it is written.
    public func finish() {
        guard isOpen else { return }
        deliver(nil)
    }

    /// Runs `action` once the connection is gone, at once if it already is.
    public func onClose(_ action: @escaping @Sendable () -> Void) {
        let closed = state.withLock { state -> Bool in
            if state.open { state.onClose.append(action) }
            return !state.open
        }
        if closed { action() }
    }

    /// Called by the connection as it closes, on its loop.
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
