import Foundation
import DanaSandboxAPIs
import SandboxHTTP
import SandboxJSON
import SandboxSupport

/// `GET /sandbox/journal?limit=N&endpoint=NAME&scenario=NAME&session=S&since=ID|TIME`: recent
/// exchanges, newest first (with `since`, the ones after it, oldest first), so a CI test can
/// assert what its integration sent and got. `GET /sandbox/journal/count` with the same filters
/// answers `{"count":N}` (a test's "called exactly twice"); `DELETE /sandbox/journal` empties it.
public struct JournalHandler: Sendable {
    public static let path = "/sandbox/journal"
    public static let countPath = "/sandbox/journal/count"

    let journal: Journal

    public init(journal: Journal) {
        self.journal = journal
    }

    public func list(_ request: HTTPRequest) -> Reply {
        switch filtered(request) {
        case .refused(let message): return .respond(.jsonError(.badRequest, message: message))
        case .kept(let entries):
            let body = JSONValue.fields([
                "capacity": .number(String(journal.limit)),
                "count": .number(String(entries.count)),
                "entries": .array(entries.map(\.json)),
            ])
            return .respond(.json(.ok, body.text))
        }
    }

    public func count(_ request: HTTPRequest) -> Reply {
        switch filtered(request) {
        case .refused(let message): return .respond(.jsonError(.badRequest, message: message))
        case .kept(let entries): return .respond(.json(.ok, "{\"count\":\(entries.count)}"))
        }
    }

    public func clear(_ request: HTTPRequest) -> Reply {
        journal.clear()
        return .respond(.json(.ok, "{\"status\":\"cleared\"}"))
    }

    private enum Filtered {
        case kept([JournalEntry])
        /// Why a filter cannot be used: the message of a 400.
        case refused(String)
    }

    /// The entries the query's filters keep, or why a filter cannot be used.
    private func filtered(_ request: HTTPRequest) -> Filtered {
        var entries = journal.entries()
        if let endpoint = request.queryItem("endpoint") {
            let names = EndpointRegistry.names + [ProbeReport.journalName]
            guard names.contains(endpoint) || endpoint.hasPrefix("/") else {
                return .refused("endpoint '\(endpoint)' is not one of \(names.joined(separator: ", ")) (or a /path)")
            }
            entries = entries.filter { ($0.endpoint ?? $0.path) == endpoint }
        }
        if let scenario = request.queryItem("scenario") {
            entries = entries.filter { $0.scenario == scenario }
        }
        if let session = request.queryItem("session") {
            entries = entries.filter { $0.session == session }
        }
        if let since = request.queryItem("since") {
            // Paging forward: the entries after `since`, oldest first, so `limit` takes the next
            // ones and the last id of a page is the `since` of the next.
            if let id = UInt64(since) {
                entries = entries.filter { $0.id > id }.reversed()
            } else if let time = SignatureTimestamp.parse(since) {
                entries = entries.filter { $0.time > time }.reversed()
            } else {
                return .refused("since takes an exchange id or an ISO-8601 time (2026-11-21T10:00:00Z), not '\(since)'")
            }
        }
        if let text = request.queryItem("limit") {
            guard let limit = Int(text), limit >= 0 else {
                return .refused("limit takes a whole number, not '\(text)'")
            }
            entries = Array(entries.prefix(limit))
        }
        return .kept(entries)
    }
}
