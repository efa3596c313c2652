import Foundation
import DanaSandboxAPIs
import SandboxCrypto
import SandboxJSON
import SandboxStorage
import SandboxSupport

/// The body of `POST /sandbox/fixtures` (and of a `--fixtures` file): records by kind, in the
/// APIs' own vocabulary, every field checked before anything is written. Fields left out take
/// the seed's defaults; see the README's fixtures table.
enum FixtureDocument {
    static let demoPartner = "2014000014442"
    static let demoPaylabsMerchant = "010001"

    static func parse(_ bytes: [UInt8], now: Date) throws(FixtureError) -> FixtureBatch {
        let document: JSONValue
        do {
            document = try JSONScanner.parse(bytes)
        } catch {
            throw FixtureError("body", "a JSON object (\(error.message))")
        }
        guard let members = document.objectMembers else { throw FixtureError("body", "a JSON object of fixture kinds") }
        let kinds = FixtureStore.Kind.allCases.map(\.rawValue)
        var batch = FixtureBatch()
        for member in members {
            guard let kind = FixtureStore.Kind(rawValue: member.key) else {
                throw FixtureError(member.key, "not a fixture kind; the kinds are \(kinds.joined(separator: ", "))")
            }
            guard let items = member.value.arrayValue else { throw FixtureError(member.key, "an array of \(member.key)") }
            for (index, item) in items.enumerated() {
                try read(item, kind: kind, at: "\(member.key)[\(index)]", into: &batch, now: now)
            }
        }
        return batch
    }

    private static func read(_ item: JSONValue, kind: FixtureStore.Kind, at path: String, into batch: inout FixtureBatch, now: Date) throws(FixtureError) {
        switch kind {
        case .partners:
            let fields = try FixtureFields(item, at: path, allowed: ["clientId", "name", "clientSecret", "publicKey", "status", "topupMin", "topupMax", "topupFee", "topupFeeType"])
            let id = try fields.string("clientId", 1...64)
            batch.partners.append(Partner(
                clientID: id, family: .dana, name: try fields.string("name", 1...128, fallback: "Fixture partner \(id)"),
                clientSecret: try fields.string("clientSecret", 1...64, fallback: id), publicKeyPEM: try publicKey(fields),
                status: try fields.status(frozen: .suspended), topupMinCents: try fields.money("topupMin", fallback: 100),
                topupMaxCents: try fields.money("topupMax", fallback: 2_000_000_000), topupFeeCents: try fields.money("topupFee", fallback: 0),
                topupFeeType: try fields.string("topupFeeType", 1...25, fallback: "Admin fee")
            ))
        case .paylabsMerchants:
            let fields = try FixtureFields(item, at: path, allowed: ["merchantId", "name", "publicKey", "status"])
            let id = try fields.string("merchantId", 1...20)
            batch.paylabsMerchants.append(Partner(
                clientID: id, family: .paylabs, name: try fields.string("name", 1...128, fallback: "Fixture merchant \(id)"), clientSecret: nil,
                publicKeyPEM: try publicKey(fields), status: try fields.status(frozen: .suspended),
                topupMinCents: 100, topupMaxCents: 2_000_000_000, topupFeeCents: 0, topupFeeType: "Admin fee"
            ))
        case .merchants:
            let fields = try FixtureFields(item, at: path, allowed: ["merchantId", "clientId", "name", "status", "availableBalance", "totalBalance", "depositBalance"])
            batch.merchants.append(Merchant(
                merchantID: try fields.string("merchantId", 1...64), partnerID: try fields.string("clientId", 1...64, fallback: demoPartner),
                name: try fields.string("name", 1...128, fallback: "Fixture merchant"), status: try fields.status(frozen: .suspended),
                availableBalanceCents: try fields.money("availableBalance", fallback: 0), totalBalanceCents: try fields.money("totalBalance", fallback: 0),
                depositBalanceCents: try fields.money("depositBalance", fallback: 0)
            ))
        case .users:
            let fields = try FixtureFields(item, at: path, allowed: [
                "customerNumber", "danaId", "name", "nickname", "kyc", "status", "balance", "monthlyInLimit", "monthlyInUsed", "ktpNumber", "avatarUrl",
            ])
            let number = try fields.digits("customerNumber", 4...32, prefix: "628")
            let name = try fields.string("name", 1...128, fallback: "Fixture User")
            let ktp = try fields.optionalString("ktpNumber", 16...16)
            if let ktp, !ktp.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { throw FixtureError("\(path).ktpNumber", "16 digits, not \"\(ktp)\"") }
            batch.users.append(User(
                danaID: try fields.digits("danaId", 16...16, fallback: danaID(for: number)), customerNumber: number, fullName: name,
                nickname: try fields.string("nickname", 1...64, fallback: String(name.split(separator: " ").first ?? Substring(name))),
                kycLevel: try fields.choice("kyc", ["00", "02"], fallback: "02"), status: try fields.status(),
                balanceCents: try fields.money("balance", fallback: 0), monthlyInLimitCents: try fields.money("monthlyInLimit", fallback: 1_000_000_000),
                monthlyInUsedCents: try fields.money("monthlyInUsed", fallback: 0), ktpNumber: ktp, avatarURL: try fields.optionalString("avatarUrl", 1...512)
            ))
        case .customerTokens:
            let fields = try FixtureFields(item, at: path, allowed: ["token", "customerNumber", "clientId", "scopes", "expiresAt"])
            batch.customerTokens.append(CustomerTokenFixture(
                token: try fields.string("token", 1...512), customerNumber: try fields.digits("customerNumber", 4...32, prefix: "628"),
                partnerID: try fields.string("clientId", 1...64, fallback: demoPartner),
                scopes: try fields.list("scopes", of: ["*"] + QueryUserProfileHandler.resources, fallback: ["*"]),
                expiresAt: try fields.time("expiresAt", fallback: "2099-12-31T23:59:59+07:00")
            ))
        case .stores:
            let fields = try FixtureFields(item, at: path, allowed: ["storeId", "merchantId", "name", "status"])
            batch.stores.append(PaylabsShop(
                storeID: try fields.string("storeId", 1...30), merchantID: try fields.string("merchantId", 1...20, fallback: demoPaylabsMerchant),
                name: try fields.string("name", 1...128, fallback: "Fixture store"), status: try fields.status()
            ))
        case .subscriptions:
            let fields = try FixtureFields(item, at: path, allowed: ["subscriptionId", "merchantId", "storeId", "paymentType", "productName", "amount", "createdAt"])
            batch.subscriptions.append(Subscription(
                subscriptionID: try fields.string("subscriptionId", 1...32), merchantID: try fields.string("merchantId", 1...20, fallback: demoPaylabsMerchant),
                storeID: try fields.optionalString("storeId", 1...30), paymentType: try fields.choice("paymentType", ["StaticDanaSub", "DynamicDanaSub"], fallback: "StaticDanaSub"),
                productName: try fields.string("productName", 1...128, fallback: "Fixture subscription"), amountCents: try fields.money("amount", fallback: 1_500_000),
                createdAt: try fields.time("createdAt", fallback: SignatureTimestamp.jakarta(now))
            ))
        case .transactions:
            let fields = try FixtureFields(item, at: path, allowed: [
                "platformTradeNo", "subscriptionId", "successTime", "amount", "status", "feeRate", "feeAmount", "totalFee", "vat",
            ])
            let jakartaNow = SignatureTimestamp.jakarta(now).prefix(19).filter { $0.isNumber }
            batch.transactions.append(SubscriptionTransaction(
                platformTradeNo: try fields.string("platformTradeNo", 1...32), subscriptionID: try fields.string("subscriptionId", 1...32),
                successTime: try fields.digits("successTime", 14...14, fallback: String(jakartaNow)), amountCents: try fields.money("amount", fallback: 1_500_000),
                status: try fields.choice("status", ["01", "02", "09"], fallback: "02"), feeRate: try fields.number("feeRate", 0...1, fallback: 0),
                feeAmountCents: try fields.money("feeAmount", fallback: 0), totalFeeCents: try fields.money("totalFee", fallback: 0), vatCents: try fields.money("vat", fallback: 0)
            ))
        }
    }

    /// The PEM given, checked, or the demo partners' public key.
    private static func publicKey(_ fields: FixtureFields) throws(FixtureError) -> String {
        let pem = try fields.string("publicKey", 1...16384, fallback: BuiltInDefaults.key("demo-partner-public.pem") ?? "")
        do {
            _ = try RSAPublicKey(pem: pem)
        } catch {
            throw FixtureError("\(fields.path).publicKey", "an RSA public key in PEM (\(error.message))")
        }
        return pem
    }

    /// A stable 16-digit DANA id for a customer number, so the same fixture always makes the same user.
    static func danaID(for customerNumber: String) -> String {
        let digits = String(customerNumber.suffix(15))
        return "9" + String(repeating: "0", count: 15 - digits.count) + digits
    }
}
