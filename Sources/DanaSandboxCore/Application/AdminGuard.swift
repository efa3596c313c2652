import SandboxHTTP

/// Requires `Authorization: Bearer TOKEN` on every `/sandbox/*` endpoint: off loopback, anyone
/// on the network could otherwise reset a CI run's state or switch its scenarios.
public struct AdminGuard: RequestHandler {
    public static let protectedPrefix = "/sandbox/"

    private let token: String?
    private let inner: any RequestHandler
    /// Requests under the prefix that need no token: the console's page, which holds no data.
    private let open: @Sendable (HTTPRequest) -> Bool

    /// With a nil token every request passes.
    public init(token: String?, inner: any RequestHandler, open: @escaping @Sendable (HTTPRequest) -> Bool = { _ in false }) {
        self.token = token
        self.inner = inner
        self.open = open
    }

    public func handle(_ request: HTTPRequest) -> Reply {
        guard let token, request.path.hasPrefix(Self.protectedPrefix), !open(request) else {
            return inner.handle(request)
        }
        guard let presented = request.headers["Authorization"], Self.constantTimeEquals(presented, "Bearer " + token) else {
            var response = HTTPResponse.jsonError(
                .unauthorized,
                message: "\(Self.protectedPrefix)* needs 'Authorization: Bearer <admin token>' (see --admin-token)."
            )
            response.headers.set("WWW-Authenticate", "Bearer realm=\"dana-sandbox\"")
            return .respond(response)
        }
        return inner.handle(request)
    }

    /// Compares without an early exit, so response timing does not reveal a matching prefix.
    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var difference = UInt8(x.count == y.count ? 0 : 1)
        for i in 0..<min(x.count, y.count) { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
