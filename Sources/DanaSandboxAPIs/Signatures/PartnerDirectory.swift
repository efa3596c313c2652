import SandboxCrypto
import SandboxStorage
import Synchronization

/// Partners and their parsed public keys. Rows are read from the request's store on every
/// request (a reset, a registration or a session may change them); parsed keys are cached by
/// their PEM text, so a key is parsed once however often it signs.
public final class PartnerDirectory: Sendable {
    private let databases: SessionDatabases
    /// PEM text → parsed key. Guarded because every event loop verifies through it.
    private let keys = Mutex<[String: RSAPublicKey]>([:])

    public init(databases: SessionDatabases) {
        self.databases = databases
    }

    /// The partner `clientID` as the store of `session` (nil: the shared one) knows it.
    public func partner(_ clientID: String, session: String? = nil) throws -> Partner? {
        try PartnerStore(store: databases.store(for: session)).partner(clientID)
    }

    public func all(session: String? = nil) throws -> [Partner] {
        try PartnerStore(store: databases.store(for: session)).all()
    }

    public func publicKey(of partner: Partner) throws(CryptoError) -> RSAPublicKey {
        if let key = keys.withLock({ $0[partner.publicKeyPEM] }) { return key }
        let key = try RSAPublicKey(pem: partner.publicKeyPEM)
        keys.withLock { $0[partner.publicKeyPEM] = key }
        return key
    }

    /// Adds or replaces a partner. Without a session it goes into the live state and the seed
    /// state, so it survives `POST /sandbox/reset` and every session made later has it; in a
    /// session, into that session alone. The key is checked first: a bad PEM is refused here, not
    /// at the partner's first request.
    public func register(clientID: String, family: PartnerFamily?, publicKeyPEM: String, clientSecret: String?, session: String? = nil) throws -> Partner {
        _ = try RSAPublicKey(pem: publicKeyPEM)
        return try PartnerStore(store: databases.store(for: session))
            .register(clientID: clientID, family: family, publicKeyPEM: publicKeyPEM, clientSecret: clientSecret, keepAcrossResets: session == nil)
    }
}
