/// A connection's streamed response in progress: what `ClientConnection` needs to frame, bound
/// and keep alive the bytes its producer sends.
struct ActiveStream {
    let sink: StreamSink
    /// Chunked for HTTP/1.1; HTTP/1.0 has no chunked coding, so its body ends at the close.
    let chunked: Bool
    let backlogLimit: Int
    let heartbeat: [UInt8]?
    let heartbeatNanoseconds: UInt64
}
