import Foundation
import SandboxHTTP

/// SNAP account inquiry (service 37) at `/v1.0/emoney/account-inquiry.htm` and
/// `/rest/v1.0/emoney/account-inquiry` (seed 001): who the payee is and how much may be topped up.
/// Every outcome comes from the store: the payee's status, the partner's limits, the payee's
/// monthly in-limit, the customer token, the X-EXTERNAL-ID already used today.
public struct AccountInquiryHandler: RequestHandler {
    public static let paths = ["/v1.0/emoney/account-inquiry.htm", "/rest/v1.0/emoney/account-inquiry"]
    /// The public sandbox refuses more than IDR 20,000,000.00 (dana-python's SANDBOX_MAX_AMOUNT).
    public static let sandboxCapCents: Int64 = 2_000_000_000
    /// The document says CLEARING; the SDKs and DANA's current page send SETTLE.
    static let fundTypes = ["AGENT_TOPUP_FOR_USER_CLEARING", "AGENT_TOPUP_FOR_USER_SETTLE"]

    let store: SandboxStore
    let authenticator: SNAPAuthenticator
    let logger: Logger
    let now: @Sendable () -> Date
    private let service = SNAPService.accountInquiry

    public init(store: SandboxStore, authenticator: SNAPAuthenticator, logger: Logger, now: @escaping @Sendable () -> Date) {
        self.store = store
        self.authenticator = authenticator
        self.logger = logger
        self.now = now
    }

    private var responder: SNAPResponder { SNAPResponder(now: now) }

    public func handle(_ request: HTTPRequest) -> Reply {
        do {
            switch try authenticator.authenticate(request) {
            case .rejected(let code, let diagnostics):
                let debug = diagnostics.flatMap { SNAPAuthenticator.wantsDebug(request) ? $0.debugMessage : nil }
                return responder.reply(code, debug.map { [JSONMember(key: "additionalInfo", value: .fields(["debugMessage": .string($0)]))] } ?? [])
            case .accepted(let partner):
                return try inquire(request, partner: partner)
            }
        } catch {
            logger.log(.error, "account-inquiry failed", [("error", .string("\(error)"))])
            return responder.reply(service.internalServerError)
        }
    }

    private func inquire(_ request: HTTPRequest, partner: Partner) throws -> Reply {
        guard let externalID = request.headers["X-EXTERNAL-ID"], !externalID.isEmpty else {
            return responder.reply(service.invalidMandatoryField("X-EXTERNAL-ID"))
        }
        guard externalID.count <= 36 else { return responder.reply(service.invalidFieldFormat("X-EXTERNAL-ID")) }
        // CHANNEL-ID's documented 1-5 length is not enforced: dana-node and dana-java send
        // "<partnerId>-SERVER".
        guard let channel = request.headers["CHANNEL-ID"], !channel.isEmpty else {
            return responder.reply(service.invalidMandatoryField("CHANNEL-ID"))
        }
        let day = String(SignatureTimestamp.jakarta(now()).prefix(10))
        let fresh = try store.withDatabase { database in
            try database.run(
                "INSERT OR IGNORE INTO snap_external_ids (partner_id, day, external_id) VALUES (?, ?, ?)",
                [.text(partner.clientID), .text(day), .text(externalID)]
            ) == 1
        }
        guard fresh else { return responder.reply(service.code("409", "00")) }

        guard let body = try? JSONScanner.parse(request.body), case .object = body else {
            return responder.reply(service.badRequest)
        }
        let input: Input
        switch Input.read(body, headers: request.headers, service: service) {
        case .failure(let problem): return responder.reply(problem.code)
        case .success(let read): input = read
        }

        // The payee: by customer token when one is given, else by customer number.
        var payee: SQLiteRow?
        if let token = input.customerToken {
            guard let row = try store.withDatabase({ try $0.queryRow("SELECT * FROM customer_tokens WHERE token = ?", [.text(token)]) }) else {
                return responder.reply(service.code("401", "04"))
            }
            let expired = SignatureTimestamp.parse(row.string("expires_at") ?? "").map { $0 <= now() } ?? true
            payee = try user(where: "dana_id", equals: row.string("dana_id") ?? "")
            guard !expired, row.string("partner_id") == partner.clientID, payee != nil else {
                return responder.reply(service.code("401", "02"))
            }
        } else {
            payee = try user(where: "customer_number", equals: input.customerNumber ?? "")
        }
        guard let payee else {
            return doNotHonor(input.customerNumber ?? "", resultMessage: "PAYEE_USER_NOT_EXIST")
        }
        let customerNumber = payee.string("customer_number") ?? ""
        guard payee.string("status") == "ACTIVE" else {
            return doNotHonor(customerNumber, resultMessage: "PAYEE_USER_STATUS_DISABLE")
        }

        let maximum = min(partner.topupMaxCents, Self.sandboxCapCents)
        let limit = service.code("403", "02")
        if input.amountCents > maximum {
            return responder.reply(limit.with(message: "Exceed maximum limit amount|Nilai transaksi melebihi batas maksimum limit"))
        }
        if input.amountCents < partner.topupMinCents {
            return responder.reply(limit.with(message: "Below minimum limit amount|Nilai transaksi kurang dari batas minimum limit"))
        }
        let monthlyLimit = payee.int64("monthly_in_limit_cents") ?? 0
        if (payee.int64("monthly_in_used_cents") ?? 0) + input.amountCents > monthlyLimit {
            return responder.reply(limit.with(message: "Exceed monthly in limit|Nilai transaksi melebihi batas limit bulanan"))
        }

        return responder.reply(service.success, [
            JSONMember(key: "referenceNo", value: .string(Self.referenceNumber(now()))),
            input.partnerReferenceNo.map { JSONMember(key: "partnerReferenceNo", value: .string($0)) },
            JSONMember(key: "sessionId", value: .string(RandomText.make(20, from: RandomText.upperAlphanumeric))),
            JSONMember(key: "customerNumber", value: .string(customerNumber)),
            JSONMember(key: "customerName", value: .string(payee.string("full_name") ?? "")),
            // In rupiah without decimals, as the document's sample ("10000000" for IDR 10,000,000.00).
            JSONMember(key: "customerMonthlyInLimit", value: .string(String(monthlyLimit / 100))),
            JSONMember(key: "minAmount", value: .money(cents: partner.topupMinCents)),
            JSONMember(key: "maxAmount", value: .money(cents: maximum)),
            JSONMember(key: "amount", value: .money(cents: input.amountCents)),
            JSONMember(key: "feeAmount", value: .money(cents: partner.topupFeeCents)),
            JSONMember(key: "feeType", value: .string(partner.topupFeeType)),
            JSONMember(key: "additionalInfo", value: .object([])),
        ].compactMap { $0 })
    }

    private func user(where column: String, equals value: String) throws -> SQLiteRow? {
        try store.withDatabase { try $0.queryRow("SELECT * FROM users WHERE \(column) = ?", [.text(value)]) }
    }

    /// 4033705 as the public sandbox gives it: the number echoed and DANA's reason in resultMsg.
    private func doNotHonor(_ customerNumber: String, resultMessage: String) -> Reply {
        responder.reply(service.code("403", "05"), [
            JSONMember(key: "customerNumber", value: .string(customerNumber)),
            JSONMember(key: "additionalInfo", value: .fields(["resultMsg": .string(resultMessage)])),
        ])
    }

    /// `yyyyMMdd` (Jakarta) and 14 random digits: unique per inquiry, like DANA's 22-digit ones.
    static func referenceNumber(_ date: Date) -> String {
        SignatureTimestamp.jakarta(date).prefix(10).replacingOccurrences(of: "-", with: "") + RandomText.make(14, from: RandomText.digits)
    }
}
