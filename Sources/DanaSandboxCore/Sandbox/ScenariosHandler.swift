import DanaSandboxAPIs
import SandboxHTTP
import SandboxJSON

/// `GET /sandbox/scenarios` (every scenario and its activation), `PUT /sandbox/scenarios/active`
/// `{"names":[…]}`, `DELETE /sandbox/scenarios/active`, `POST /sandbox/scenarios/reload`.
public struct ScenariosHandler: Sendable {
    public static let listPath = "/sandbox/scenarios"
    public static let activePath = "/sandbox/scenarios/active"
    public static let reloadPath = "/sandbox/scenarios/reload"

    let library: ScenarioLibrary

    public init(library: ScenarioLibrary) {
        self.library = library
    }

    public func list(_ request: HTTPRequest) -> Reply {
        let active = library.activeNames
        let scenarios = library.scenarios.map { scenario in
            JSONValue.fields([
                "name": .string(scenario.name),
                "description": .string(scenario.description),
                "file": .string(scenario.file),
                "endpoints": .array(Array(Set(scenario.rules.map { $0.endpoint?.name ?? "*" })).sorted().map(JSONValue.string)),
                "rules": .number(String(scenario.rules.count)),
                "active": .bool(active.contains(scenario.name)),
                "ruleDetails": .array(zip(scenario.rules, library.hits(of: scenario.name)).map(Self.describe)),
            ])
        }
        return .respond(.json(.ok, JSONValue.fields([
            "folder": .string(library.source.description),
            "active": .array(active.map(JSONValue.string)),
            "scenarios": .array(scenarios),
            "reloadProblems": library.reloadFailure.map { .array($0.errors.map { .string($0.description) }) },
        ]).text))
    }

    public func activate(_ request: HTTPRequest) -> Reply {
        guard let body = try? JSONScanner.parse(request.body), let names = body["names"]?.arrayValue,
              names.allSatisfy({ $0.stringValue != nil }) else {
            return .respond(.jsonError(.badRequest, message: "The body must be {\"names\":[\"scenario/name\", …]}."))
        }
        do {
            try library.activate(names.compactMap(\.stringValue))
        } catch {
            return .respond(.jsonError(.badRequest, message: error.message))
        }
        return activeList()
    }

    public func deactivate(_ request: HTTPRequest) -> Reply {
        try? library.activate([])
        return activeList()
    }

    public func reload(_ request: HTTPRequest) -> Reply {
        switch library.reload() {
        case .success(let count):
            return .respond(.json(.ok, JSONValue.fields(["status": "reloaded", "scenarios": .number(String(count))]).text))
        case .failure(let failure):
            let body = JSONValue.fields([
                "error": "Unprocessable Content",
                "message": .string("The scenarios were not reloaded; the previous ones stay in use."),
                "problems": .array(failure.errors.map { .string($0.description) }),
            ])
            return .respond(.json(HTTPStatus(422, "Unprocessable Content"), body.text))
        }
    }

    /// A rule as the console shows it: what it catches, what it answers, how often it has.
    private static func describe(_ rule: ScenarioRule, hits: Int) -> JSONValue {
        let respond: String
        switch rule.respond {
        case .resultCode(let code): respond = "code \(code)"
        case .fault(let fault): respond = "fault \(fault.name)"
        case .raw(let status, _, _): respond = "raw HTTP \(status)"
        }
        return .fields([
            "endpoint": .string(rule.endpoint?.name ?? "*"),
            "match": .object(rule.match.map { JSONMember(key: $0.key, value: .string($0.matcher.description)) }),
            "times": rule.times.map { .number(String($0)) },
            "delayMs": rule.delayMilliseconds > 0 ? .number(String(rule.delayMilliseconds)) : nil,
            "beforeAuth": rule.beforeAuth ? .bool(true) : nil,
            "respond": .string(respond),
            "hits": .number(String(hits)),
        ])
    }

    private func activeList() -> Reply {
        .respond(.json(.ok, JSONValue.fields(["active": .array(library.activeNames.map(JSONValue.string))]).text))
    }
}
