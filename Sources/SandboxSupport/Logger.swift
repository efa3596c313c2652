import Foundation

/// Writes log lines, one `write(2)` each so lines from several event loops never interleave.
/// Tests pass a sink that collects lines, or `Logger.disabled`.
public final class Logger: Sendable {
    public let format: LogFormat
    private let sink: (@Sendable (String) -> Void)?

    public init(format: LogFormat, sink: (@Sendable (String) -> Void)?) {
        self.format = format
        self.sink = sink
    }

    /// Lines to standard error, the contract's place for them.
    public static func standardError(format: LogFormat) -> Logger {
        Logger(format: format) { line in
            var bytes = Array(line.utf8)
            bytes.append(0x0A)
            bytes.withUnsafeBytes { _ = write(2, $0.baseAddress, $0.count) }
        }
    }

    /// False for `Logger.disabled`: callers skip building what nobody will read.
    public var isEnabled: Bool { sink != nil }

    public static let disabled = Logger(format: .text, sink: nil)

    public func log(_ level: LogLevel, _ message: @autoclosure () -> String, _ fields: @autoclosure () -> [(String, LogLine.Value)] = []) {
        guard let sink else { return }
        sink(LogLine(level: level, message: message(), fields: fields()).render(format, time: SignatureTimestamp.format(Date(), utcOffsetHours: 0, milliseconds: true)))
    }

    /// `12.34`: milliseconds with two decimals, for log fields and timings.
    public static func milliseconds(_ nanoseconds: UInt64) -> String {
        let hundredths = (nanoseconds + 5_000) / 10_000
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
