import Synchronization

/// The shared store, and one store per test session (`X-Sandbox-Session`), each made from the
/// seed on first use, dropped after `ttl` idle, and at most `maxSessions` at once (the least
/// recently used goes first). Parallel tests each own their data this way.
public final class SessionDatabases: Sendable {
    /// One session's store and when it was last used.
    public struct Session: Sendable {
        public let name: String
        public let store: SandboxStore
        public let created: ContinuousClock.Instant
        public var lastUsed: ContinuousClock.Instant
    }

    /// The store of requests without a session.
    public let shared: SandboxStore
    public let ttl: Duration
    public let maxSessions: Int
    /// Session name → session. Guarded because every event loop looks sessions up; a session is
    /// created under the lock, so two first requests of one session get one store.
    private let sessions = Mutex<[String: Session]>([:])
    /// When expired sessions were last looked for: a sweep walks every session, so it runs at
    /// most once a second, not on every request.
    private let lastSweep = Mutex<ContinuousClock.Instant>(.now)

    public init(shared: SandboxStore, ttl: Duration, maxSessions: Int) {
        self.shared = shared
        self.ttl = ttl
        self.maxSessions = max(1, maxSessions)
    }

    /// The store of `session`, made from the seed if it is new; the shared store for nil.
    public func store(for session: String?) throws(SQLiteError) -> SandboxStore {
        guard let session else { return shared }
        let now = ContinuousClock.now
        let sweep = lastSweep.withLock { last in
            guard now - last > .seconds(1) else { return false }
            last = now
            return true
        }
        return try sessions.withLock { (sessions: inout [String: Session]) throws(SQLiteError) -> SandboxStore in
            if sweep { sessions = sessions.filter { isLive($0.value, at: now) } }
            if var existing = sessions[session], isLive(existing, at: now) {
                existing.lastUsed = now
                sessions[session] = existing
                return existing.store
            }
            let store = try shared.makeSessionStore()
            sessions[session] = Session(name: session, store: store, created: now, lastUsed: now)
            while sessions.count > maxSessions, let oldest = sessions.values.min(by: { $0.lastUsed < $1.lastUsed }) {
                sessions[oldest.name] = nil
            }
            return store
        }
    }

    /// The store of `session` if it is live, without making it or counting a use: for looking,
    /// where `store(for:)` would create a session or evict another.
    public func existingStore(for session: String) -> SandboxStore? {
        let now = ContinuousClock.now
        return sessions.withLock { sessions in
            sessions[session].flatMap { isLive($0, at: now) ? $0.store : nil }
        }
    }

    /// The live sessions (expired ones dropped first), least recently used first.
    public func live() -> [Session] {
        let now = ContinuousClock.now
        return sessions.withLock { sessions in
            sessions = sessions.filter { isLive($0.value, at: now) }
            return sessions.values.sorted { $0.lastUsed < $1.lastUsed }
        }
    }

    /// Drops `session`; true if it existed.
    @discardableResult
    public func drop(_ session: String) -> Bool {
        sessions.withLock { $0.removeValue(forKey: session) != nil }
    }

    /// Drops every session.
    public func dropAll() {
        sessions.withLock { $0.removeAll() }
    }

    /// Used within the last `ttl`: an older session is gone, whether or not a sweep removed it yet.
    private func isLive(_ session: Session, at now: ContinuousClock.Instant) -> Bool {
        now - session.lastUsed <= ttl
    }
}
