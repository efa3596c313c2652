import DanaSandboxAPIs
import SandboxHTTP
import SandboxStorage
import SandboxJSON
import SandboxSupport

/// `POST /sandbox/reset`: back to the start state (seed data, journal, active scenarios and
/// their counters, every session dropped), for CI suites that reset between tests. With
/// `X-Sandbox-Session: S`, session S alone: its data and its scenario counters.
public struct ResetHandler: RequestHandler {
    private let databases: SessionDatabases
    private let scenarios: ScenarioLibrary
    private let journal: Journal
    /// Other state a whole reset empties (the lint summary, the Open API message ids seen).
    private let others: [@Sendable () -> Void]

    public init(databases: SessionDatabases, scenarios: ScenarioLibrary, journal: Journal, others: [@Sendable () -> Void] = []) {
        self.databases = databases
        self.scenarios = scenarios
        self.journal = journal
        self.others = others
    }

    public func handle(_ request: HTTPRequest) -> Reply {
        let started = ContinuousClock.now
        if let session = request.sandboxSession {
            // The session's next request makes its store from the seed again.
            databases.drop(session)
            scenarios.resetSession(session)
        } else {
            do {
                try databases.shared.reset()
            } catch {
                return .respond(.jsonError(.internalServerError, message: "reset failed: \(error.message)"))
            }
            databases.dropAll()
            scenarios.resetToStart()
            journal.clear()
            for reset in others { reset() }
        }
        MemoryRelease.afterBulkFree()
        let (seconds, attoseconds) = (ContinuousClock.now - started).components
        let nanoseconds = UInt64(seconds) * 1_000_000_000 + UInt64(attoseconds / 1_000_000_000)
        let scope = request.sandboxSession.map { ",\"session\":\(JSONString.quoted($0))" } ?? ""
        return .respond(.json(.ok, "{\"status\":\"reset\"\(scope),\"durationMs\":\(Logger.milliseconds(nanoseconds))}"))
    }
}
