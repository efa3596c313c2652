import Foundation
import SandboxHTTP

/// SNAP responses: a flat JSON body that starts with responseCode and responseMessage, HTTP status
/// from the code, and the response X-TIMESTAMP.
public struct SNAPResponder: Sendable {
    let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date) {
        self.now = now
    }

    public func response(_ code: SNAPResponseCode, _ members: [JSONMember] = []) -> HTTPResponse {
        let body = JSONValue.object([JSONMember(key: "responseCode", value: .string(code.code)), JSONMember(key: "responseMessage", value: .string(code.message))] + members)
        return HTTPResponse(
            status: HTTPStatus(code: code.httpStatus),
            headers: ["Content-Type": "application/json", "X-TIMESTAMP": SignatureTimestamp.jakarta(now())],
            body: body.bytes,
            annotations: ["result.code": code.code]
        )
    }

    public func reply(_ code: SNAPResponseCode, _ members: [JSONMember] = []) -> Reply {
        .respond(response(code, members))
    }
}
