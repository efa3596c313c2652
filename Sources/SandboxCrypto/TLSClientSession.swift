import CLibSSL
#if canImport(Glibc)
import Glibc
#endif

/// TLS over a connected, non-blocking TCP socket, as a client: the server's certificate is checked
/// against the system's trust store or a CA file, and against the host name (or IP address) the
/// caller dialled, unless verification is switched off for a self-signed development certificate.
/// The socket stays the caller's to close.
public final class TLSClientSession {
    public struct Verification: Sendable, Equatable {
        /// PEM certificates to trust instead of the system store.
        public var caFile: String?
        /// Accept any certificate (development only): the connection is encrypted, not authenticated.
        public var insecure: Bool

        public init(caFile: String? = nil, insecure: Bool = false) {
            self.caFile = caFile
            self.insecure = insecure
        }
    }

    private let context: OpaquePointer
    private let ssl: OpaquePointer
    private let descriptor: Int32

    /// Prepares a session for `host` on `descriptor`; `handshake` then runs it.
    public init(descriptor: Int32, host: String, verification: Verification) throws(CryptoError) {
        guard let context = SSL_CTX_new(TLS_client_method()) else { throw CryptoError.fromOpenSSL("cannot create a TLS context") }
        self.context = context
        guard let ssl = SSL_new(context) else {
            SSL_CTX_free(context)
            throw CryptoError.fromOpenSSL("cannot create a TLS session")
        }
        self.ssl = ssl
        self.descriptor = descriptor
        _ = shim_SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION)
        SSL_set_fd(ssl, descriptor)
        let isAddress = host.contains(":") || host.allSatisfy { $0.isNumber || $0 == "." }
        // SNI carries names only (RFC 6066 §3).
        if !isAddress { _ = shim_SSL_set_tlsext_host_name(ssl, host) }
        guard !verification.insecure else {
            SSL_set_verify(ssl, SSL_VERIFY_NONE, nil)
            return
        }
        SSL_set_verify(ssl, SSL_VERIFY_PEER, nil)
        let loaded = verification.caFile.map { SSL_CTX_load_verify_locations(context, $0, nil) } ?? SSL_CTX_set_default_verify_paths(context)
        guard loaded == 1 else { throw CryptoError.fromOpenSSL("cannot load trusted certificates from \(verification.caFile ?? "the system store")") }
        let parameters = SSL_get0_param(ssl)
        let named = isAddress ? X509_VERIFY_PARAM_set1_ip_asc(parameters, host) : X509_VERIFY_PARAM_set1_host(parameters, host, 0)
        guard named == 1 else { throw CryptoError.fromOpenSSL("cannot check the certificate against \(host)") }
    }

    deinit {
        SSL_free(ssl)
        SSL_CTX_free(context)
    }

    /// Runs the TLS handshake, certificate checks included, before `deadline`.
    public func handshake(before deadline: ContinuousClock.Instant) throws(CryptoError) {
        try retrying("TLS handshake", before: deadline) { SSL_connect(ssl) }
    }

    /// Writes all of `bytes` before `deadline`.
    public func write(_ bytes: [UInt8], before deadline: ContinuousClock.Instant) throws(CryptoError) {
        var offset = 0
        while offset < bytes.count {
            let written = try retrying("TLS write", before: deadline) {
                bytes.withUnsafeBytes { SSL_write(ssl, $0.baseAddress! + offset, Int32(bytes.count - offset)) }
            }
            offset += Int(written)
        }
    }

    /// Up to `count` bytes, or none at the end of the stream, before `deadline`.
    public func read(upTo count: Int, before deadline: ContinuousClock.Instant) throws(CryptoError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        do {
            let read = try retrying("TLS read", before: deadline) {
                buffer.withUnsafeMutableBytes { SSL_read(ssl, $0.baseAddress, Int32(count)) }
            }
            return Array(buffer.prefix(Int(read)))
        } catch where error.message == Self.closedMessage {
            return []
        }
    }

    private static let closedMessage = "the peer closed the TLS connection"

    /// Calls `operation` until it succeeds, waiting on the socket whenever OpenSSL wants to read
    /// or write, and gives up at `deadline`.
    @discardableResult
    private func retrying(_ what: String, before deadline: ContinuousClock.Instant, _ operation: () -> Int32) throws(CryptoError) -> Int32 {
        while true {
            ERR_clear_error()
            let result = operation()
            if result > 0 { return result }
            let reason = SSL_get_error(ssl, result)
            switch reason {
            case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
                let remaining = deadline - .now
                guard remaining > .zero else { throw CryptoError("\(what) timed out") }
                let (seconds, attoseconds) = remaining.components
                let milliseconds = Int32(min(Int64(Int32.max), seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1))
                var waiting = pollfd(fd: descriptor, events: Int16(reason == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT), revents: 0)
                _ = poll(&waiting, 1, milliseconds)
            case SSL_ERROR_ZERO_RETURN:
                throw CryptoError(Self.closedMessage)
            case SSL_ERROR_SSL where SSL_get_verify_result(ssl) != Int(X509_V_OK):
                let code = Int32(SSL_get_verify_result(ssl))
                throw CryptoError("\(what): certificate verify failed: \(String(cString: X509_verify_cert_error_string(Int(code))))")
            case SSL_ERROR_SYSCALL where ERR_peek_error() == 0:
                // An end of stream without close_notify, or a reset: both end the exchange.
                throw CryptoError(errno == 0 ? Self.closedMessage : "\(what): \(String(cString: strerror(errno)))")
            default:
                throw CryptoError.fromOpenSSL("\(what) failed")
            }
        }
    }
}
