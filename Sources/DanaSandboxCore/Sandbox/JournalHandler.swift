import Foundation
import DanaSandboxAPIs
import SandboxHTTP
import SandboxJSON
import SandboxSupport

/// `GET /sandbox/journal?limit=N&endpoint=NAME&scenario=NAME&since=ID|TIME`: recent exchanges,
/// newest first (with `since`, the ones after it, oldest first), so a CI test can assert what its
/// integration sent and got.
public struct JournalHandler: RequestHandler {
    public static let path = "/sandbox/journal"

    let journal: Journal

    public init(journal: Journal) {
        self.journal = journal
    }

    public func handle(_ request: HTTPRequest) -> Reply {
        var entries = journal.entries()
        if let endpoint = request.queryItem("endpoint") {
            let names = EndpointRegistry.names + [ProbeReport.journalName]
            guard names.contains(endpoint) || endpoint.hasPrefix("/") else {
                return .respond(.jsonError(.badRequest, message: "endpoint '\(endpoint)' is not one of \(names.joined(separator: ", ")) (or a /path)"))
            }
            entries = entries.filter { ($0.endpoint ?? $0.path) == endpoint }
        }
        if let scenario = request.queryItem("scenario") {
            entries = entries.filter { $0.scenario == scenario }
        }
        if let since = request.queryItem("since") {
            // Paging forward: the entries after `since`, oldest first, so `limit` takes the next
            // ones and the last id of a page is the `since` of the next.
            if let id = UInt64(since) {
                entries = entries.filter { $0.id > id }.reversed()
            } else if let time = SignatureTimestamp.parse(since) {
                entries = entries.filter { $0.time > time }.reversed()
            } else {
                return .respond(.jsonError(.badRequest, message: "since takes an exchange id or an ISO-8601 time (2026-11-21T10:00:00Z), not '\(since)'"))
            }
        }
        if let text = request.queryItem("limit") {
            guard let limit = Int(text), limit >= 0 else {
                return .respond(.jsonError(.badRequest, message: "limit takes a whole number, not '\(text)'"))
            }
            entries = Array(entries.prefix(limit))
        }
        let body = JSONValue.fields([
            "capacity": .number(String(journal.limit)),
            "count": .number(String(entries.count)),
            "entries": .array(entries.map(\.json)),
        ])
        return .respond(.json(.ok, body.text))
    }
}
