import DanaSandboxAPIs
import SandboxCrypto
import SandboxHTTP
import SandboxJSON
import SandboxStorage

/// `POST /sandbox/partners` `{"clientId","publicKey"[,"clientSecret"][,"family"]}` registers or
/// replaces a partner's key at runtime (the registration survives resets); `GET /sandbox/partners`
/// lists every partner, without secrets.
public struct PartnersHandler: Sendable {
    public static let path = "/sandbox/partners"

    let partners: PartnerDirectory

    public init(partners: PartnerDirectory) {
        self.partners = partners
    }

    public func register(_ request: HTTPRequest) -> Reply {
        guard let body = try? JSONScanner.parse(request.body), case .object = body else {
            return .respond(.jsonError(.badRequest, message: "The body must be a JSON object: {\"clientId\":…,\"publicKey\":PEM,\"clientSecret\":…,\"family\":\"DANA\"|\"PAYLABS\"}."))
        }
        guard let clientID = body["clientId"]?.stringValue, !clientID.isEmpty, clientID.count <= 64 else {
            return .respond(.jsonError(.badRequest, message: "clientId is required: the partner's clientId (DANA) or merchantId (Paylabs)."))
        }
        if let prefixed = PartnerFamily.allCases.first(where: { clientID.lowercased().hasPrefix($0.rawValue.lowercased() + ":") }) {
            return .respond(.jsonError(.badRequest, message: "clientId \(clientID) has a family prefix: send \"clientId\":\"\(clientID.dropFirst(prefixed.rawValue.count + 1))\" with \"family\":\"\(prefixed.rawValue)\"."))
        }
        guard let pem = body["publicKey"]?.stringValue else {
            return .respond(.jsonError(.badRequest, message: "publicKey is required: the partner's RSA public key in PEM."))
        }
        var family: PartnerFamily?
        if let value = body["family"], !value.isNull {
            guard let text = value.stringValue, let chosen = PartnerFamily(rawValue: text.uppercased()) else {
                return .respond(.jsonError(.badRequest, message: "family must be DANA or PAYLABS, not \(value.text)."))
            }
            family = chosen
        }
        if let secret = body["clientSecret"], !secret.isNull, secret.stringValue.map({ (1...64).contains($0.count) }) != true {
            return .respond(.jsonError(.badRequest, message: "clientSecret must be a string of 1 to 64 characters."))
        }
        do {
            let partner = try partners.register(
                clientID: clientID, family: family, publicKeyPEM: pem, clientSecret: body["clientSecret"]?.stringValue, session: request.sandboxSession
            )
            return .respond(.json(.created, try describe(partner).text))
        } catch let error as CryptoError {
            return .respond(.jsonError(.badRequest, message: "publicKey is unusable: \(error.message)"))
        } catch {
            return .respond(.jsonError(.internalServerError, message: "registration failed: \(error)"))
        }
    }

    public func list(_ request: HTTPRequest) -> Reply {
        do {
            let described = try partners.all(session: request.sandboxSession).map(describe)
            return .respond(.json(.ok, JSONValue.fields(["partners": .array(described)]).text))
        } catch {
            return .respond(.jsonError(.internalServerError, message: "cannot list partners: \(error)"))
        }
    }

    /// A partner as the API shows it: never its secret.
    private func describe(_ partner: Partner) throws -> JSONValue {
        .fields([
            "clientId": .string(partner.clientID),
            "family": .string(partner.family.rawValue),
            "name": .string(partner.name),
            "status": .string(partner.status.rawValue),
            "keyFingerprint": .string(try partners.publicKey(of: partner).fingerprint),
            "hasClientSecret": .bool(partner.clientSecret != nil),
        ])
    }
}
