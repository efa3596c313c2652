/// A connected byte stream an outgoing request travels on: plain TCP, or TLS over it. Every call
/// has a deadline, so no peer can hold the caller forever.
public protocol ClientStream: AnyObject {
    func write(_ bytes: [UInt8], before deadline: ContinuousClock.Instant) throws(ClientError)
    /// Up to `count` bytes; none at the end of the stream.
    func read(upTo count: Int, before deadline: ContinuousClock.Instant) throws(ClientError) -> [UInt8]
}
