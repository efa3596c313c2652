import Foundation
import XCTest
import SandboxHTTP
import SandboxTestSupport
@testable import DanaSandboxCore
@testable import SandboxJSON
@testable import SandboxCrypto
@testable import SandboxSupport
@testable import SandboxStorage
@testable import DanaSandboxAPIs

/// Every scenario in `scenarios/` is loaded and exercised: a valid request of its endpoint, sent
/// with the scenario in X-Sandbox-Scenario, gets exactly what the scenario promises.
final class ShippedScenariosTests: XCTestCase {
    func testEveryShippedScenario_ForcesWhatItSays() throws {
        let harness = try SandboxHarness()
        let scenarios = harness.application.scenarios.scenarios
        XCTAssertGreaterThanOrEqual(scenarios.count, 100)
        var checked = 0
        for scenario in scenarios {
            for rule in scenario.rules {
                let endpoint = try XCTUnwrap(rule.endpoint, scenario.name)
                let request = try validRequest(for: endpoint, rule: rule, harness: harness, scenario: scenario.name)
                var reply = harness.router.handle(request)
                guard case .annotated(let annotations, let inner) = reply else {
                    XCTFail("\(scenario.name): not applied")
                    continue
                }
                XCTAssertEqual(annotations["scenario"], scenario.name)
                reply = inner
                if rule.delayMilliseconds > 0 {
                    guard case .delayed(let milliseconds, let delayed) = reply else { XCTFail("\(scenario.name): no delay"); continue }
                    XCTAssertEqual(milliseconds, rule.delayMilliseconds)
                    reply = delayed
                }
                try check(reply, against: rule.respond, endpoint: endpoint, scenario: scenario.name, harness: harness)
                checked += 1
            }
        }
        XCTAssertEqual(checked, scenarios.reduce(0) { $0 + $1.rules.count })
    }

    private func check(_ reply: Reply, against respond: ScenarioResponse, endpoint: EndpointDescriptor, scenario: String, harness: SandboxHarness) throws {
        switch (respond, reply) {
        case (.fault(.timeout(let expected)), .hold(let milliseconds)):
            XCTAssertEqual(milliseconds, expected, scenario)
        case (.fault(.drop), .close), (.fault(.reset), .reset):
            break
        case (.fault(.emptyBody), .respond(let response)):
            XCTAssertEqual(response.body, [], scenario)
        case (.fault(.malformedJSON), .respond(let response)):
            XCTAssertThrowsError(try JSONScanner.parse(response.body), scenario)
        case (.fault(.unknownCode), .respond(let response)):
            XCTAssertFalse(endpoint.documentedCodes.contains(code(of: response, endpoint) ?? ""), scenario)
        case (.fault(.missingField(let field)), .respond(let response)):
            let json = try JSONScanner.parse(response.body)
            let holders = [json, json.value(atPath: "response.head"), json.value(atPath: "response.body")].compactMap { $0 }
            XCTAssertTrue(holders.allSatisfy { $0[field] == nil }, "\(scenario): \(field) is still there")
            XCTAssertTrue(endpoint.isSuccess(code(of: response, endpoint) ?? ""), "\(scenario): the real success, minus a member")
        case (.fault(.badSignature), .respond(let response)):
            XCTAssertFalse(signatureVerifies(response, endpoint, harness), scenario)
            XCTAssertTrue(endpoint.isSuccess(code(of: response, endpoint) ?? ""), scenario)
        case (.resultCode(let expected), .respond(let response)):
            let actual = code(of: response, endpoint)
            if endpoint.isSuccess(expected) {
                XCTAssertTrue(endpoint.isSuccess(actual ?? ""), "\(scenario): \(actual ?? "-")")
            } else {
                XCTAssertTrue(actual == expected || openAPIID(of: response) == expected, "\(scenario): \(actual ?? "-")")
                if endpoint == AccountInquiryHandler.descriptor || endpoint == B2BTokenHandler.descriptor {
                    XCTAssertEqual(response.status.code, Int(expected.prefix(3)), scenario)
                } else {
                    XCTAssertEqual(response.status.code, 200, scenario)
                    XCTAssertTrue(signatureVerifies(response, endpoint, harness), "\(scenario): forced answers are signed")
                }
            }
        default:
            XCTFail("\(scenario): \(respond) answered with \(reply)")
        }
    }

    private func code(of response: HTTPResponse, _ endpoint: EndpointDescriptor) -> String? {
        guard let json = try? JSONScanner.parse(response.body) else { return nil }
        return json["responseCode"]?.stringValue ?? json["errCode"]?.stringValue ?? json.value(atPath: "response.body.resultInfo.resultCode")?.stringValue
    }

    private func openAPIID(of response: HTTPResponse) -> String? {
        (try? JSONScanner.parse(response.body))?.value(atPath: "response.body.resultInfo.resultCodeId")?.stringValue
    }

    private func signatureVerifies(_ response: HTTPResponse, _ endpoint: EndpointDescriptor, _ harness: SandboxHarness) -> Bool {
        let signer = harness.application.signer
        if endpoint == QuerySubscriptionTransactionsHandler.descriptor {
            guard let signature = response.headers["X-SIGNATURE"].flatMap({ Data(base64Encoded: $0) }), let timestamp = response.headers["X-TIMESTAMP"] else { return false }
            let message = "POST:\(QuerySubscriptionTransactionsHandler.path):\(SHA256.hexDigest(response.body)):\(timestamp)"
            return signer.paylabs.publicKey.verify(signature: Array(signature), message: Array(message.utf8))
        }
        guard let spans = try? JSONScanner.topLevelMembers(response.body), let member = spans.first(where: { $0.key == "response" }),
              let text = (try? JSONScanner.parse(response.body))?["signature"]?.stringValue, let signature = Data(base64Encoded: text) else { return false }
        return signer.dana.publicKey.verify(signature: Array(signature), message: Array(response.body[member.valueRange]))
    }

    /// The value a rule's `key` condition must equal, if it is an equality.
    private func equalTo(_ key: String, in rule: ScenarioRule) -> String? {
        guard case .equals(let value)? = rule.match.first(where: { $0.key == key })?.matcher else { return nil }
        return value.stringValue
    }

    /// A request the endpoint accepts, which also meets the rule's match conditions.
    private func validRequest(for endpoint: EndpointDescriptor, rule: ScenarioRule, harness: SandboxHarness, scenario: String) throws -> HTTPRequest {
        let now = harness.clock.jakarta
        var request: HTTPRequest
        switch endpoint {
        case AccountInquiryHandler.descriptor:
            let number = equalTo("body.customerNumber", in: rule) ?? "62811742234"
            let partner = equalTo("header.X-PARTNER-ID", in: rule) ?? SignedRequest.demoPartner
            request = try SignedRequest.snap(sentBody: #"{"customerNumber":"\#(number)","amount":{"value":"1.00","currency":"IDR"},"additionalInfo":{"fundType":"AGENT_TOPUP_FOR_USER_SETTLE"}}"#, partner: partner, timestamp: now)
        case B2BTokenHandler.descriptor:
            request = try SignedRequest.b2b(timestamp: now)
        case QueryUserProfileHandler.descriptor:
            let text = SignedRequest.openAPIRequestText(function: QueryUserProfileHandler.function, body: #"{"userResources":["BALANCE"]}"#, reqTime: now, accessToken: "demo-token-62811742234")
            request = try SignedRequest.openAPI(path: QueryUserProfileHandler.path, requestText: text)
        case QueryMerchantResourceHandler.descriptor:
            let text = SignedRequest.openAPIRequestText(function: QueryMerchantResourceHandler.function, body: #"{"requestMerchantId":"216620000097087957144","merchantResourceInfoList":["MERCHANT_TOTAL_BALANCE"]}"#, reqTime: now)
            request = try SignedRequest.openAPI(path: QueryMerchantResourceHandler.path, requestText: text)
        case QuerySubscriptionTransactionsHandler.descriptor:
            let body = #"{"merchantId":"010001","requestId":"\#(UUID().uuidString)","paymentType":"StaticDanaSub","merchantSubId":"PY-1761114620.5313134"}"#
            request = try SignedRequest.paylabs(sentBody: body, timestamp: now)
        default:
            // A new endpoint needs a valid request here before its scenarios can be exercised.
            throw NoValidRequest(endpoint: endpoint.name)
        }
        request.headers.add("X-Sandbox-Scenario", scenario)
        // Each scenario counts its own `times`.
        request.headers.add("X-Sandbox-Session", scenario)
        return request
    }
}

private struct NoValidRequest: Error {
    let endpoint: String
}
