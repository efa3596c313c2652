import Foundation
import Synchronization

/// The last N exchanges, in a ring: memory stays bounded however long the sandbox runs (the
/// complaint users of unbounded journals have), and recording costs O(1) on the event loop.
public final class Journal: Sendable {
    public let limit: Int

    private struct Ring {
        var slots: [JournalEntry?]
        var next = 0
        var count = 0
        /// The id the next entry gets; never reset, so ids stay unique across clears.
        var nextID: UInt64 = 1
    }

    /// The ring, its cursor and the id counter: recorded from every event loop, read by
    /// GET /sandbox/journal and cleared by resets on any of them.
    private let ring: Mutex<Ring>
    /// Told of every entry recorded and every clearing, under the lock, so followers hear of
    /// changes in the journal's own order (a clearing is never overtaken by an entry it removed,
    /// nor one entry by a later one). It must be quick and must not touch the journal.
    private let onChange: (@Sendable (JournalChange) -> Void)?

    public init(limit: Int, onChange: (@Sendable (JournalChange) -> Void)? = nil) {
        self.limit = max(1, limit)
        ring = Mutex(Ring(slots: Array(repeating: nil, count: max(1, limit))))
        self.onChange = onChange
    }

    public func record(_ entry: JournalEntry) {
        ring.withLock { ring in
            var entry = entry
            entry.id = ring.nextID
            ring.nextID += 1
            ring.slots[ring.next] = entry
            ring.next = (ring.next + 1) % ring.slots.count
            ring.count = min(ring.count + 1, ring.slots.count)
            onChange?(.recorded(entry))
        }
    }

    /// Newest first.
    public func entries() -> [JournalEntry] {
        ring.withLock { ring in
            (0..<ring.count).compactMap { offset in
                ring.slots[(ring.next - 1 - offset + ring.slots.count * 2) % ring.slots.count]
            }
        }
    }

    public func clear() {
        ring.withLock { ring in
            ring.slots = Array(repeating: nil, count: ring.slots.count)
            ring.next = 0
            ring.count = 0
            onChange?(.cleared)
        }
    }
}
