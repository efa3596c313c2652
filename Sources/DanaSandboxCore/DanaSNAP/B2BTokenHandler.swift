import Foundation
import SandboxHTTP

/// `POST /v1.0/access-token/b2b.htm` (SNAP service 73): `X-CLIENT-KEY|X-TIMESTAMP` signed with
/// the partner's RSA key gets a Bearer token for 900 seconds. DANA publishes no page for it, so
/// the shape is the BI SNAP standard's.
public struct B2BTokenHandler: RequestHandler {
    public static let path = "/v1.0/access-token/b2b.htm"

    let partners: PartnerDirectory
    let tokens: B2BTokenStore
    let settings: SignatureSettings
    let logger: Logger
    let now: @Sendable () -> Date
    private let service = SNAPService.b2bToken

    public init(partners: PartnerDirectory, tokens: B2BTokenStore, settings: SignatureSettings, logger: Logger, now: @escaping @Sendable () -> Date) {
        self.partners = partners
        self.tokens = tokens
        self.settings = settings
        self.logger = logger
        self.now = now
    }

    private var responder: SNAPResponder { SNAPResponder(now: now) }

    public func handle(_ request: HTTPRequest) -> Reply {
        do {
            return try issue(request)
        } catch {
            logger.log(.error, "b2b-token failed", [("error", .string("\(error)"))])
            return responder.reply(service.internalServerError)
        }
    }

    private func issue(_ request: HTTPRequest) throws -> Reply {
        for name in ["X-CLIENT-KEY", "X-TIMESTAMP", "X-SIGNATURE"] where (request.headers[name] ?? "").isEmpty {
            return responder.reply(service.invalidMandatoryField(name))
        }
        let clientKey = request.headers["X-CLIENT-KEY"]!, timestamp = request.headers["X-TIMESTAMP"]!
        guard let sent = SignatureTimestamp.parse(timestamp) else {
            return responder.reply(service.invalidFieldFormat("X-TIMESTAMP"))
        }
        if !settings.isWithinWindow(sent, now: now()) {
            return responder.reply(service.unauthorized("X-TIMESTAMP outside the \(settings.windowDescription) window"))
        }
        guard let partner = try partners.partner(clientKey), partner.family == .dana else {
            return responder.reply(service.unauthorized("Unknown Client"))
        }
        guard partner.isActive else {
            return responder.reply(service.unauthorized("Client Forbidden Access API"))
        }
        if settings.enforce {
            let key = try partners.publicKey(of: partner)
            let stringToSign = "\(clientKey)|\(timestamp)"
            let verified = SignatureDecoding.base64(request.headers["X-SIGNATURE"]!).map { key.verify(signature: $0, message: Array(stringToSign.utf8)) } ?? false
            if !verified {
                let diagnostics = SignatureDiagnostics(
                    partner: partner.clientID, keyFingerprint: key.fingerprint, expectedStringToSign: stringToSign,
                    formsTried: [], reason: "X-SIGNATURE does not verify"
                )
                logger.log(.warning, "signature.failed", diagnostics.logFields)
                let extra = SNAPAuthenticator.wantsDebug(request) ? [JSONMember(key: "additionalInfo", value: .fields(["debugMessage": .string(diagnostics.debugMessage)]))] : []
                return responder.reply(service.unauthorized("Invalid Signature"), extra)
            }
        }

        guard let body = try? JSONScanner.parse(request.body), case .object = body else {
            return responder.reply(service.badRequest.with(message: "Bad Request. The body must be a JSON object"))
        }
        guard let grantType = body["grantType"], !grantType.isNull else {
            return responder.reply(service.invalidMandatoryField("grantType"))
        }
        guard grantType.stringValue == "client_credentials" else {
            return responder.reply(service.invalidFieldFormat("grantType"))
        }
        let token = try tokens.issue(to: partner.clientID, now: now())
        return responder.reply(service.success, [
            JSONMember(key: "accessToken", value: .string(token)),
            JSONMember(key: "tokenType", value: "Bearer"),
            JSONMember(key: "expiresIn", value: .string(String(B2BTokenStore.lifetimeSeconds))),
            JSONMember(key: "additionalInfo", value: .object([])),
        ])
    }
}
