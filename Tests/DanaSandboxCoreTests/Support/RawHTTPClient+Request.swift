import SandboxHTTP
import SandboxTestSupport

extension RawHTTPClient {
    /// Sends `request` exactly as built (signed headers and body bytes), with Host and
    /// Content-Length added.
    func send(_ request: HTTPRequest) throws {
        var text = "\(request.method.rawValue) \(request.target) HTTP/1.1\r\nHost: x\r\n"
        for field in request.headers { text += "\(field.name): \(field.value)\r\n" }
        text += "Content-Length: \(request.body.count)\r\n\r\n"
        try send(Array(text.utf8) + request.body)
    }
}
