import SandboxJSON

/// A response to write. `Content-Length`, `Date` and `Connection` are added by the writer.
public struct HTTPResponse: Sendable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// Facts for the exchange's log line and journal (say, the API's result code); never sent.
    public var annotations: [String: String]

    public init(
        status: HTTPStatus = .ok,
        headers: HTTPHeaders = [:],
        body: [UInt8] = [],
        annotations: [String: String] = [:]
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.annotations = annotations
    }

    /// A JSON response from already-serialised JSON text.
    public static func json(
        _ status: HTTPStatus = .ok,
        _ text: String,
        contentType: String = "application/json"
    ) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": contentType], body: Array(text.utf8))
    }

    /// The JSON error body the HTTP layer itself answers with: `{"error":REASON,"message":TEXT}`
    /// plus any extra string members, so every failure a client sees is machine-readable.
    public static func jsonError(
        _ status: HTTPStatus,
        message: String,
        extra: KeyValuePairs<String, String> = [:]
    ) -> HTTPResponse {
        var text = "{\"error\":\(JSONString.quoted(status.reason)),\"message\":\(JSONString.quoted(message))"
        for (key, value) in extra {
            text += ",\(JSONString.quoted(key)):\(JSONString.quoted(value))"
        }
        text += "}"
        return .json(status, text)
    }
}
