import Foundation
import SandboxSupport

/// A user access token from DANA's binding flow, bound to the partner it was issued to.
public struct CustomerToken: StoredRecord, Sendable, Equatable {
    public let token: String
    public let danaID: String
    public let partnerID: String
    /// UserResourceEnum values, or `*` for all of them.
    public let scopes: Set<String>
    /// nil when the stored text is not a timestamp: such a token never works.
    public let expiresAt: Date?

    init(row: SQLiteRow) throws(RowDecodingError) {
        token = try row.text("token")
        danaID = try row.text("dana_id")
        partnerID = try row.text("partner_id")
        scopes = Set(try row.text("scopes").split(separator: " ").map(String.init))
        expiresAt = SignatureTimestamp.parse(try row.text("expires_at"))
    }

    /// Whether `partner` may use it at `now`.
    public func isValid(for partner: String, at now: Date) -> Bool {
        partnerID == partner && (expiresAt.map { $0 > now } ?? false)
    }

    /// Whether it grants every one of `resources`; the first it does not grant otherwise.
    public func firstForbidden(of resources: [String]) -> String? {
        scopes.contains("*") ? nil : resources.first { !scopes.contains($0) }
    }
}
