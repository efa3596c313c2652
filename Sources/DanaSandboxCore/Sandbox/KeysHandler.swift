import DanaSandboxAPIs
import SandboxCrypto
import SandboxHTTP
import SandboxJSON

/// `GET /sandbox/keys`: the public keys the sandbox signs responses with, so a client that
/// verifies response signatures can be configured with them.
public struct KeysHandler: RequestHandler {
    private let body: String

    public init(signer: ResponseSigner) {
        func entry(_ key: RSAPublicKey) -> JSONValue {
            .fields(["publicKey": .string(key.pem), "fingerprint": .string(key.fingerprint)])
        }
        body = JSONValue.fields(["dana": entry(signer.dana.publicKey), "paylabs": entry(signer.paylabs.publicKey)]).text
    }

    public func handle(_ request: HTTPRequest) -> Reply {
        .respond(.json(.ok, body))
    }
}
