import SandboxCrypto

/// The sandbox's own private keys, loaded once at start from `--keys`: DANA's signs Open API
/// responses (and the destination inquiries the sandbox sends as DANA), Paylabs' signs Paylabs
/// responses. Each family's signature scheme decides what is signed.
public final class ResponseSigner: Sendable {
    public let dana: RSAPrivateKey
    public let paylabs: RSAPrivateKey

    public init(dana: RSAPrivateKey, paylabs: RSAPrivateKey) {
        self.dana = dana
        self.paylabs = paylabs
    }
}
