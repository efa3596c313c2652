/// How the server listens and when it gives up on a client.
public struct HTTPServerConfiguration: Sendable {
    public var host: String
    /// 0 asks the kernel for a free port; `HTTPServer.port` tells which.
    public var port: Int
    public var limits: HTTPParserLimits
    /// A request that has begun but receives no byte for this long gets 408 and is closed.
    public var readTimeout: Duration
    /// A keep-alive connection with no request in progress is closed after this long.
    public var idleTimeout: Duration
    /// A client that reads none of its response for this long is closed.
    public var writeTimeout: Duration
    /// After an error response, how long to keep reading (and discarding) so the client sees the
    /// response instead of a reset (the lingering close of RFC 9112 §9.6).
    public var lingerTimeout: Duration
    /// Threads running event loops; one per core is the point of the model.
    public var eventLoopCount: Int
    /// Called once per exchange, on an event-loop thread.
    public var exchangeObserver: (@Sendable (ExchangeRecord) -> Void)?

    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        limits: HTTPParserLimits = HTTPParserLimits(),
        readTimeout: Duration = .seconds(30),
        idleTimeout: Duration = .seconds(60),
        writeTimeout: Duration = .seconds(30),
        lingerTimeout: Duration = .seconds(2),
        eventLoopCount: Int = HTTPServerConfiguration.defaultEventLoopCount,
        exchangeObserver: (@Sendable (ExchangeRecord) -> Void)? = nil
    ) {
        self.host = host
        self.port = port
        self.limits = limits
        self.readTimeout = readTimeout
        self.idleTimeout = idleTimeout
        self.writeTimeout = writeTimeout
        self.lingerTimeout = lingerTimeout
        self.eventLoopCount = eventLoopCount
        self.exchangeObserver = exchangeObserver
    }

    public static var defaultEventLoopCount: Int {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 2
        #endif
    }
}

#if canImport(Glibc)
import Glibc
#endif
