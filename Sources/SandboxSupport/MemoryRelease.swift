import Glibc
import Synchronization

/// Gives memory freed in bulk back to the system. glibc keeps freed memory in per-thread arenas;
/// a sandbox that drops every session and a database's worth of pages on each reset would
/// otherwise keep its highest footprint for ever, and a long run's RSS would only climb (the soak
/// saw +7 % over ten minutes with no live memory growing). `malloc_trim` returns the free pages
/// of every arena; it is asked for at most once a second, so a suite resetting between every
/// test pays for it rarely.
public enum MemoryRelease {
    private static let lastRelease = Mutex<ContinuousClock.Instant?>(nil)
    /// Looked up, not linked: Swift's Glibc module does not export malloc.h, and a libc without
    /// the call (musl) simply goes without.
    static let trim: (@convention(c) (Int) -> Int32)? = dlsym(nil, "malloc_trim").map {
        unsafeBitCast($0, to: (@convention(c) (Int) -> Int32).self)
    }

    /// After freeing a lot at once (a reset, sessions dropped).
    public static func afterBulkFree() {
        let now = ContinuousClock.now
        let due = lastRelease.withLock { last -> Bool in
            if let last, now - last < .seconds(1) { return false }
            last = now
            return true
        }
        if due, let trim { _ = trim(0) }
    }
}
