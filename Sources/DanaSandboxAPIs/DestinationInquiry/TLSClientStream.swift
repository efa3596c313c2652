import SandboxCrypto
import SandboxHTTP

/// An outgoing HTTPS connection: the HTTP layer's TCP stream with a TLS session of the crypto
/// layer on top. The two layers know nothing of each other; this is where they meet.
final class TLSClientStream: ClientStream {
    private let tcp: TCPClientStream
    private let session: TLSClientSession

    private init(tcp: TCPClientStream, session: TLSClientSession) {
        self.tcp = tcp
        self.session = session
    }

    /// The step `HTTPClient` runs for https:// URLs.
    static func securer(_ verification: TLSClientSession.Verification) -> HTTPClient.Securer {
        { tcp, url, deadline throws(ClientError) in
            do throws(CryptoError) {
                let session = try TLSClientSession(descriptor: tcp.descriptor, host: url.host, verification: verification)
                try session.handshake(before: deadline)
                return TLSClientStream(tcp: tcp, session: session)
            } catch {
                throw ClientError(error.message.contains("timed out") ? .timeout : .tls, error.message)
            }
        }
    }

    func write(_ bytes: [UInt8], before deadline: ContinuousClock.Instant) throws(ClientError) {
        do {
            try session.write(bytes, before: deadline)
        } catch {
            throw Self.failure(error)
        }
    }

    func read(upTo count: Int, before deadline: ContinuousClock.Instant) throws(ClientError) -> [UInt8] {
        do {
            return try session.read(upTo: count, before: deadline)
        } catch {
            throw Self.failure(error)
        }
    }

    private static func failure(_ error: CryptoError) -> ClientError {
        if error.message.contains("timed out") { return ClientError(.timeout, "no complete response within the time allowed (\(error.message))") }
        if error.message.contains("reset") { return ClientError(.reset, error.message) }
        return ClientError(.closed, error.message)
    }
}
