import Foundation
import SandboxHTTP

/// The assembled sandbox: options in, a running server out. `main` and end-to-end tests use it
/// the same way: `start()`, read `port`, `stop()`.
public final class SandboxApplication: Sendable {
    public let options: ServeOptions
    public let logger: Logger
    /// The token `/sandbox/*` requires, or nil when it is open (loopback without --admin-token).
    public let adminToken: String?
    public let store: SandboxStore
    private let server: HTTPServer

    /// Loads the seed and opens the database; nothing listens until `start`.
    public init(options: ServeOptions, logger: Logger) throws(StartupError) {
        self.options = options
        self.logger = logger
        if let token = options.adminToken {
            adminToken = token
        } else if !ListenAddress.isLoopback(options.host) {
            adminToken = Self.randomToken()
        } else {
            adminToken = nil
        }
        let configuration = HTTPServerConfiguration(
            host: options.host,
            port: options.port,
            limits: HTTPParserLimits(maxBodyBytes: options.maxBodyBytes),
            readTimeout: .milliseconds(Int(options.readTimeoutSeconds * 1000)),
            idleTimeout: .milliseconds(Int(options.idleTimeoutSeconds * 1000)),
            exchangeObserver: { [logger] record in logger.exchange(record) }
        )
        store = try SandboxStore.open(databasePath: options.database, seedPath: options.seed)
        server = HTTPServer(configuration: configuration, handler: AdminGuard(token: adminToken, inner: Self.makeRouter(store: store)))
    }

    /// Every endpoint the sandbox serves.
    public static func makeRouter(store: SandboxStore) -> Router {
        var router = Router()
        router.add(.get, "/health", HealthHandler())
        router.add(.post, "/sandbox/reset", ResetHandler(store: store))
        return router
    }

    public func start() throws(StartupError) {
        for flag in options.explicitlySet.sorted() {
            if let feature = ServeOptions.notYetImplemented[flag] {
                logger.log(.warning, "--\(flag) is accepted but not acted on yet: \(feature) is not built in this version")
            }
        }
        do {
            try server.start()
        } catch {
            throw StartupError("cannot listen on \(ListenAddress.url(host: options.host, port: options.port)): \(error.detail)")
        }
        if store.reopened {
            logger.log(.notice, "reopened \(store.path) as it was; \(options.seed) applies only to a new database (POST /sandbox/reset applies it)")
        }
        if options.adminToken == nil, let adminToken {
            logger.log(.notice, "listening off loopback: /sandbox/* needs 'Authorization: Bearer \(adminToken)'")
        }
    }

    /// The bound port, the kernel's choice when asked for 0.
    public var port: Int { server.port ?? options.port }

    /// The one line printed to standard output when ready (the contract's exact words).
    public var readyLine: String { "dana-sandbox listening on \(ListenAddress.url(host: options.host, port: port))" }

    /// Graceful stop; logs when draining begins and when it is done.
    public func stop(timeout: Duration = .seconds(10)) {
        server.stop(timeout: timeout) {
            logger.log(.notice, "stopping: no new connections; finishing requests in flight")
        }
        logger.log(.notice, "stopped")
    }

    private static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}
