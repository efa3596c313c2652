import Foundation
import SandboxHTTP
import SandboxJSON
import SandboxStorage

/// `POST /v1.0/access-token/b2b.htm` (SNAP service 73): `X-CLIENT-KEY|X-TIMESTAMP` signed with
/// the partner's RSA key gets a Bearer token for 900 seconds. DANA publishes no page for it, so
/// the shape is the BI SNAP standard's.
public struct B2BTokenHandler: EmulatedEndpoint {
    public static let path = "/v1.0/access-token/b2b.htm"
    public static let explainSignature: SignatureExplainer = SNAPSignatureExplainer.tokenRequest
    public static let descriptor = SNAPFamily.descriptor(
        name: "b2b-token", paths: [path], service: .b2bToken, members: ["accessToken", "tokenType", "expiresIn", "additionalInfo"]
    )

    private let service = SNAPService.b2bToken
    private let snap: SNAPFamily
    let authenticator: SNAPAuthenticator
    let services: EndpointServices

    public init(services: EndpointServices) {
        snap = SNAPFamily(service: service, now: services.now)
        authenticator = SNAPAuthenticator(service: service, context: services.authentication)
        self.services = services
    }

    public var family: any APIFamily { snap }

    public func handle(_ request: HTTPRequest, context: RequestContext) throws -> Reply {
        let stores = try services.stores(for: request)
        let headers = try SNAPSignedHeaders.tokenRequest(request.headers, service: service)
        let partner = try authenticator.identify(headers.clientID, sentAt: headers.sentAt, in: stores)
        let authentication = authenticator.context
        if authentication.settings.enforce {
            let key = try authentication.partners.publicKey(of: partner)
            let stringToSign = SNAPSignatureScheme.tokenRequest(clientKey: headers.clientID, timestamp: headers.timestamp)
            let verified = SignatureDecoding.base64(headers.signature).map { key.verify(signature: $0, message: Array(stringToSign.utf8)) } ?? false
            if !verified {
                throw authenticator.refusal(request, partner: partner, key: key.fingerprint, expected: stringToSign, hashes: [])
            }
        }
        return try context.pass { try issue(request, body: context.jsonBody(of: request), to: partner, stores: stores) }
    }

    private func issue(_ request: HTTPRequest, body: JSONValue?, to partner: Partner, stores: Stores) throws -> Reply {

        guard let body, case .object = body else {
            throw Rejection(service.badRequest.with(message: "Bad Request. The body must be a JSON object"))
        }
        guard let grantType = body["grantType"], !grantType.isNull else {
            throw Rejection(service.invalidMandatoryField("grantType"))
        }
        guard grantType.stringValue == "client_credentials" else {
            throw Rejection(service.invalidFieldFormat("grantType"))
        }
        let token = try stores.b2bTokens.issue(to: partner.clientID, now: authenticator.context.now())
        return .respond(snap.answer(service.success, [
            JSONMember(key: "accessToken", value: .string(token)),
            JSONMember(key: "tokenType", value: "Bearer"),
            JSONMember(key: "expiresIn", value: .string(String(B2BTokenStore.lifetimeSeconds))),
            JSONMember(key: "additionalInfo", value: .object([])),
        ]))
    }
}
