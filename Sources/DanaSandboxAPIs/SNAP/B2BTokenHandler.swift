import Foundation
import SandboxHTTP
import SandboxJSON
import SandboxStorage

/// `POST /v1.0/access-token/b2b.htm` (SNAP service 73): `X-CLIENT-KEY|X-TIMESTAMP` signed with
/// the partner's RSA key gets a Bearer token for 900 seconds. DANA publishes no page for it, so
/// the shape is the BI SNAP standard's.
public struct B2BTokenHandler: EmulatedEndpoint {
    public static let path = "/v1.0/access-token/b2b.htm"
    public static let descriptor = SNAPFamily.descriptor(
        name: "b2b-token", paths: [path], service: .b2bToken, members: ["accessToken", "tokenType", "expiresIn", "additionalInfo"]
    )

    private let service = SNAPService.b2bToken
    private let snap: SNAPFamily
    let authenticator: SNAPAuthenticator
    let tokens: B2BTokenStore

    public init(services: EndpointServices) {
        snap = SNAPFamily(service: service, now: services.now)
        tokens = services.stores.b2bTokens
        authenticator = SNAPAuthenticator(service: service, context: services.authentication, tokens: tokens)
    }

    public var family: any APIFamily { snap }

    public func handle(_ request: HTTPRequest) throws -> Reply {
        let headers = try SNAPSignedHeaders.tokenRequest(request.headers, service: service)
        let partner = try authenticator.identify(headers.clientID, sentAt: headers.sentAt)
        let context = authenticator.context
        if context.settings.enforce {
            let key = try context.partners.publicKey(of: partner)
            let stringToSign = SNAPSignatureScheme.tokenRequest(clientKey: headers.clientID, timestamp: headers.timestamp)
            let verified = SignatureDecoding.base64(headers.signature).map { key.verify(signature: $0, message: Array(stringToSign.utf8)) } ?? false
            if !verified {
                throw authenticator.refusal(request, partner: partner, key: key.fingerprint, expected: stringToSign, hashes: [])
            }
        }

        guard let body = try? JSONScanner.parse(request.body), case .object = body else {
            throw Rejection(service.badRequest.with(message: "Bad Request. The body must be a JSON object"))
        }
        guard let grantType = body["grantType"], !grantType.isNull else {
            throw Rejection(service.invalidMandatoryField("grantType"))
        }
        guard grantType.stringValue == "client_credentials" else {
            throw Rejection(service.invalidFieldFormat("grantType"))
        }
        let token = try tokens.issue(to: partner.clientID, now: context.now())
        return .respond(snap.answer(service.success, [
            JSONMember(key: "accessToken", value: .string(token)),
            JSONMember(key: "tokenType", value: "Bearer"),
            JSONMember(key: "expiresIn", value: .string(String(B2BTokenStore.lifetimeSeconds))),
            JSONMember(key: "additionalInfo", value: .object([])),
        ]))
    }
}
