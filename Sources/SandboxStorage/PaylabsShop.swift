/// A branch of a Paylabs merchant: what querysubtrans's `storeId` names (`paylabs_stores`).
public struct PaylabsShop: StoredRecord, Sendable, Equatable {
    public let storeID: String
    public let merchantID: String
    public let name: String
    public let status: RecordStatus

    public init(storeID: String, merchantID: String, name: String, status: RecordStatus) {
        self.storeID = storeID
        self.merchantID = merchantID
        self.name = name
        self.status = status
    }

    init(row: SQLiteRow) throws(RowDecodingError) {
        storeID = try row.text("store_id")
        merchantID = try row.text("merchant_id")
        name = try row.text("name")
        status = try row.enumeration("status", as: RecordStatus.self)
    }
}
