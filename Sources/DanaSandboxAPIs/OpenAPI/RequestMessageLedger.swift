import Synchronization

/// The Open API `reqMsgId`s each partner has sent (per session), to report one sent twice. Bounded:
/// past `limit` ids the oldest half is forgotten, so a long run cannot grow it without end.
public final class RequestMessageLedger: Sendable {
    private struct Seen {
        var ids: Set<String> = []
        var order: [String] = []
    }

    private let limit: Int
    /// Guarded because every event loop spends ids.
    private let seen = Mutex(Seen())

    public init(limit: Int = 100_000) {
        self.limit = limit
    }

    /// True the first time `id` comes from `partner` in `session`.
    public func spend(_ id: String, partner: String, session: String?) -> Bool {
        let key = "\(session ?? "")\u{1}\(partner)\u{1}\(id)"
        return seen.withLock { seen in
            guard seen.ids.insert(key).inserted else { return false }
            seen.order.append(key)
            if seen.order.count > limit {
                let forgotten = seen.order.prefix(limit / 2)
                seen.ids.subtract(forgotten)
                seen.order.removeFirst(forgotten.count)
            }
            return true
        }
    }

    public func clear() {
        seen.withLock { $0 = Seen() }
    }
}
