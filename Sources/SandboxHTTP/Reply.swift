/// What a handler wants done with the connection. Beyond a response, the vocabulary covers the
/// transport faults a client must survive, so a fault-injection layer can choose among them
/// without reaching into sockets.
public enum Reply: Sendable {
    /// Write this response.
    case respond(HTTPResponse)
    /// Say nothing for this long, then close: what a client sees as a total timeout.
    case hold(milliseconds: Int)
    /// Close at once without writing a byte of this response.
    case close
    /// Abort the connection with a TCP RST (`SO_LINGER` {on, 0} then `close`).
    case reset
    /// Wait, then carry out the inner reply; other connections are served meanwhile.
    indirect case delayed(milliseconds: Int, Reply)
    /// The reply is computed off the event loop (say, an outgoing HTTP call); the connection
    /// waits for it without blocking anyone.
    case deferred(DeferredReply)
    /// Write the head now and the body as it is produced, until either side ends it.
    case stream(ResponseStream)
    /// The inner reply, with facts for the exchange's log line and journal (the scenario that
    /// forced a fault, say), which a fault has no response to carry.
    indirect case annotated([String: String], Reply)
}

/// Work that produces a reply later, on any thread.
public struct DeferredReply: Sendable {
    let start: @Sendable (@escaping @Sendable (Reply) -> Void) -> Void

    /// `start` is called on the event loop; it must return quickly and call its argument exactly
    /// once, from any thread, with the reply.
    public init(_ start: @escaping @Sendable (_ complete: @escaping @Sendable (Reply) -> Void) -> Void) {
        self.start = start
    }
}
