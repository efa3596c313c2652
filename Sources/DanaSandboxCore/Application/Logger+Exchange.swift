import SandboxHTTP
import SandboxSupport

extension Logger {
    /// The access-log line of one exchange: method, path, status, duration, and the result code
    /// or scenario when a handler annotated them.
    public func exchange(_ record: ExchangeRecord) {
        guard isEnabled else { return }
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
        // Lint findings and signature diagnostics have their own warning lines; the journal keeps them whole.
        for (key, value) in record.annotations.sorted(by: { $0.key < $1.key }) where key != "lint" && key != "signature" {
            fields.append((key, .string(value)))
        }
        log(record.outcome == .rejected ? .warning : .info, "exchange", fields)
    }
}
