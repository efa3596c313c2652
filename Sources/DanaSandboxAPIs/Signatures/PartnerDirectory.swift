import SandboxCrypto
import SandboxStorage
import Synchronization

/// Partners and their parsed public keys. Rows are read from the store on every request (a
/// reset or a registration may change them); parsed keys are cached by their PEM text, so a key
/// is parsed once however often it signs.
public final class PartnerDirectory: Sendable {
    private let records: PartnerStore
    /// PEM text → parsed key. Guarded because every event loop verifies through it.
    private let keys = Mutex<[String: RSAPublicKey]>([:])

    public init(store: SandboxStore) {
        records = PartnerStore(store: store)
    }

    public func partner(_ clientID: String) throws -> Partner? {
        try records.partner(clientID)
    }

    public func all() throws -> [Partner] {
        try records.all()
    }

    public func publicKey(of partner: Partner) throws(CryptoError) -> RSAPublicKey {
        if let key = keys.withLock({ $0[partner.publicKeyPEM] }) { return key }
        let key = try RSAPublicKey(pem: partner.publicKeyPEM)
        keys.withLock { $0[partner.publicKeyPEM] = key }
        return key
    }

    /// Adds or replaces a partner in the live state and in the seed state, so the registration
    /// survives `POST /sandbox/reset`. The key is checked first: a bad PEM is refused here, not at
    /// the partner's first request.
    public func register(clientID: String, family: PartnerFamily?, publicKeyPEM: String, clientSecret: String?) throws -> Partner {
        _ = try RSAPublicKey(pem: publicKeyPEM)
        return try records.register(clientID: clientID, family: family, publicKeyPEM: publicKeyPEM, clientSecret: clientSecret)
    }
}
