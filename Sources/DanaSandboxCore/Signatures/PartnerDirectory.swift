import Foundation
import Synchronization

/// Partners and their parsed public keys. Rows are read from the store on every request (a
/// reset or a registration may change them); parsed keys are cached by their PEM text, so a key
/// is parsed once however often it signs.
public final class PartnerDirectory: Sendable {
    private let store: SandboxStore
    private let keys = Mutex<[String: RSAPublicKey]>([:])

    public init(store: SandboxStore) {
        self.store = store
    }

    public func partner(_ clientID: String) throws -> Partner? {
        try store.withDatabase { database in
            try database.queryRow("SELECT * FROM partners WHERE client_id = ?", [.text(clientID)]).map(Partner.init(row:))
        }
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
        return try store.withLiveAndSeed { database in
            let existing = try database.queryRow("SELECT family, client_secret FROM partners WHERE client_id = ?", [.text(clientID)])
            let chosenFamily = family ?? existing?.string("family").flatMap(PartnerFamily.init(rawValue:)) ?? .dana
            // DANA's own samples use the client id as the secret; a new DANA partner does too
            // unless told otherwise, so Open API calls work at once.
            let secret = clientSecret ?? existing?.string("client_secret") ?? (chosenFamily == .dana ? clientID : nil)
            try database.run(
                """
                INSERT INTO partners (client_id, family, name, client_secret, public_key, status) VALUES (?, ?, ?, ?, ?, 'ACTIVE')
                ON CONFLICT (client_id) DO UPDATE SET family = excluded.family, client_secret = excluded.client_secret,
                    public_key = excluded.public_key, status = 'ACTIVE'
                """,
                [.text(clientID), .text(chosenFamily.rawValue), .text("Registered partner \(clientID)"), SQLiteValue(secret), .text(publicKeyPEM)]
            )
            return try database.queryRow("SELECT * FROM partners WHERE client_id = ?", [.text(clientID)]).map(Partner.init(row:))!
        }
    }
}
