import SandboxHTTP
import SandboxJSON

/// `GET /health`: 200 once the sandbox serves, for CI scripts that poll before their tests.
public struct HealthHandler: RequestHandler {
    private let body: String

    public init(version: String = Usage.version) {
        body = "{\"status\":\"ok\",\"version\":\(JSONString.quoted(version))}"
    }

    public func handle(_ request: HTTPRequest) -> Reply {
        .respond(.json(.ok, body))
    }
}
