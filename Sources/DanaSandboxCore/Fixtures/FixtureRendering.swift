import SandboxJSON
import SandboxStorage

/// Stored fixtures in the vocabulary `POST /sandbox/fixtures` takes, for reading back.
enum FixtureRendering {
    static func json(_ record: FixtureRecord) -> JSONValue {
        switch record {
        case .partner(let partner) where partner.family == .paylabs:
            return .fields(["merchantId": .string(partner.clientID), "name": .string(partner.name), "status": status(partner.status)])
        case .partner(let partner):
            return .fields([
                "clientId": .string(partner.clientID), "name": .string(partner.name), "status": status(partner.status),
                "hasClientSecret": .bool(partner.clientSecret != nil), "topupMin": .money(cents: partner.topupMinCents),
                "topupMax": .money(cents: partner.topupMaxCents), "topupFee": .money(cents: partner.topupFeeCents), "topupFeeType": .string(partner.topupFeeType),
            ])
        case .merchant(let merchant):
            return .fields([
                "merchantId": .string(merchant.merchantID), "clientId": .string(merchant.partnerID), "name": .string(merchant.name),
                "status": status(merchant.status), "availableBalance": .money(cents: merchant.availableBalanceCents),
                "totalBalance": .money(cents: merchant.totalBalanceCents), "depositBalance": .money(cents: merchant.depositBalanceCents),
            ])
        case .user(let user):
            return .fields([
                "customerNumber": .string(user.customerNumber), "danaId": .string(user.danaID), "name": .string(user.fullName),
                "nickname": .string(user.nickname), "kyc": .string(user.kycLevel), "status": status(user.status),
                "balance": .money(cents: user.balanceCents), "monthlyInLimit": .money(cents: user.monthlyInLimitCents),
                "monthlyInUsed": .money(cents: user.monthlyInUsedCents), "ktpNumber": user.ktpNumber.map(JSONValue.string),
                "avatarUrl": user.avatarURL.map(JSONValue.string),
            ])
        case .customerToken(let token):
            return .fields([
                "token": .string(token.token), "customerNumber": .string(token.customerNumber), "clientId": .string(token.partnerID),
                "scopes": .array(token.scopes.map(JSONValue.string)), "expiresAt": .string(token.expiresAt),
            ])
        case .store(let shop):
            return .fields(["storeId": .string(shop.storeID), "merchantId": .string(shop.merchantID), "name": .string(shop.name), "status": status(shop.status)])
        case .subscription(let subscription):
            return .fields([
                "subscriptionId": .string(subscription.subscriptionID), "merchantId": .string(subscription.merchantID),
                "storeId": subscription.storeID.map(JSONValue.string), "paymentType": .string(subscription.paymentType),
                "productName": .string(subscription.productName), "amount": .money(cents: subscription.amountCents), "createdAt": .string(subscription.createdAt),
            ])
        case .transaction(let payment):
            return .fields([
                "platformTradeNo": .string(payment.platformTradeNo), "subscriptionId": .string(payment.subscriptionID),
                "successTime": .string(payment.successTime), "amount": .money(cents: payment.amountCents), "status": .string(payment.status),
                "feeRate": .decimalNumber(payment.feeRate), "feeAmount": .money(cents: payment.feeAmountCents),
                "totalFee": .money(cents: payment.totalFeeCents), "vat": .money(cents: payment.vatCents),
            ])
        }
    }

    /// FROZEN for every status but ACTIVE: partners and merchants store it as SUSPENDED.
    private static func status(_ status: RecordStatus) -> JSONValue {
        .string(status.isActive ? "ACTIVE" : "FROZEN")
    }
}
