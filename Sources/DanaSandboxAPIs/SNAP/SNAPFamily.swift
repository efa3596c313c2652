import Foundation
import SandboxHTTP
import SandboxJSON
import SandboxSupport

/// DANA SNAP answers for one service: a flat JSON body that starts with responseCode and
/// responseMessage, the HTTP status taken from the code, and the response X-TIMESTAMP. SNAP
/// responses are not signed.
public struct SNAPFamily: APIFamily {
    public let service: SNAPService
    let now: @Sendable () -> Date

    public init(service: SNAPService, now: @escaping @Sendable () -> Date) {
        self.service = service
        self.now = now
    }

    /// The descriptor of a SNAP endpoint; `members` are its success body after responseCode and
    /// responseMessage.
    public static func descriptor(name: String, paths: [String], service: SNAPService, members: [String]) -> EndpointDescriptor {
        EndpointDescriptor(
            name: name, paths: paths, catalogue: CodeCatalogue(service.catalog),
            successFields: ["responseCode", "responseMessage"] + members, signsResponses: false
        )
    }

    public func answer(_ code: SNAPResponseCode, _ members: [JSONMember] = []) -> HTTPResponse {
        let body = JSONValue.object([JSONMember(key: "responseCode", value: .string(code.code)), JSONMember(key: "responseMessage", value: .string(code.message))] + members)
        return HTTPResponse(
            status: HTTPStatus(code: code.httpStatus),
            headers: ["Content-Type": "application/json", "X-TIMESTAMP": SignatureTimestamp.jakarta(now())],
            body: body.bytes,
            annotations: ["result.code": code.code]
        )
    }

    public func documented(_ code: String, for request: HTTPRequest, body: JSONValue?) -> HTTPResponse {
        guard let entry = service.catalog.first(where: { $0.code == code }) else { return undocumentedCode(for: request, body: body) }
        if entry.code == "4033705", let number = body?["customerNumber"]?.stringValue {
            // As the public sandbox answers a frozen payee.
            return answer(entry, [
                JSONMember(key: "customerNumber", value: .string(number)),
                JSONMember(key: "additionalInfo", value: .fields(["resultMsg": "PAYEE_USER_STATUS_DISABLE"])),
            ])
        }
        return answer(entry)
    }

    /// The "undefined response code" row: HTTP 200, this service, case 99.
    public func undocumentedCode(for request: HTTPRequest, body: JSONValue?) -> HTTPResponse {
        answer(SNAPResponseCode("200\(service.serviceCode)99", "Undefined Response Code"))
    }

    public func internalFailure(for request: HTTPRequest) -> HTTPResponse {
        answer(service.internalServerError)
    }

    public func rejection(_ error: any Error, for request: HTTPRequest) -> HTTPResponse? {
        (error as? Rejection<SNAPResponseCode>).map { answer($0.code, $0.members) }
    }

    /// 4003702 when the field is missing, 4003701 when it is malformed, naming it.
    public func lintRefusal(_ finding: LintFinding) -> any Error {
        Rejection(finding.isMissing ? service.invalidMandatoryField(finding.field) : service.invalidFieldFormat(finding.field))
    }

    public func emptyBody() -> HTTPResponse {
        HTTPResponse(status: .ok, headers: ["Content-Type": "application/json"], annotations: ["result.code": "(empty body)"])
    }

    public func removing(_ field: String, from response: HTTPResponse) -> HTTPResponse {
        guard let members = (try? JSONScanner.parse(response.body))?.objectMembers else { return response }
        var changed = response
        changed.body = JSONValue.object(members.filter { $0.key != field }).bytes
        return changed
    }

    /// SNAP answers carry no signature to forge.
    public func forgingSignature(of response: HTTPResponse) -> HTTPResponse { response }
}
