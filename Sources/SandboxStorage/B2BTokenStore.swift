import Foundation
import SandboxSupport

/// SNAP B2B access tokens: issued by the token endpoint for 900 seconds, required as
/// `Authorization: Bearer` by SNAP calls signed with HMAC-SHA512.
public struct B2BTokenStore: Sendable {
    public static let lifetimeSeconds = 900

    let store: SandboxStore

    public init(store: SandboxStore) {
        self.store = store
    }

    public func issue(to partner: String, now: Date) throws -> String {
        let token = RandomText.make(64, from: RandomText.alphanumeric)
        try store.withDatabase { database in
            try database.run(
                "INSERT INTO b2b_tokens (token, partner_id, issued_at, expires_at) VALUES (?, ?, ?, ?)",
                [.text(token), .text(partner), .text(SignatureTimestamp.jakarta(now)),
                 .text(SignatureTimestamp.jakarta(now.addingTimeInterval(TimeInterval(Self.lifetimeSeconds))))]
            )
        }
        return token
    }

    /// True when `token` was issued to `partner` and has not expired.
    public func isValid(_ token: String, for partner: String, now: Date) throws -> Bool {
        let expiry = try store.withDatabase { database in
            try database.queryRow("SELECT expires_at FROM b2b_tokens WHERE token = ? AND partner_id = ?", [.text(token), .text(partner)])?[0].string
        }
        guard let expiry, let expires = SignatureTimestamp.parse(expiry) else { return false }
        return expires > now
    }
}
