import Foundation
import SandboxHTTP
import SandboxJSON
import SandboxSupport

/// What one probe sent, what came back, and every rule it broke.
public struct ProbeReport: Sendable {
    public let name: String
    public let rules: [(id: String, description: String)]
    public let violations: [Violation]
    public let url: ClientURL
    /// The request's header fields as written, and its exact body.
    public let requestHeaders: HTTPHeaders
    public let requestBody: [UInt8]
    public let response: ClientResponse?
    public let failure: ClientError?
    public let duration: Duration

    public var conformant: Bool { violations.isEmpty }

    /// Rules that gate the rest: once one is broken, there is nothing further to check.
    private static let gates: Set<String> = ["transport", "timing", "http.status", "http.accepted", "body.json", "envelope"]

    /// Rules not checked because an earlier gate was broken.
    public var unchecked: [String] {
        let broken = Set(violations.map(\.rule))
        guard let gate = rules.firstIndex(where: { Self.gates.contains($0.id) && broken.contains($0.id) }) else { return [] }
        return rules[(gate + 1)...].map(\.id).filter { !broken.contains($0) }
    }

    public var durationMilliseconds: String {
        let (seconds, attoseconds) = duration.components
        return Logger.milliseconds(UInt64(seconds) * 1_000_000_000 + UInt64(attoseconds / 1_000_000_000))
    }

    public var json: JSONValue {
        .fields([
            "probe": .string(name),
            "conformant": .bool(conformant),
            "violations": .array(violations.map(\.json)),
            "unchecked": .array(unchecked.map(JSONValue.string)),
            "request": .fields([
                "method": "POST",
                "url": .string(url.description),
                "headers": Self.headers(requestHeaders),
                "body": .string(String(decoding: requestBody, as: UTF8.self)),
            ]),
            "response": response.map { response in
                .fields([
                    "status": .number(String(response.status)),
                    "headers": Self.headers(response.headers),
                    "body": .string(String(decoding: response.body, as: UTF8.self)),
                ])
            } ?? .null,
            "error": failure.map { .string($0.message) },
            "durationMs": .number(durationMilliseconds),
        ])
    }

    private static func headers(_ headers: HTTPHeaders) -> JSONValue {
        .object(headers.map { JSONMember(key: $0.name, value: .string($0.value)) })
    }
}

extension ProbeReport {
    /// The name outgoing inquiries go by in the journal.
    public static let journalName = "destination-inquiry"

    /// The call as the journal keeps exchanges: the exact bytes both ways, and the verdict.
    public var journalEntry: JournalEntry {
        let (seconds, attoseconds) = duration.components
        let record = ExchangeRecord(
            requestID: 0, connectionID: 0, method: "POST", path: url.description, status: response?.status,
            outcome: response == nil ? .closed : .responded,
            durationNanoseconds: UInt64(seconds) * 1_000_000_000 + UInt64(attoseconds / 1_000_000_000),
            annotations: ["result.code": conformant ? "conformant" : "not conformant"],
            request: HTTPRequest(method: .post, target: url.target, headers: requestHeaders, body: requestBody),
            response: response.map { HTTPResponse(status: HTTPStatus(code: $0.status), headers: $0.headers, body: $0.body) }
        )
        let verdict = JSONValue.fields([
            "probe": .string(name), "conformant": .bool(conformant), "violations": .array(violations.map(\.json)),
            "error": failure.map { .string($0.message) },
        ])
        return JournalEntry(record: record, time: Date(), endpoint: Self.journalName, verdict: verdict)
    }
}
