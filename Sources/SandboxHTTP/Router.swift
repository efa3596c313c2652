/// Maps (method, path) to a handler: exact paths first, then the longest registered prefix
/// (`/sandbox/fixtures/` serves `/sandbox/fixtures/users/628…`). A known path asked with another
/// method gets 405 with `Allow` (RFC 9110 §15.5.6); an unknown path gets 404; both with a JSON
/// body. HEAD is served by the GET handler (RFC 9110 §9.3.2); the writer drops the body.
public struct Router: RequestHandler {
    private var routes: [String: [HTTPMethod: any RequestHandler]] = [:]
    /// Prefix routes, longest first.
    private var prefixes: [(prefix: String, handlers: [HTTPMethod: any RequestHandler])] = []

    public init() {}

    public mutating func add(_ method: HTTPMethod, _ path: String, _ handler: any RequestHandler) {
        routes[path, default: [:]][method] = handler
    }

    public mutating func add(_ method: HTTPMethod, _ path: String, _ body: @escaping @Sendable (HTTPRequest) -> Reply) {
        add(method, path, ClosureHandler(body))
    }

    /// Serves every path that starts with `prefix` (and has no exact route).
    public mutating func add(_ method: HTTPMethod, prefix: String, _ body: @escaping @Sendable (HTTPRequest) -> Reply) {
        if let index = prefixes.firstIndex(where: { $0.prefix == prefix }) {
            prefixes[index].handlers[method] = ClosureHandler(body)
        } else {
            prefixes.append((prefix, [method: ClosureHandler(body)]))
            prefixes.sort { $0.prefix.count > $1.prefix.count }
        }
    }

    private func handlers(at path: String) -> [HTTPMethod: any RequestHandler]? {
        routes[path] ?? prefixes.first { path.hasPrefix($0.prefix) }?.handlers
    }

    /// The methods served at a path, sorted, or empty when the path is unknown.
    public func methods(at path: String) -> [HTTPMethod] {
        guard let byMethod = handlers(at: path) else { return [] }
        var methods = Array(byMethod.keys)
        if byMethod[.get] != nil, byMethod[.head] == nil { methods.append(.head) }
        return methods.sorted { $0.rawValue < $1.rawValue }
    }

    public func handle(_ request: HTTPRequest) -> Reply {
        guard let byMethod = handlers(at: request.path) else {
            return .respond(.jsonError(
                .notFound,
                message: "No endpoint at \(request.path).",
                extra: ["method": request.method.rawValue, "path": request.path]
            ))
        }
        if let handler = byMethod[request.method] ?? (request.method == .head ? byMethod[.get] : nil) {
            return handler.handle(request)
        }
        let allowed = methods(at: request.path).map(\.rawValue).joined(separator: ", ")
        var response = HTTPResponse.jsonError(
            .methodNotAllowed,
            message: "\(request.path) answers \(allowed), not \(request.method.rawValue).",
            extra: ["method": request.method.rawValue, "path": request.path, "allow": allowed]
        )
        response.headers.set("Allow", allowed)
        return .respond(response)
    }
}
