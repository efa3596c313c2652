/// A response whose body is written as it is produced (Server-Sent Events, say), for as long as
/// the client stays. The head goes out at once; `start` receives the sink the producer writes to.
public struct ResponseStream: Sendable {
    /// Status and headers; its body is ignored. Framing headers are the writer's, as always.
    public var head: HTTPResponse
    /// The most bytes that may wait for this client, unsent or not yet handed to its loop. A
    /// client that reads slower than the producer writes is cut off there, so one stalled reader
    /// cannot hold unbounded memory.
    public var backlogLimit: Int
    /// Written whenever nothing else has been for `heartbeatInterval`: a client that vanished
    /// without a FIN is found by the write failing, and proxies keep the connection.
    public var heartbeat: [UInt8]?
    /// How long the stream may be quiet before the heartbeat is written.
    public var heartbeatInterval: Duration
    /// Called exactly once, on the connection's loop, with the sink; the sink may already be
    /// closed (the request was a HEAD), in which case its `onClose` actions run at once.
    let start: @Sendable (StreamSink) -> Void

    public init(
        head: HTTPResponse, backlogLimit: Int = 256 * 1024, heartbeat: [UInt8]? = nil, heartbeatInterval: Duration = .seconds(15),
        start: @escaping @Sendable (StreamSink) -> Void
    ) {
        self.head = head
        self.backlogLimit = backlogLimit
        self.heartbeat = heartbeat
        self.heartbeatInterval = heartbeatInterval
        self.start = start
    }
}
