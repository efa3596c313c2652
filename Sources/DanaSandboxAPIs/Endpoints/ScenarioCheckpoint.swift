import SandboxHTTP

/// Where scenarios step in: an endpoint passes through it once the request's signature and
/// mandatory headers are checked, so a drill can never mask a signing bug. It either forces the
/// scenario's answer (which may be built from the real one) or lets the real answer through.
public struct ScenarioCheckpoint {
    private let body: (_ real: () throws -> Reply) throws -> Reply

    public init(_ body: @escaping (_ real: () throws -> Reply) throws -> Reply) {
        self.body = body
    }

    /// No scenario in play: the real answer.
    public static var none: ScenarioCheckpoint { ScenarioCheckpoint { try $0() } }

    /// The answer: the scenario's, or `real()`.
    public func pass(_ real: () throws -> Reply) throws -> Reply {
        try body(real)
    }
}
