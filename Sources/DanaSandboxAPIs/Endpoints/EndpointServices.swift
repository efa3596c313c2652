import Foundation
import SandboxStorage
import SandboxSupport

/// What endpoints are built from: the stores, the partners and their keys, the sandbox's own
/// signing keys, how strictly signatures are checked, the logger and the clock.
public struct EndpointServices: Sendable {
    public let stores: Stores
    public let partners: PartnerDirectory
    public let signer: ResponseSigner
    public let settings: SignatureSettings
    public let logger: Logger
    public let now: @Sendable () -> Date

    public init(store: SandboxStore, partners: PartnerDirectory, signer: ResponseSigner, settings: SignatureSettings, logger: Logger, now: @escaping @Sendable () -> Date) {
        stores = Stores(store)
        self.partners = partners
        self.signer = signer
        self.settings = settings
        self.logger = logger
        self.now = now
    }

    /// How requests are authenticated: by whom, how strictly, logging to whom, by which clock.
    public var authentication: AuthenticationContext {
        AuthenticationContext(partners: partners, settings: settings, logger: logger, now: now)
    }
}
