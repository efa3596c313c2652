import Foundation
import SandboxHTTP
import SandboxJSON
import SandboxSupport

/// One exchange as the journal keeps it. Rendered with client secrets and tokens masked.
public struct JournalEntry: Sendable {
    /// The journal's own sequence number, given when the entry is recorded: ids grow in the order
    /// exchanges finished, so `since=ID` pages forward without gaps.
    public internal(set) var id: UInt64 = 0
    /// The server's request id (the logs' `request.id`); 0 for calls the sandbox made.
    public let requestID: UInt64
    public let time: Date
    /// The emulated endpoint's name, or nil for the sandbox's own endpoints.
    public let endpoint: String?
    public let method: String
    public let path: String
    public let scenario: String?
    /// The documented rules the request broke (`X-Sandbox-Lint`), each as a JSON object.
    public let lint: JSONValue?
    /// What `X-Sandbox-Scenario-Applied` said: the rule that fired, or `none` and why.
    public let scenarioApplied: String?
    /// Why the request's signature did not verify (key, expected string to sign, forms tried).
    public let signature: JSONValue?
    /// `X-Sandbox-Session` of the request, if it had one.
    public let session: String?
    public let outcome: ExchangeRecord.Outcome
    public let status: Int?
    public let code: String?
    public let durationNanoseconds: UInt64
    public let request: HTTPRequest?
    public let response: HTTPResponse?

    /// Bodies are kept up to this size, so 1000 entries of 1 MiB bodies cannot hold a gigabyte.
    public static let bodyLimit = 64 * 1024

    /// The verdict on an outgoing call (a destination inquiry), nil for requests the sandbox served.
    public let verdict: JSONValue?

    /// `endpoint` names an outgoing call; requests the sandbox served are named by their path.
    public init(record: ExchangeRecord, time: Date, endpoint: String? = nil, verdict: JSONValue? = nil) {
        requestID = record.requestID
        self.time = time
        self.endpoint = endpoint ?? EndpointRegistry.descriptor(forPath: record.path)?.name
        self.verdict = verdict
        method = record.method
        path = record.path
        scenario = record.annotations["scenario"]
        session = record.request?.sandboxSession
        scenarioApplied = record.annotations["scenario.applied"]
        lint = record.annotations["lint"].flatMap { try? JSONScanner.parse(Array($0.utf8)) }
        signature = record.annotations["signature"].flatMap { try? JSONScanner.parse(Array($0.utf8)) }
        outcome = record.outcome
        status = record.status
        code = record.annotations["result.code"]
        durationNanoseconds = record.durationNanoseconds
        request = record.request.map { request in
            var kept = request
            if kept.body.count > Self.bodyLimit { kept.body = Array(kept.body.prefix(Self.bodyLimit)) }
            return kept
        }
        response = record.response.map { response in
            var kept = response
            if kept.body.count > Self.bodyLimit { kept.body = Array(kept.body.prefix(Self.bodyLimit)) }
            return kept
        }
        requestBodySize = record.request?.body.count ?? 0
        responseBodySize = record.response?.body.count ?? 0
    }

    /// The full sizes, to say when a stored body was cut.
    public let requestBodySize: Int
    public let responseBodySize: Int

    /// Members whose values are secrets wherever they appear in a body.
    static let secretMembers: Set<String> = ["clientSecret", "accessToken"]
    /// Headers whose values are secrets.
    static let secretHeaders: Set<String> = ["authorization", "authorization-customer"]

    public var json: JSONValue {
        .fields([
            "id": .number(String(id)),
            "requestId": requestID == 0 ? nil : .number(String(requestID)),
            "time": .string(SignatureTimestamp.format(time, utcOffsetHours: 0, milliseconds: true)),
            "endpoint": .string(endpoint ?? path),
            "method": .string(method),
            "path": .string(path),
            "scenario": scenario.map(JSONValue.string),
            "scenarioApplied": scenarioApplied.map(JSONValue.string),
            "lint": lint,
            "signature": signature,
            "session": session.map(JSONValue.string),
            "outcome": .string(outcome.rawValue),
            "durationMs": .number(Logger.milliseconds(durationNanoseconds)),
            "request": request.map { .fields([
                "headers": Self.headers($0.headers), "body": Self.body($0.body),
                "bodyTruncatedFrom": requestBodySize > Self.bodyLimit ? .number(String(requestBodySize)) : nil,
            ]) },
            "response": .fields([
                "status": status.map { .number(String($0)) },
                "code": code.map(JSONValue.string),
                "headers": response.map { Self.headers($0.headers) },
                "body": response.map { Self.body($0.body) },
                "bodyTruncatedFrom": responseBodySize > Self.bodyLimit ? .number(String(responseBodySize)) : nil,
            ]),
            "verdict": verdict,
        ])
    }

    private static func headers(_ headers: HTTPHeaders) -> JSONValue {
        .object(headers.map { field in
            JSONMember(key: field.name, value: .string(secretHeaders.contains(field.name.lowercased()) ? "***" : field.value))
        })
    }

    /// JSON bodies as JSON (secrets masked), anything else as text.
    private static func body(_ bytes: [UInt8]) -> JSONValue {
        if bytes.isEmpty { return .string("") }
        guard let parsed = try? JSONScanner.parse(bytes) else { return .string(String(decoding: bytes, as: UTF8.self)) }
        return mask(parsed)
    }

    static func mask(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            return .object(members.map { member in
                JSONMember(key: member.key, value: secretMembers.contains(member.key) && !member.value.isNull ? .string("***") : mask(member.value))
            })
        case .array(let items):
            return .array(items.map(mask))
        default:
            return value
        }
    }
}
