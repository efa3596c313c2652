import SandboxHTTP
import SandboxStorage
import SandboxSupport

/// `POST /sandbox/reset`: back to the start state (seed data, journal, active scenarios and
/// their counters), for CI suites that reset between tests.
public struct ResetHandler: RequestHandler {
    private let store: SandboxStore
    private let others: [@Sendable () -> Void]

    /// `others` reset the in-memory state beside the store.
    public init(store: SandboxStore, others: [@Sendable () -> Void] = []) {
        self.store = store
        self.others = others
    }

    public func handle(_ request: HTTPRequest) -> Reply {
        let started = ContinuousClock.now
        do {
            try store.reset()
            for reset in others { reset() }
        } catch {
            return .respond(.jsonError(.internalServerError, message: "reset failed: \(error.message)"))
        }
        let (seconds, attoseconds) = (ContinuousClock.now - started).components
        let nanoseconds = UInt64(seconds) * 1_000_000_000 + UInt64(attoseconds / 1_000_000_000)
        return .respond(.json(.ok, "{\"status\":\"reset\",\"durationMs\":\(Logger.milliseconds(nanoseconds))}"))
    }
}
