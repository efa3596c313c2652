import SandboxHTTP

/// `POST /sandbox/reset`: back to the seed state, for CI suites that reset between tests.
public struct ResetHandler: RequestHandler {
    private let store: SandboxStore

    public init(store: SandboxStore) {
        self.store = store
    }

    public func handle(_ request: HTTPRequest) -> Reply {
        let started = ContinuousClock.now
        do {
            try store.reset()
        } catch {
            return .respond(.jsonError(.internalServerError, message: "reset failed: \(error.message)"))
        }
        let (seconds, attoseconds) = (ContinuousClock.now - started).components
        let nanoseconds = UInt64(seconds) * 1_000_000_000 + UInt64(attoseconds / 1_000_000_000)
        return .respond(.json(.ok, "{\"status\":\"reset\",\"durationMs\":\(Logger.milliseconds(nanoseconds))}"))
    }
}
