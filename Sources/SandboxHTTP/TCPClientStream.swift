#if canImport(Glibc)
import Glibc
#endif

/// A non-blocking TCP connection to a host and port, connected within a deadline and read and
/// written with `poll`, so a silent peer costs a timeout, never a stuck thread.
public final class TCPClientStream: ClientStream {
    public let descriptor: Int32

    /// Resolves `host` and connects to the first address that accepts before `deadline`.
    public init(host: String, port: Int, before deadline: ContinuousClock.Instant) throws(ClientError) {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw ClientError(.resolve, "cannot resolve \(host): \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(list) }
        var failure = ClientError(.connect, "cannot connect to \(host):\(port)")
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let info = candidate {
            candidate = info.pointee.ai_next
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), info.pointee.ai_protocol)
            guard fd >= 0 else { continue }
            do {
                try Self.connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen, host: host, port: port, before: deadline)
                var on: Int32 = 1
                setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
                descriptor = fd
                return
            } catch {
                Glibc.close(fd)
                failure = error
            }
        }
        throw failure
    }

    deinit {
        Glibc.close(descriptor)
    }

    private static func connect(_ fd: Int32, _ address: UnsafeMutablePointer<sockaddr>?, _ length: socklen_t, host: String, port: Int, before deadline: ContinuousClock.Instant) throws(ClientError) {
        if Glibc.connect(fd, address, length) == 0 { return }
        guard errno == EINPROGRESS else { throw connectFailure(errno, host: host, port: port) }
        do {
            try wait(fd, for: Int16(POLLOUT), before: deadline, timeout: "connecting to \(host):\(port) took longer than allowed")
        } catch {
            // Nobody answered the connect: the host is unreachable, not slow to answer.
            throw ClientError(.connect, error.message)
        }
        var problem: Int32 = 0
        var size = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &problem, &size)
        if problem != 0 { throw connectFailure(problem, host: host, port: port) }
    }

    private static func connectFailure(_ code: Int32, host: String, port: Int) -> ClientError {
        ClientError(.connect, "cannot connect to \(host):\(port): \(String(cString: strerror(code)))")
    }

    /// Waits until `fd` is ready for `events`, or throws a timeout at `deadline`.
    static func wait(_ fd: Int32, for events: Int16, before deadline: ContinuousClock.Instant, timeout message: String) throws(ClientError) {
        while true {
            let remaining = deadline - .now
            guard remaining > .zero else { throw ClientError(.timeout, message) }
            let (seconds, attoseconds) = remaining.components
            let milliseconds = Int32(min(Int64(Int32.max), seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1))
            var waiting = pollfd(fd: fd, events: events, revents: 0)
            let ready = poll(&waiting, 1, milliseconds)
            if ready > 0 { return }
            if ready < 0 && errno != EINTR { throw ClientError(.closed, "poll: \(String(cString: strerror(errno)))") }
        }
    }

    public func write(_ bytes: [UInt8], before deadline: ContinuousClock.Instant) throws(ClientError) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent > 0 {
                offset += sent
            } else if sent < 0 && (errno == EAGAIN || errno == EINTR) {
                try Self.wait(descriptor, for: Int16(POLLOUT), before: deadline, timeout: "sending the request took longer than allowed")
            } else {
                throw Self.streamFailure("sending the request")
            }
        }
    }

    public func read(upTo count: Int, before deadline: ContinuousClock.Instant) throws(ClientError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        while true {
            let received = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, count, 0) }
            if received >= 0 { return Array(buffer.prefix(received)) }
            guard errno == EAGAIN || errno == EINTR else { throw Self.streamFailure("reading the response") }
            try Self.wait(descriptor, for: Int16(POLLIN), before: deadline, timeout: "no complete response within the time allowed")
        }
    }

    private static func streamFailure(_ what: String) -> ClientError {
        let code = errno
        let kind: ClientError.Kind = code == ECONNRESET ? .reset : .closed
        return ClientError(kind, "\(what): \(String(cString: strerror(code)))")
    }
}
