/// A response whose body is written as it is produced (Server-Sent Events, say), for as long as
/// the client stays. The head goes out at once; `start` receives the sink the producer writes to.
public struct ResponseStream: Sendable {
    /// Status and headers; its body is ignored. Framing headers are the writer's, as always.
    public var head: HTTPResponse
    /// The most bytes that may wait unsent for this client. A client that reads slower than the
    /// producer writes is cut off there, so one stalled reader cannot hold unbounded memory.
    public var backlogLimit: Int
    /// Written whenever nothing else has been for `heartbeatInterval`: a client that vanished
    /// without a FIN is found by the write failing, and proxies keep the connection.
    public var heartbeat: [UInt8]?
    public var heartbeatInterval: Duration
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
