import Foundation

/// How strictly requests are checked.
public struct SignatureSettings: Sendable {
    /// `--signatures off` accepts any signature (responses are still signed).
    public var enforce: Bool
    /// How far a request's timestamp may be from the sandbox's clock, either way.
    public var replayWindowSeconds: Double
    /// What an Open API request with a bad signature gets: DANA documents no code for it.
    public var openAPISignatureFailure: OpenAPIResult

    /// Whether a request sent at `sent` is close enough to the sandbox's `now` to be accepted.
    public func isWithinWindow(_ sent: Date, now: Date) -> Bool {
        abs(sent.timeIntervalSince(now)) <= replayWindowSeconds
    }

    /// `±15 min`, for the messages that refuse a stale timestamp.
    public var windowDescription: String { "±\(Int(replayWindowSeconds / 60)) min" }

    public init(enforce: Bool = true, replayWindowSeconds: Double = 900, openAPISignatureFailure: OpenAPIResult = .invalidSignatureDefault) {
        self.enforce = enforce
        self.replayWindowSeconds = replayWindowSeconds
        self.openAPISignatureFailure = openAPISignatureFailure
    }
}
