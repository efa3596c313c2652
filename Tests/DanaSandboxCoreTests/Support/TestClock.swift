import Foundation
import Synchronization

/// A clock tests set and move, so timestamps in signed requests are inside (or outside) the
/// window on purpose, and token expiry is reached without waiting.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    init(_ text: String = "2026-11-21T10:00:00+07:00") {
        current = Mutex(Self.date(text))
    }

    static func date(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text) ?? ISO8601DateFormatter().date(from: text)!
    }

    var now: Date { current.withLock { $0 } }

    func set(_ text: String) { current.withLock { $0 = Self.date(text) } }

    func advance(seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }

    var function: @Sendable () -> Date { { [self] in now } }

    /// Now, as partners write it.
    var jakarta: String { SandboxSupport.SignatureTimestamp.jakarta(now) }
}

import DanaSandboxCore
import SandboxJSON
import SandboxCrypto
import SandboxSupport
import SandboxStorage
import DanaSandboxAPIs
