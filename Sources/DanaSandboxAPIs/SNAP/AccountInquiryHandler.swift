import Foundation
import SandboxHTTP
import SandboxJSON
import SandboxStorage
import SandboxSupport

/// SNAP account inquiry (service 37) at `/v1.0/emoney/account-inquiry.htm` and
/// `/rest/v1.0/emoney/account-inquiry` (docs/api-documents.md, 001): who the payee is and how much
/// may be topped up. Every outcome comes from the store: the payee's status, the partner's limits,
/// the payee's monthly in-limit, the customer token, the X-EXTERNAL-ID already used today.
public struct AccountInquiryHandler: EmulatedEndpoint {
    public static let paths = ["/v1.0/emoney/account-inquiry.htm", "/rest/v1.0/emoney/account-inquiry"]
    public static let explainSignature: SignatureExplainer = SNAPSignatureExplainer.serviceRequest
    public static let descriptor = SNAPFamily.descriptor(
        name: "account-inquiry", paths: paths, service: .accountInquiry,
        members: ["referenceNo", "partnerReferenceNo", "sessionId", "customerNumber", "customerName", "customerMonthlyInLimit",
                  "minAmount", "maxAmount", "amount", "feeAmount", "feeType", "additionalInfo"]
    )
    public static let lintRules = SNAPLintRules.accountInquiry
    /// The public sandbox refuses more than IDR 20,000,000.00 (dana-python's SANDBOX_MAX_AMOUNT).
    public static let sandboxCapCents: Int64 = 2_000_000_000
    /// The document says CLEARING; the SDKs and DANA's current page send SETTLE.
    static let fundTypes = ["AGENT_TOPUP_FOR_USER_CLEARING", "AGENT_TOPUP_FOR_USER_SETTLE"]

    private let service = SNAPService.accountInquiry
    private let snap: SNAPFamily
    let authenticator: SNAPAuthenticator
    let services: EndpointServices
    let now: @Sendable () -> Date

    public init(services: EndpointServices) {
        snap = SNAPFamily(service: service, now: services.now)
        authenticator = SNAPAuthenticator(service: service, context: services.authentication)
        self.services = services
        now = services.now
    }

    public var family: any APIFamily { snap }

    public func handle(_ request: HTTPRequest, context: RequestContext) throws -> Reply {
        let stores = try services.stores(for: request)
        let partner = try authenticator.authenticate(request, stores: stores)
        guard let externalID = request.headers["X-EXTERNAL-ID"], !externalID.isEmpty else {
            throw Rejection(service.invalidMandatoryField("X-EXTERNAL-ID"))
        }
        guard externalID.count <= 36 else { throw Rejection(service.invalidFieldFormat("X-EXTERNAL-ID")) }
        // CHANNEL-ID's documented 1-5 length is not enforced: dana-node and dana-java send
        // "<partnerId>-SERVER".
        guard let channel = request.headers["CHANNEL-ID"], !channel.isEmpty else {
            throw Rejection(service.invalidMandatoryField("CHANNEL-ID"))
        }
        return try context.pass { try inquire(request, externalID: externalID, partner: partner, stores: stores, context: context) }
    }

    /// What a signed request with its mandatory headers gets: the business outcome.
    private func inquire(_ request: HTTPRequest, externalID: String, partner: Partner, stores: Stores, context: RequestContext) throws -> Reply {
        guard let body = context.jsonBody(of: request), case .object = body else {
            throw Rejection(service.badRequest)
        }
        let input = try Input(body, headers: request.headers, service: service)
        // Spent only by a request that passed authentication and validation, so a corrected
        // retry of a refused request may use the same X-EXTERNAL-ID.
        let day = String(SignatureTimestamp.jakarta(now()).prefix(10))
        guard try stores.requestIDs.spendExternalID(externalID, partner: partner.clientID, day: day) else {
            throw Rejection(service.code("409", "00"))
        }
        let payee = try self.payee(input, partner: partner, stores: stores, context: context)
        guard payee.status.isActive else {
            throw doNotHonor(payee.customerNumber, resultMessage: "PAYEE_USER_STATUS_DISABLE")
        }

        let maximum = min(partner.topupMaxCents, Self.sandboxCapCents)
        let limit = service.code("403", "02")
        if input.amountCents > maximum {
            throw Rejection(limit.with(message: "Exceed maximum limit amount|Nilai transaksi melebihi batas maksimum limit"))
        }
        if input.amountCents < partner.topupMinCents {
            throw Rejection(limit.with(message: "Below minimum limit amount|Nilai transaksi kurang dari batas minimum limit"))
        }
        if payee.monthlyInUsedCents + input.amountCents > payee.monthlyInLimitCents {
            throw Rejection(limit.with(message: "Exceed monthly in limit|Nilai transaksi melebihi batas limit bulanan"))
        }

        return .respond(snap.answer(service.success, [
            JSONMember(key: "referenceNo", value: .string(Self.referenceNumber(now()))),
            input.partnerReferenceNo.map { JSONMember(key: "partnerReferenceNo", value: .string($0)) },
            JSONMember(key: "sessionId", value: .string(RandomText.make(20, from: RandomText.upperAlphanumeric))),
            JSONMember(key: "customerNumber", value: .string(payee.customerNumber)),
            JSONMember(key: "customerName", value: .string(payee.fullName)),
            // In rupiah without decimals, as the document's sample ("10000000" for IDR 10,000,000.00).
            JSONMember(key: "customerMonthlyInLimit", value: .string(String(payee.monthlyInLimitCents / 100))),
            JSONMember(key: "minAmount", value: .money(cents: partner.topupMinCents)),
            JSONMember(key: "maxAmount", value: .money(cents: maximum)),
            JSONMember(key: "amount", value: .money(cents: input.amountCents)),
            JSONMember(key: "feeAmount", value: .money(cents: partner.topupFeeCents)),
            JSONMember(key: "feeType", value: .string(partner.topupFeeType)),
            JSONMember(key: "additionalInfo", value: .object([])),
        ].compactMap { $0 }))
    }

    /// The payee: by customer token when one is given, else by customer number.
    private func payee(_ input: Input, partner: Partner, stores: Stores, context: RequestContext) throws -> User {
        guard let token = input.customerToken else {
            let number = input.customerNumber ?? ""
            guard let user = try stores.users.user(customerNumber: number) else { throw doNotHonor(number, resultMessage: "PAYEE_USER_NOT_EXIST") }
            return user
        }
        guard let grant = try stores.customerTokens.token(token, preferring: partner.clientID) else { throw Rejection(service.code("401", "04")) }
        let user = try stores.users.user(danaID: grant.danaID)
        guard grant.isValid(for: partner.clientID, at: now()), let user else { throw Rejection(service.code("401", "02")) }
        if let number = input.customerNumber, number != user.customerNumber {
            // Answered for the token's user, as tolerated; strict mode refuses the token.
            context.report(SNAPLintRules.tokenOfAnotherUser(token: user.customerNumber, customerNumber: number))
            if context.strict { throw Rejection(service.code("401", "02")) }
        }
        return user
    }

    /// 4033705 as the public sandbox gives it: the number echoed and DANA's reason in resultMsg.
    private func doNotHonor(_ customerNumber: String, resultMessage: String) -> Rejection<SNAPResponseCode> {
        Rejection(service.code("403", "05"), [
            JSONMember(key: "customerNumber", value: .string(customerNumber)),
            JSONMember(key: "additionalInfo", value: .fields(["resultMsg": .string(resultMessage)])),
        ])
    }

    /// `yyyyMMdd` (Jakarta) and 14 random digits: unique per inquiry, like DANA's 22-digit ones.
    static func referenceNumber(_ date: Date) -> String {
        String(SignatureTimestamp.jakarta(date).prefix(10).filter { $0 != "-" }) + RandomText.make(14, from: RandomText.digits)
    }
}
