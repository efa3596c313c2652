import DanaSandboxAPIs
import SandboxCrypto
import SandboxHTTP
import SandboxJSON
import SandboxStorage

/// `POST /sandbox/partners` `{"clientId","publicKey"[,"clientSecret"][,"family"]}`: registers or
/// replaces a partner's key at runtime. The registration survives resets.
public struct PartnersHandler: RequestHandler {
    let partners: PartnerDirectory

    public init(partners: PartnerDirectory) {
        self.partners = partners
    }

    public func handle(_ request: HTTPRequest) -> Reply {
        guard let body = try? JSONScanner.parse(request.body), case .object = body else {
            return .respond(.jsonError(.badRequest, message: "The body must be a JSON object: {\"clientId\":…,\"publicKey\":PEM,\"clientSecret\":…,\"family\":\"DANA\"|\"PAYLABS\"}."))
        }
        guard let clientID = body["clientId"]?.stringValue, !clientID.isEmpty, clientID.count <= 64 else {
            return .respond(.jsonError(.badRequest, message: "clientId is required: the partner's clientId (DANA) or merchantId (Paylabs)."))
        }
        guard let pem = body["publicKey"]?.stringValue else {
            return .respond(.jsonError(.badRequest, message: "publicKey is required: the partner's RSA public key in PEM."))
        }
        var family: PartnerFamily?
        if let text = body["family"]?.stringValue {
            guard let chosen = PartnerFamily(rawValue: text.uppercased()) else {
                return .respond(.jsonError(.badRequest, message: "family must be DANA or PAYLABS, not \(text)."))
            }
            family = chosen
        }
        do {
            let partner = try partners.register(clientID: clientID, family: family, publicKeyPEM: pem, clientSecret: body["clientSecret"]?.stringValue)
            let key = try partners.publicKey(of: partner)
            let answer = JSONValue.fields([
                "clientId": .string(partner.clientID),
                "family": .string(partner.family.rawValue),
                "keyFingerprint": .string(key.fingerprint),
            ])
            return .respond(.json(.created, answer.text))
        } catch let error as CryptoError {
            return .respond(.jsonError(.badRequest, message: "publicKey is unusable: \(error.message)"))
        } catch {
            return .respond(.jsonError(.internalServerError, message: "registration failed: \(error)"))
        }
    }
}
