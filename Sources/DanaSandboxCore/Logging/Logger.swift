import Foundation
import SandboxHTTP

/// Writes log lines, one `write(2)` each so lines from several event loops never interleave.
/// Tests pass a sink that collects lines, or `Logger.disabled`.
public final class Logger: Sendable {
    public let format: ServeOptions.LogFormat
    private let sink: (@Sendable (String) -> Void)?

    public init(format: ServeOptions.LogFormat, sink: (@Sendable (String) -> Void)?) {
        self.format = format
        self.sink = sink
    }

    /// Lines to standard error, the contract's place for them.
    public static func standardError(format: ServeOptions.LogFormat) -> Logger {
        Logger(format: format) { line in
            var bytes = Array(line.utf8)
            bytes.append(0x0A)
            bytes.withUnsafeBytes { _ = write(2, $0.baseAddress, $0.count) }
        }
    }

    public static let disabled = Logger(format: .text, sink: nil)

    public func log(_ level: LogLevel, _ message: @autoclosure () -> String, _ fields: @autoclosure () -> [(String, LogLine.Value)] = []) {
        guard let sink else { return }
        sink(LogLine(level: level, message: message(), fields: fields()).render(format, time: SignatureTimestamp.format(Date(), utcOffsetHours: 0, milliseconds: true)))
    }

    /// The access-log line of one exchange: method, path, status, duration, and the result code
    /// or scenario when a handler annotated them.
    public func exchange(_ record: ExchangeRecord) {
        guard sink != nil else { return }
        var fields: [(String, LogLine.Value)] = [
            ("request.id", .number(String(record.requestID))),
            ("http.method", .string(record.method)),
            ("http.path", .string(record.path)),
            ("http.status", record.status.map { .number(String($0)) } ?? .string("-")),
            ("duration_ms", .number(Self.milliseconds(record.durationNanoseconds))),
        ]
        if record.outcome != .responded && record.outcome != .rejected {
            fields.append(("outcome", .string(record.outcome.rawValue)))
        }
        for key in record.annotations.keys.sorted() {
            fields.append((key, .string(record.annotations[key]!)))
        }
        log(record.outcome == .rejected ? .warning : .info, "exchange", fields)
    }

    static func milliseconds(_ nanoseconds: UInt64) -> String {
        let hundredths = (nanoseconds + 5_000) / 10_000
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
