import Foundation
import DanaSandboxAPIs
import SandboxCrypto
import SandboxHTTP
import SandboxStorage
import SandboxSupport

/// The assembled sandbox: options in, a running server out. `main` and end-to-end tests use it
/// the same way: `init` (loads seed and keys), `start()`, read `port`, `stop()`.
public final class SandboxApplication: Sendable {
    public let options: ServeOptions
    public let logger: Logger
    /// The token `/sandbox/*` requires, or nil when it is open (loopback without --admin-token).
    public let adminToken: String?
    /// The shared store: requests without `X-Sandbox-Session`.
    public let store: SandboxStore
    /// The shared store and every session's.
    public let databases: SessionDatabases
    public let signer: ResponseSigner
    public let partners: PartnerDirectory
    public let scenarios: ScenarioLibrary
    public let journal: Journal
    /// The journal as Server-Sent Events, for the console.
    public let feed: JournalFeed
    /// Every endpoint, without a socket: what tests call directly.
    let router: Router
    private let server: HTTPServer

    /// Loads the seed, the database, the signing keys and `--partner` keys; nothing listens
    /// until `start`. `now` is the sandbox's clock (tests pin it to a vector's timestamp).
    public init(options: ServeOptions, logger: Logger, now: @escaping @Sendable () -> Date = { Date() }) throws(StartupError) {
        self.options = options
        self.logger = logger
        if let token = options.adminToken {
            adminToken = token
        } else if !ListenAddress.isLoopback(options.host) {
            adminToken = RandomText.make(64, from: RandomText.hex)
        } else {
            adminToken = nil
        }
        do {
            if let seed = options.seed {
                store = try SandboxStore.open(databasePath: options.database, seedPath: seed)
            } else {
                store = try SandboxStore.open(databasePath: options.database, seed: BuiltInDefaults.seed, seedName: BuiltInDefaults.seedName)
            }
        } catch {
            throw StartupError(error.message)
        }
        signer = try ResponseSigner.load(from: options.keys)
        databases = SessionDatabases(shared: store, ttl: .milliseconds(Int(options.sessionTTLSeconds * 1000)), maxSessions: options.maxSessions)
        partners = PartnerDirectory(databases: databases)
        try partners.register(options.partners, secrets: options.partnerSecrets)
        try Self.loadFixtures(options.fixtures, into: store, now: now())
        do {
            scenarios = try ScenarioLibrary(
                source: options.scenarios.map(ScenarioSource.folder) ?? BuiltInDefaults.scenarios, active: options.activeScenarios, logger: logger
            )
        } catch {
            throw StartupError(error.message)
        }
        let feed = JournalFeed()
        self.feed = feed
        let journal = Journal(limit: options.journalLimit, onChange: feed.publish)
        self.journal = journal
        let lintLog = LintLog()

        let settings = SignatureSettings(
            enforce: options.signatures == .enforce,
            replayWindowSeconds: options.timestampWindowSeconds,
            openAPISignatureFailure: options.openAPISignatureFailure
        )
        let services = EndpointServices(databases: databases, partners: partners, signer: signer, settings: settings, logger: logger, now: now)
        router = Self.makeRouter(
            services: services, scenarios: scenarios, journal: journal, feed: feed, lintLog: lintLog, strict: options.strict,
            verification: TLSClientSession.Verification(caFile: options.caFile, insecure: options.insecure)
        )
        let configuration = HTTPServerConfiguration(
            host: options.host,
            port: options.port,
            limits: HTTPParserLimits(maxBodyBytes: options.maxBodyBytes),
            readTimeout: .milliseconds(Int(options.readTimeoutSeconds * 1000)),
            idleTimeout: .milliseconds(Int(options.idleTimeoutSeconds * 1000)),
            exchangeObserver: { [logger] record in
                logger.exchange(record)
                if !Self.isUnjournaled(record.path) { journal.record(JournalEntry(record: record, time: Date())) }
            }
        )
        server = HTTPServer(configuration: configuration, handler: AdminGuard(token: adminToken, inner: router, open: ConsoleHandler.isPage))
    }

    /// Every endpoint the sandbox serves: the registry's emulated endpoints, each behind its
    /// error boundary and its scenario gate, then the sandbox's own.
    private static func makeRouter(
        services: EndpointServices, scenarios: ScenarioLibrary, journal: Journal, feed: JournalFeed, lintLog: LintLog, strict: Bool,
        verification: TLSClientSession.Verification
    ) -> Router {
        var router = Router()
        router.add(.get, "/health", HealthHandler())
        let console = ConsoleHandler()
        router.add(.get, "/", console.redirect)
        router.add(.get, ConsoleHandler.path, console.page)
        router.add(.get, prefix: ConsoleHandler.assetPrefix, console.asset)
        router.add(.get, JournalFeed.path) { request in feed.follow(request, journal: journal) }
        let signatureCheck = SignatureCheckHandler(services: services)
        router.add(.get, SignatureCheckHandler.path, signatureCheck.endpoints)
        router.add(.post, SignatureCheckHandler.path, signatureCheck)
        for type in EndpointRegistry.endpoints {
            let endpoint = type.init(services: services)
            let gate = ScenarioGate(
                endpoint: type.descriptor, lintRules: type.lintRules, boundary: EndpointBoundary(endpoint: endpoint, logger: services.logger),
                library: scenarios, lintLog: lintLog, strict: strict, logger: services.logger
            )
            for path in type.descriptor.paths { router.add(.post, path, gate) }
        }

        router.add(.post, "/sandbox/reset", ResetHandler(databases: services.databases, scenarios: scenarios, journal: journal, others: [lintLog.clear, services.messageIDs.clear]))
        router.add(.get, "/sandbox/lint") { _ in .respond(.json(.ok, lintLog.json.text)) }
        router.add(.get, "/sandbox/keys", KeysHandler(signer: services.signer))
        let partnersHandler = PartnersHandler(partners: services.partners)
        router.add(.post, PartnersHandler.path, partnersHandler.register)
        router.add(.get, PartnersHandler.path, partnersHandler.list)
        let runner = DestinationInquiryRunner(key: services.signer.dana, partners: services.partners, verification: verification, now: services.now)
        router.add(.post, DestinationInquiryHandler.path, DestinationInquiryHandler(runner: runner, journal: journal, logger: services.logger))
        router.add(.get, SessionsHandler.path, SessionsHandler(databases: services.databases))
        let fixtures = FixturesHandler(databases: services.databases, now: services.now)
        router.add(.post, FixturesHandler.path, fixtures.write)
        router.add(.get, prefix: FixturesHandler.path + "/", fixtures.read)
        router.add(.delete, prefix: FixturesHandler.path + "/", fixtures.delete)
        let journalHandler = JournalHandler(journal: journal)
        router.add(.get, JournalHandler.path, journalHandler.list)
        router.add(.delete, JournalHandler.path, journalHandler.clear)
        router.add(.get, JournalHandler.countPath, journalHandler.count)
        let scenariosHandler = ScenariosHandler(library: scenarios)
        router.add(.get, ScenariosHandler.listPath, scenariosHandler.list)
        router.add(.put, ScenariosHandler.activePath, scenariosHandler.activate)
        router.add(.delete, ScenariosHandler.activePath, scenariosHandler.deactivate)
        router.add(.post, ScenariosHandler.reloadPath, scenariosHandler.reload)
        return router
    }

    /// Requests the journal does not keep. Reading or following it: a test polling it would
    /// evict what it reads. The console's files, which are no exchange. The signature helper:
    /// what is pasted into it holds secrets the journal would have to show unmasked.
    static func isUnjournaled(_ path: String) -> Bool {
        path.hasPrefix(JournalHandler.path) || path == JournalFeed.path || path == ConsoleHandler.path || path.hasPrefix(ConsoleHandler.assetPrefix)
            || path == SignatureCheckHandler.path
    }

    /// `--fixtures` files, in order, on top of the seed: written to the seed state too, so resets
    /// and new sessions keep them.
    private static func loadFixtures(_ files: [String], into store: SandboxStore, now: Date) throws(StartupError) {
        for file in files {
            let bytes: [UInt8]
            do {
                bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
            } catch {
                throw StartupError("cannot read fixtures \(file): \(FileErrorReason.describe(error))")
            }
            do {
                try FixtureStore(store: store).write(try FixtureDocument.parse(bytes, now: now), keepAcrossResets: true)
            } catch let error as FixtureError {
                throw StartupError("fixtures \(file): \(error.message)")
            } catch let error as FixtureWriteError {
                throw StartupError("fixtures \(file): \(error.field): \(error.expected)")
            } catch {
                throw StartupError("fixtures \(file): \(error)")
            }
        }
    }

    /// Listens, and starts watching the scenarios folder for edits.
    public func start() throws(StartupError) {
        let descriptors = OpenFileLimit.raise()
        if descriptors < 16_384 {
            logger.log(.notice, "the descriptor limit is \(descriptors) (its hard limit): at most that many connections can be open at once; raise it with ulimit -Hn")
        }
        do {
            try server.start()
        } catch {
            throw StartupError("cannot listen on \(ListenAddress.url(host: options.host, port: options.port)): \(error.detail)")
        }
        if store.reopened {
            logger.log(.notice, "reopened \(store.path) as it was; \(options.seed ?? BuiltInDefaults.seedName) applies only to a new database (POST /sandbox/reset applies it)")
        }
        scenarios.watch()
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
        do {
            try store.checkpoint()
        } catch {
            logger.log(.error, "cannot checkpoint \(store.path): the data is safe in its -wal file", [("error", .string(error.message))])
        }
        logger.log(.notice, "stopped")
    }
}
