import Foundation
import SandboxSupport

/// What every family's authenticator works with: the partners and their keys, how strictly
/// signatures are checked, where failures are logged, and the sandbox's clock.
public struct AuthenticationContext: Sendable {
    public let partners: PartnerDirectory
    public let settings: SignatureSettings
    public let logger: Logger
    public let now: @Sendable () -> Date

    public init(partners: PartnerDirectory, settings: SignatureSettings, logger: Logger, now: @escaping @Sendable () -> Date) {
        self.partners = partners
        self.settings = settings
        self.logger = logger
        self.now = now
    }

    /// Whether a request sent at `sentAt` is within the window of the sandbox's clock.
    func isFresh(_ sentAt: Date) -> Bool {
        settings.isWithinWindow(sentAt, now: now())
    }

    /// Logs why a signature failed, with what the partner needs to fix it.
    func logFailure(_ diagnostics: SignatureDiagnostics) {
        logger.log(.warning, "signature.failed", diagnostics.logFields)
    }
}
