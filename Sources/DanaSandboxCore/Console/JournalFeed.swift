import DanaSandboxAPIs
import SandboxHTTP
import Synchronization

/// The journal as Server-Sent Events (`GET /sandbox/events`), for the console: each recorded
/// exchange is an `exchange` event whose id is its journal id, and a clearing is a `cleared`
/// event. The number of followers is bounded, each follower's unsent backlog is bounded by its
/// stream, and a follower that leaves or falls behind is dropped at once.
public final class JournalFeed: Sendable {
    public static let path = "/sandbox/events"
    /// More followers than consoles anyone keeps open; beyond it a follower gets a 503.
    public static let maxFollowers = 32
    /// A follower's unsent events past this are not waited for: it is cut off and reconnects.
    static let backlogLimit = 2 * 1024 * 1024
    /// The most missed entries one follower is sent on joining (as many as the console keeps):
    /// catching up is serialised on an event loop, and the journal may hold a million entries.
    static let replayLimit = 500

    private struct Followers {
        var sinks: [ObjectIdentifier: StreamSink] = [:]
        /// Places taken, counted when a follower is admitted (before its stream starts).
        var admitted = 0
    }

    private let followers = Mutex(Followers())
    /// Read without the lock on every exchange, so a sandbox with no console open pays nothing.
    private let following = Atomic<Int>(0)

    public init() {}

    /// How many followers are connected now.
    var count: Int { following.load(ordering: .relaxed) }

    /// Passes a journal change to every follower. Called under the journal's lock, so the event
    /// is serialised there: a cost paid only while a console follows.
    public func publish(_ change: JournalChange) {
        guard following.load(ordering: .relaxed) > 0 else { return }
        let event = Self.event(change)
        let sinks = followers.withLock { Array($0.sinks.values) }
        for sink in sinks { sink.send(event) }
    }

    /// `GET /sandbox/events[?since=ID]`: first the journal's entries after `since` or the
    /// `Last-Event-ID` a reconnecting browser sends (oldest first, the newest `replayLimit` of
    /// them), then live changes. An entry recorded while a follower joins may come twice; the
    /// console keys entries by id.
    public func follow(_ request: HTTPRequest, journal: Journal) -> Reply {
        let resumeFrom = request.headers["Last-Event-ID"] ?? request.queryItem("since")
        let since = resumeFrom.flatMap { UInt64($0) }
        if let resumeFrom, since == nil {
            return .respond(.jsonError(.badRequest, message: "since (or Last-Event-ID) takes a journal id, not '\(resumeFrom)'"))
        }
        var head = HTTPResponse(status: .ok)
        head.headers.set("Content-Type", "text/event-stream; charset=utf-8")
        head.headers.set("Cache-Control", "no-store")
        let admitted = followers.withLock { followers -> Bool in
            guard followers.admitted < Self.maxFollowers else { return false }
            followers.admitted += 1
            return true
        }
        guard admitted else {
            return .respond(.jsonError(.serviceUnavailable, message: "\(Self.maxFollowers) consoles already follow the journal; close one"))
        }
        let stream = ResponseStream(head: head, backlogLimit: Self.backlogLimit, heartbeat: Array(": keep-alive\n\n".utf8)) { [self] sink in
            let key = ObjectIdentifier(sink)
            followers.withLock { $0.sinks[key] = sink }
            following.add(1, ordering: .relaxed)
            sink.onClose { [self] in
                followers.withLock { followers in
                    followers.sinks[key] = nil
                    followers.admitted -= 1
                }
                following.subtract(1, ordering: .relaxed)
            }
            // Said first so a client knows it is connected before any exchange happens.
            sink.send(Array("retry: 2000\nevent: ready\ndata: {}\n\n".utf8))
            if let since {
                let missed = journal.entries().prefix { $0.id > since }.prefix(Self.replayLimit)
                for entry in missed.reversed() { sink.send(Self.event(.recorded(entry))) }
            }
        }
        return .stream(stream)
    }

    static func event(_ change: JournalChange) -> [UInt8] {
        switch change {
        case .recorded(let entry):
            // JSON text has no raw line breaks (they are escaped in strings), so one data line holds it.
            return Array("id: \(entry.id)\nevent: exchange\ndata: \(entry.json.text)\n\n".utf8)
        case .cleared:
            return Array("event: cleared\ndata: {}\n\n".utf8)
        }
    }
}
