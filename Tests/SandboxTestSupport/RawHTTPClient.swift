import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A blocking TCP client that sends exactly the bytes a test writes and reads responses back,
/// so tests see the wire, not a library's idea of it. Every read has a receive timeout: a broken
/// server fails the test instead of hanging it.
public final class RawHTTPClient {
    public struct Response: Equatable {
        public var status: Int
        public var reason: String
        public var headers: [(String, String)]
        public var body: [UInt8]

        public static func == (a: Response, b: Response) -> Bool {
            a.status == b.status && a.body == b.body && a.headers.map { "\($0.0):\($0.1)" } == b.headers.map { "\($0.0):\($0.1)" }
        }

        public func header(_ name: String) -> String? {
            headers.first { $0.0.lowercased() == name.lowercased() }?.1
        }

        public var bodyText: String { String(decoding: body, as: UTF8.self) }
    }

    public enum ClientError: Error, Equatable {
        case connectFailed(Int32)
        case closedByPeer
        case resetByPeer
        case timedOut
        case malformedResponse(String)
        case readFailed(Int32)
    }

    public let descriptor: Int32
    private var buffer: [UInt8] = []

    public init(port: Int, host: String = "127.0.0.1", receiveTimeoutSeconds: Int = 10) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, host, &address.sin_addr)
        var result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        if result != 0 && errno == EINTR {
            // An interrupted connect goes on in the background; wait for it to finish.
            var poll = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
            var error: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            if Glibc.poll(&poll, 1, 10_000) == 1, getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &error, &length) == 0, error == 0 { result = 0 }
        }
        if result != 0 {
            let error = errno
            Glibc.close(descriptor)
            throw ClientError.connectFailed(error)
        }
        var timeout = timeval(tv_sec: receiveTimeoutSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit {
        Glibc.close(descriptor)
    }

    public func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    public func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            // A signal (SIGCHLD from a finished openssl, say) may interrupt the call: retry.
            if sent < 0 && errno == EINTR { continue }
            if sent <= 0 { throw ClientError.readFailed(errno) }
            offset += sent
        }
    }

    /// Sends a request with `Host` and, when there is a body, `Content-Length` added.
    public func request(_ method: String, _ target: String, headers: [(String, String)] = [], body: String = "") throws -> Response {
        var text = "\(method) \(target) HTTP/1.1\r\nHost: localhost\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        if !body.isEmpty { text += "Content-Length: \(body.utf8.count)\r\n" }
        text += "\r\n" + body
        try send(text)
        return try readResponse()
    }

    /// Reads one whole response (Content-Length framed, as the server always frames); a response
    /// to HEAD has no body whatever its Content-Length says.
    public func readResponse(toHead: Bool = false) throws -> Response {
        let headEnd = try readUntil(Array("\r\n\r\n".utf8))
        let head = String(decoding: buffer[0..<headEnd], as: UTF8.self)
        buffer.removeFirst(headEnd + 4)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ", maxSplits: 2)
        guard statusLine.count >= 2, statusLine[0].hasPrefix("HTTP/1."), let status = Int(statusLine[1]) else {
            throw ClientError.malformedResponse(head)
        }
        var headers: [(String, String)] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { throw ClientError.malformedResponse(head) }
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        var response = Response(status: status, reason: statusLine.count > 2 ? String(statusLine[2]) : "", headers: headers, body: [])
        if (status >= 100 && status < 200) || toHead { return response }
        let length = Int(response.header("Content-Length") ?? "0") ?? 0
        while buffer.count < length { try fill() }
        response.body = Array(buffer[0..<length])
        buffer.removeFirst(length)
        return response
    }

    /// Waits for the server's FIN and returns the bytes that came before it; throws
    /// `resetByPeer` for an RST and `timedOut` when the server neither writes nor closes.
    public func readUntilClosed() throws -> [UInt8] {
        while true {
            do {
                try fill()
            } catch ClientError.closedByPeer {
                defer { buffer.removeAll() }
                return buffer
            }
        }
    }

    /// The bytes up to and including the next `marker`, as text: one event of a stream, say.
    public func read(through marker: String) throws -> String {
        let bytes = Array(marker.utf8)
        let end = try readUntil(bytes) + bytes.count
        defer { buffer.removeFirst(end) }
        return String(decoding: buffer[0..<end], as: UTF8.self)
    }

    /// True when bytes or EOF are waiting right now, without blocking.
    public func hasPendingInput() -> Bool {
        var poll = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return !buffer.isEmpty || Glibc.poll(&poll, 1, 0) > 0
    }

    public func shutdownWrite() {
        shutdown(descriptor, Int32(SHUT_WR))
    }

    private func readUntil(_ marker: [UInt8]) throws -> Int {
        var searchFrom = 0
        while true {
            if buffer.count >= marker.count {
                for i in searchFrom...(buffer.count - marker.count) where buffer[i] == marker[0] {
                    if Array(buffer[i..<i + marker.count]) == marker { return i }
                }
                searchFrom = max(0, buffer.count - marker.count + 1)
            }
            try fill()
        }
    }

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 65536)
        var count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        while count < 0 && errno == EINTR {
            count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        }
        if count > 0 {
            buffer.append(contentsOf: chunk[0..<count])
        } else if count == 0 {
            throw ClientError.closedByPeer
        } else if errno == ECONNRESET {
            throw ClientError.resetByPeer
        } else if errno == EAGAIN || errno == EWOULDBLOCK {
            throw ClientError.timedOut
        } else {
            throw ClientError.readFailed(errno)
        }
    }
}
