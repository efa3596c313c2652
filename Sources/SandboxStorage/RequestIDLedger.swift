/// Request identifiers a partner may use once: SNAP's X-EXTERNAL-ID (per partner per Jakarta
/// day) and Paylabs' requestId (per merchant). Spending is one INSERT, so two concurrent requests
/// can never both spend the same identifier.
public struct RequestIDLedger: Sendable {
    let store: SandboxStore

    public init(store: SandboxStore) {
        self.store = store
    }

    /// True when `externalID` was not used by `partner` on `day` before; it is now.
    public func spendExternalID(_ externalID: String, partner: String, day: String) throws -> Bool {
        try store.withDatabase { database in
            try database.run(
                "INSERT OR IGNORE INTO snap_external_ids (partner_id, day, external_id) VALUES (?, ?, ?)",
                [.text(partner), .text(day), .text(externalID)]
            ) == 1
        }
    }

    /// True when `requestID` was not used by `merchant` before; it is now.
    public func spendPaylabsRequestID(_ requestID: String, merchant: String) throws -> Bool {
        try store.withDatabase { database in
            try database.run(
                "INSERT OR IGNORE INTO paylabs_request_ids (merchant_id, request_id) VALUES (?, ?)",
                [.text(merchant), .text(requestID)]
            ) == 1
        }
    }
}
