import SandboxHTTP

/// `GET /sandbox/console`: the console, one page of HTML, CSS and JavaScript written here and
/// built into the binary, so it works offline and from a CI artifact. `GET /` redirects to it.
/// The page holds no data: it is served without the admin token, and asks for the token itself
/// before it reads anything. Every answer carries a Content-Security-Policy that allows nothing
/// from elsewhere and no inline script, so an exchange's text can never run as code.
public struct ConsoleHandler: Sendable {
    public static let path = "/sandbox/console"
    static let assetPrefix = path + "/"

    /// The console's own files and nothing else, from memory.
    static let assets: [String: (type: String, bytes: [UInt8])] = [
        "console.css": ("text/css; charset=utf-8", PackageResources.console_css),
        "console.js": ("text/javascript; charset=utf-8", PackageResources.console_js),
    ]

    static let contentSecurityPolicy = [
        "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
        "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
    ].joined(separator: "; ")

    public init() {}

    /// Whether `request` is for the page or its files, which the admin guard lets through.
    public static func isPage(_ request: HTTPRequest) -> Bool {
        (request.method == .get || request.method == .head) && (request.path == path || request.path.hasPrefix(assetPrefix))
    }

    public func page(_ request: HTTPRequest) -> Reply {
        .respond(Self.secured(HTTPResponse(status: .ok, headers: ["Content-Type": "text/html; charset=utf-8"], body: PackageResources.console_html)))
    }

    public func asset(_ request: HTTPRequest) -> Reply {
        guard let asset = Self.assets[String(request.path.dropFirst(Self.assetPrefix.count))] else {
            return .respond(.jsonError(.notFound, message: "the console has no file \(request.path)"))
        }
        return .respond(Self.secured(HTTPResponse(status: .ok, headers: ["Content-Type": asset.type], body: asset.bytes)))
    }

    public func redirect(_ request: HTTPRequest) -> Reply {
        .respond(HTTPResponse(status: HTTPStatus(302, "Found"), headers: ["Location": Self.path]))
    }

    private static func secured(_ response: HTTPResponse) -> HTTPResponse {
        var response = response
        response.headers.set("Content-Security-Policy", contentSecurityPolicy)
        response.headers.set("X-Content-Type-Options", "nosniff")
        response.headers.set("Referrer-Policy", "no-referrer")
        response.headers.set("Cache-Control", "no-store")
        return response
    }
}
