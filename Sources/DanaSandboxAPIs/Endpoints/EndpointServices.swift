import Foundation
import SandboxHTTP
import SandboxStorage
import SandboxSupport

/// What endpoints are built from: the stores, the partners and their keys, the sandbox's own
/// signing keys, how strictly signatures are checked, the logger and the clock.
public struct EndpointServices: Sendable {
    public let databases: SessionDatabases
    public let partners: PartnerDirectory
    public let signer: ResponseSigner
    public let settings: SignatureSettings
    public let logger: Logger
    public let now: @Sendable () -> Date
    /// Open API `reqMsgId`s already sent, for the lint rule that reports one sent twice.
    public let messageIDs: RequestMessageLedger

    public init(databases: SessionDatabases, partners: PartnerDirectory, signer: ResponseSigner, settings: SignatureSettings, logger: Logger, now: @escaping @Sendable () -> Date) {
        self.databases = databases
        self.partners = partners
        self.signer = signer
        self.settings = settings
        self.logger = logger
        self.now = now
        messageIDs = RequestMessageLedger()
    }

    /// The stores of the request's session (`X-Sandbox-Session`), or the shared ones.
    public func stores(for request: HTTPRequest) throws -> Stores {
        Stores(try databases.store(for: request.sandboxSession))
    }

    /// How requests are authenticated: by whom, how strictly, logging to whom, by which clock.
    public var authentication: AuthenticationContext {
        AuthenticationContext(partners: partners, settings: settings, logger: logger, now: now)
    }
}
