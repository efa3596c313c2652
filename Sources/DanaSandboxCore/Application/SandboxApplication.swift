import Foundation
import SandboxHTTP

/// The assembled sandbox: options in, a running server out. `main` and end-to-end tests use it
/// the same way: `init` (loads seed and keys), `start()`, read `port`, `stop()`.
public final class SandboxApplication: Sendable {
    public let options: ServeOptions
    public let logger: Logger
    /// The token `/sandbox/*` requires, or nil when it is open (loopback without --admin-token).
    public let adminToken: String?
    public let store: SandboxStore
    public let signer: ResponseSigner
    public let partners: PartnerDirectory
    private let server: HTTPServer

    /// Loads the seed, the database, the signing keys and `--partner` keys; nothing listens
    /// until `start`. `now` is the sandbox's clock (tests pin it to a vector's timestamp).
    public init(options: ServeOptions, logger: Logger, now: @escaping @Sendable () -> Date = { Date() }) throws(StartupError) {
        self.options = options
        self.logger = logger
        if let token = options.adminToken {
            adminToken = token
        } else if !ListenAddress.isLoopback(options.host) {
            adminToken = Self.randomToken()
        } else {
            adminToken = nil
        }
        store = try SandboxStore.open(databasePath: options.database, seedPath: options.seed)
        signer = try ResponseSigner.load(from: options.keys)
        partners = PartnerDirectory(store: store)
        try Self.registerPartners(options, in: partners)

        let settings = SignatureSettings(
            enforce: options.signatures == .enforce,
            replayWindowSeconds: options.timestampWindowSeconds,
            openAPISignatureFailure: options.openAPISignatureFailure
        )
        let router = Self.makeRouter(store: store, signer: signer, partners: partners, settings: settings, logger: logger, now: now)
        let configuration = HTTPServerConfiguration(
            host: options.host,
            port: options.port,
            limits: HTTPParserLimits(maxBodyBytes: options.maxBodyBytes),
            readTimeout: .milliseconds(Int(options.readTimeoutSeconds * 1000)),
            idleTimeout: .milliseconds(Int(options.idleTimeoutSeconds * 1000)),
            exchangeObserver: { [logger] record in logger.exchange(record) }
        )
        server = HTTPServer(configuration: configuration, handler: AdminGuard(token: adminToken, inner: router))
    }

    /// Every endpoint the sandbox serves.
    static func makeRouter(
        store: SandboxStore, signer: ResponseSigner, partners: PartnerDirectory, settings: SignatureSettings,
        logger: Logger, now: @escaping @Sendable () -> Date
    ) -> Router {
        let tokens = B2BTokenStore(store: store)
        let openAPIAuthenticator = OpenAPIAuthenticator(partners: partners, settings: settings, logger: logger, now: now)
        let openAPIResponder = OpenAPIResponder(signer: signer, now: now)
        func openAPI(_ function: String) -> OpenAPIEndpoint {
            OpenAPIEndpoint(function: function, authenticator: openAPIAuthenticator, responder: openAPIResponder, logger: logger)
        }

        var router = Router()
        router.add(.get, "/health", HealthHandler())
        router.add(.post, QueryUserProfileHandler.path, QueryUserProfileHandler(store: store, endpoint: openAPI(QueryUserProfileHandler.function), now: now))
        router.add(.post, QueryMerchantResourceHandler.path, QueryMerchantResourceHandler(store: store, endpoint: openAPI(QueryMerchantResourceHandler.function)))
        let accountInquiry = AccountInquiryHandler(
            store: store,
            authenticator: SNAPAuthenticator(service: .accountInquiry, partners: partners, tokens: tokens, settings: settings, logger: logger, now: now),
            logger: logger, now: now
        )
        for path in AccountInquiryHandler.paths { router.add(.post, path, accountInquiry) }
        router.add(.post, "/v1.0/access-token/b2b.htm", B2BTokenHandler(partners: partners, tokens: tokens, settings: settings, logger: logger, now: now))
        router.add(.post, QuerySubscriptionTransactionsHandler.path, QuerySubscriptionTransactionsHandler(
            store: store,
            authenticator: PaylabsAuthenticator(partners: partners, settings: settings, logger: logger, now: now),
            responder: PaylabsResponder(signer: signer, now: now),
            logger: logger
        ))
        router.add(.post, "/sandbox/reset", ResetHandler(store: store))
        router.add(.get, "/sandbox/keys", KeysHandler(signer: signer))
        router.add(.post, "/sandbox/partners", PartnersHandler(partners: partners))
        return router
    }

    /// `--partner` keys and `--partner-secret` secrets, registered so that resets keep them.
    private static func registerPartners(_ options: ServeOptions, in partners: PartnerDirectory) throws(StartupError) {
        for partner in options.partners {
            let pem: String
            do {
                pem = try String(contentsOfFile: partner.publicKeyPath, encoding: .utf8)
            } catch {
                throw StartupError("cannot read the key of partner \(partner.clientID), \(partner.publicKeyPath): \(FileErrorReason.describe(error))")
            }
            do {
                _ = try partners.register(clientID: partner.clientID, family: partner.family, publicKeyPEM: pem, clientSecret: options.partnerSecrets[partner.clientID])
            } catch let error as CryptoError {
                throw StartupError("unusable key of partner \(partner.clientID), \(partner.publicKeyPath): \(error.message)")
            } catch {
                throw StartupError("cannot register partner \(partner.clientID): \(error)")
            }
        }
        for (clientID, secret) in options.partnerSecrets where !options.partners.contains(where: { $0.clientID == clientID }) {
            do {
                guard let known = try partners.partner(clientID) else {
                    throw StartupError("--partner-secret names \(clientID), which is neither in the seed nor given with --partner")
                }
                _ = try partners.register(clientID: clientID, family: known.family, publicKeyPEM: known.publicKeyPEM, clientSecret: secret)
            } catch let error as StartupError {
                throw error
            } catch {
                throw StartupError("cannot set the secret of partner \(clientID): \(error)")
            }
        }
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
        if options.signatures == .off {
            logger.log(.warning, "signatures are not checked (--signatures off): any X-SIGNATURE or signature is accepted; responses are still signed")
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
