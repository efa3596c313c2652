import SandboxHTTP
import SandboxJSON
import SandboxStorage
import SandboxSupport

/// `GET /sandbox/sessions`: the live per-session stores (`X-Sandbox-Session`), with how long each
/// has been idle and the memory it holds, and the limits that drop them.
public struct SessionsHandler: RequestHandler {
    public static let path = "/sandbox/sessions"

    let databases: SessionDatabases

    public init(databases: SessionDatabases) {
        self.databases = databases
    }

    public func handle(_ request: HTTPRequest) -> Reply {
        let now = ContinuousClock.now
        let sessions = databases.live()
        var total = 0
        let described = sessions.reversed().map { session -> JSONValue in
            let bytes = session.store.memoryBytes
            total += bytes
            return .fields([
                "name": .string(session.name),
                "idleSeconds": .number(Self.seconds(now - session.lastUsed)),
                "ageSeconds": .number(Self.seconds(now - session.created)),
                "memoryBytes": .number(String(bytes)),
            ])
        }
        let body = JSONValue.fields([
            "count": .number(String(sessions.count)),
            "maxSessions": .number(String(databases.maxSessions)),
            "ttlSeconds": .number(Self.seconds(databases.ttl)),
            "memoryBytes": .number(String(total)),
            "sessions": .array(described),
        ])
        return .respond(.json(.ok, body.text))
    }

    /// Seconds with two decimals: `Logger.milliseconds` of microseconds.
    private static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return Logger.milliseconds(UInt64(max(0, seconds)) * 1_000_000 + UInt64(max(0, attoseconds) / 1_000_000_000_000))
    }
}
