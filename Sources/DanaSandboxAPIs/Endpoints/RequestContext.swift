import SandboxHTTP
import SandboxJSON

/// What an endpoint's handling of one request shares with the sandbox around it: the checkpoint
/// it passes once the request's signature and mandatory headers are checked (where strict mode
/// refuses documented-rule breaks and scenarios apply, so a drill can never mask a signing bug),
/// and the lint findings it reports on the way.
public final class RequestContext {
    /// `--strict` or `X-Sandbox-Strict: 1`: a documented rule broken is refused, not just reported.
    public let strict: Bool
    /// What happens at the checkpoint: given this context (its findings so far) and the real
    /// answer, the answer to give.
    private let checkpoint: (_ context: RequestContext, _ real: () throws -> Reply) throws -> Reply
    public private(set) var findings: [LintFinding]
    /// The body as JSON (`.some(nil)`: not JSON), once parsed: the gate parses it for lint and
    /// scenarios, and the handler reads that value rather than parsing the body again.
    private var parsedBody: JSONValue??

    public init(strict: Bool = false, findings: [LintFinding] = [], body parsedBody: JSONValue?? = nil, checkpoint: @escaping (_ context: RequestContext, _ real: () throws -> Reply) throws -> Reply = { try $1() }) {
        self.strict = strict
        self.findings = findings
        self.parsedBody = parsedBody
        self.checkpoint = checkpoint
    }

    /// `request`'s body parsed as JSON, or nil when it is not JSON; parsed at most once.
    public func jsonBody(of request: HTTPRequest) -> JSONValue? {
        if let parsedBody { return parsedBody }
        let parsed = try? JSONScanner.parse(request.body)
        parsedBody = .some(parsed)
        return parsed
    }

    /// No scenario, no strictness: the real answer.
    public static var plain: RequestContext { RequestContext() }

    /// The answer: a refusal in strict mode, a scenario's answer, or `real()`.
    public func pass(_ real: () throws -> Reply) throws -> Reply {
        try checkpoint(self, real)
    }

    /// A documented rule the request breaks, found while handling it.
    public func report(_ finding: LintFinding) {
        findings.append(finding)
    }
}
