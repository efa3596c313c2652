/// A customer token as fixtures give it: by the user's customer number, which the store resolves
/// to the user's DANA id when it writes the token.
public struct CustomerTokenFixture: Sendable, Equatable {
    public let token: String
    public let customerNumber: String
    public let partnerID: String
    public let scopes: [String]
    public let expiresAt: String

    public init(token: String, customerNumber: String, partnerID: String, scopes: [String], expiresAt: String) {
        self.token = token
        self.customerNumber = customerNumber
        self.partnerID = partnerID
        self.scopes = scopes
        self.expiresAt = expiresAt
    }
}
