import Foundation
import SandboxCrypto
import SandboxHTTP
import SandboxJSON

/// Plays DANA against a partner's destination-inquiry endpoint: sends each probe of an order,
/// signed with the sandbox's DANA key, and checks each answer against document 003. Blocking:
/// run it off the event loops.
public struct DestinationInquiryRunner: Sendable {
    /// Responses larger than this are a finding, not a memory problem.
    public static let maxResponseBytes = 1024 * 1024

    let key: RSAPrivateKey
    let partners: PartnerDirectory
    let verification: TLSClientSession.Verification
    let now: @Sendable () -> Date

    public init(key: RSAPrivateKey, partners: PartnerDirectory, verification: TLSClientSession.Verification, now: @escaping @Sendable () -> Date) {
        self.key = key
        self.partners = partners
        self.verification = verification
        self.now = now
    }

    /// Every probe's report. Throws only for an order that cannot be run (an unknown partner).
    /// `session` names whose registered partners the answer is checked with (nil: the shared ones).
    public func run(_ order: DestinationInquiryOrder, session: String? = nil) throws(DestinationInquiryOrder.OrderError) -> DestinationInquiryReport {
        let partnerKey: RSAPublicKey
        do {
            guard let partner = try partners.partner(order.clientID, session: session) else {
                throw DestinationInquiryOrder.OrderError("clientId \(order.clientID) is not a registered partner: register its public key with POST /sandbox/partners or --partner")
            }
            partnerKey = try partners.publicKey(of: partner)
        } catch let error as DestinationInquiryOrder.OrderError {
            throw error
        } catch {
            throw DestinationInquiryOrder.OrderError("the key of partner \(order.clientID) is unusable: \(error)")
        }
        let probes = order.suite ? InquiryProbe.suite(order) : InquiryProbe.single(order)
        return DestinationInquiryReport(url: order.url, probes: probes.map { execute($0, order, partnerKey) })
    }

    private func execute(_ probe: InquiryProbe, _ order: DestinationInquiryOrder, _ partnerKey: RSAPublicKey) -> ProbeReport {
        let headers: HTTPHeaders = ["Content-Type": "application/json", "Accept": "application/json"]
        let timeout = Duration.milliseconds(order.timeoutMilliseconds)
        let client = HTTPClient(connectTimeout: timeout, totalTimeout: timeout, maxResponseBytes: Self.maxResponseBytes, secure: TLSClientStream.securer(verification))
        let started = ContinuousClock.now
        var violations: [Violation] = []
        var response: ClientResponse?
        var failure: ClientError?
        var body: [UInt8] = []
        do {
            let envelope = try InquiryEnvelope(destinations: probe.destinations, productID: order.productID, key: key, now: now(), forged: probe.expectation == .refusal)
            body = envelope.bytes
            let answer = try client.send(method: "POST", url: order.url, headers: headers, body: body)
            response = answer
            violations = check(answer, to: envelope, probe, partnerKey)
        } catch let error as ClientError {
            failure = error
            violations = [Self.violation(for: error, order: order)]
        } catch {
            failure = ClientError(.closed, "the sandbox could not sign the inquiry: \(error)")
            violations = [Violation("transport", at: "request", found: "\(error)", expected: "a signed inquiry")]
        }
        return ProbeReport(
            name: probe.name, rules: probe.rules, violations: violations, url: order.url,
            requestHeaders: HTTPClient.fields(url: order.url, headers: headers, bodyLength: body.count), requestBody: body,
            response: response, failure: failure, duration: .now - started
        )
    }

    private func check(_ response: ClientResponse, to envelope: InquiryEnvelope, _ probe: InquiryProbe, _ partnerKey: RSAPublicKey) -> [Violation] {
        if probe.expectation == .refusal {
            guard response.status != 401 else { return [] }
            return [Violation("auth.refusesBadSignature", at: "http.status", found: "\(response.status) \(InquiryResponseChecker.excerpt(response.body))",
                              expected: "401: the inquiry's signature does not verify with DANA's key (GET /sandbox/keys)")]
        }
        var checker = InquiryResponseChecker(sent: envelope, partnerKey: partnerKey)
        checker.check(response)
        var violations = checker.violations
        if probe.expectation == .unknownDestination, let results = (try? JSONScanner.parse(response.body))?.value(atPath: "response.body.inquiryResults")?.arrayValue {
            for (index, result) in results.enumerated() where result["inquiryStatus"]?["code"]?.stringValue == "10" {
                violations.append(Violation(
                    InquiryRule.unknownDestination.id, at: "response.body.inquiryResults[\(index)].inquiryStatus.code",
                    found: "\"10\" SUCCESS for \"\(envelope.destinations[0].primaryParam)\", which no partner knows", expected: "a FAILED code such as 20, 26 or 28"
                ))
            }
        }
        return violations
    }

    /// A failure to get an answer: too slow is `timing`, anything else `transport`.
    private static func violation(for error: ClientError, order: DestinationInquiryOrder) -> Violation {
        switch error.kind {
        case .timeout:
            return Violation("timing", at: "transport", found: "no complete answer within \(order.timeoutMilliseconds) ms: \(error.message)",
                             expected: "an answer within \(order.timeoutMilliseconds) ms (document 003 expects 8 seconds)")
        case .tls:
            return Violation("transport", at: "transport", found: "tls: \(error.message)",
                             expected: "a certificate trusted by this machine, for \(order.url.host) (a self-signed development certificate: --ca-file CERT, or --insecure)")
        default:
            return Violation("transport", at: "transport", found: "\(error.kind.rawValue): \(error.message)", expected: "a complete HTTP/1.1 response from \(order.url)")
        }
    }
}
