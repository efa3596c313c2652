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

/// Partners bringing their own keys: `--partner`/`--partner-secret` at start, and
/// `POST /sandbox/partners` at runtime, both surviving a reset.
final class PartnerRegistrationTests: XCTestCase {
    private var folder: URL!
    private var privateKey: String!
    private var publicKey: String!

    override func setUpWithError() throws {
        folder = try Repository.temporaryDirectory()
        privateKey = folder.appendingPathComponent("mine.pem").path
        publicKey = folder.appendingPathComponent("mine-public.pem").path
        _ = try Shell.run("/usr/bin/openssl", ["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", privateKey])
        // PKCS#1 on purpose: partners export either form.
        _ = try Shell.run("/usr/bin/openssl", ["rsa", "-in", privateKey, "-RSAPublicKey_out", "-out", publicKey])
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: folder)
    }

    private let body = #"{"customerNumber":"62811742234","amount":{"value":"1.00","currency":"IDR"},"additionalInfo":{"fundType":"AGENT_TOPUP_FOR_USER_SETTLE"}}"#

    func testPartnerFlag_RegistersANewDANAPartner_WithItsSecret_SurvivingReset() throws {
        // given
        let harness = try SandboxHarness {
            $0.partners = [ServeOptions.PartnerKey(clientID: "3000000000001", publicKeyPath: publicKey)]
            $0.partnerSecrets = ["3000000000001": "my-secret"]
        }
        let signed = try SignedRequest.snap(sentBody: body, partner: "3000000000001", timestamp: harness.clock.jakarta, key: privateKey)
        XCTAssertEqual(try harness.json(signed)["responseCode"]?.stringValue, "2003700")
        // when
        try harness.application.store.reset()
        // then
        let again = try SignedRequest.snap(sentBody: body, partner: "3000000000001", timestamp: harness.clock.jakarta, key: privateKey)
        XCTAssertEqual(try harness.json(again)["responseCode"]?.stringValue, "2003700")
        XCTAssertEqual(try harness.application.partners.partner("3000000000001")?.clientSecret, "my-secret")
    }

    func testPartnerFlag_ReplacesTheKeyOfASeededPartner() throws {
        let harness = try SandboxHarness { $0.partners = [ServeOptions.PartnerKey(clientID: "2014000014442", publicKeyPath: publicKey)] }
        let withMine = try SignedRequest.snap(sentBody: body, timestamp: harness.clock.jakarta, key: privateKey)
        let withDemo = try SignedRequest.snap(sentBody: body, timestamp: harness.clock.jakarta)
        XCTAssertEqual(try harness.json(withMine)["responseCode"]?.stringValue, "2003700")
        XCTAssertEqual(try harness.json(withDemo)["responseCode"]?.stringValue, "4013700")
        XCTAssertEqual(try harness.application.partners.partner("2014000014442")?.clientSecret, "2014000014442", "the seeded secret is kept")
    }

    func testPartnerFlag_WithAnUnreadableKey_FailsStartup() {
        var options = ServeOptions.forTests()
        options.partners = [ServeOptions.PartnerKey(clientID: "X", publicKeyPath: "/no/such.pem")]
        XCTAssertThrowsError(try SandboxApplication(options: options, logger: .disabled)) { error in
            XCTAssertEqual((error as? StartupError)?.message, "cannot read the key of partner X, /no/such.pem: No such file or directory")
        }
    }

    func testPartnerFlag_WithAPrivateKeyByMistake_FailsStartup() {
        var options = ServeOptions.forTests()
        options.partners = [ServeOptions.PartnerKey(clientID: "X", publicKeyPath: privateKey)]
        XCTAssertThrowsError(try SandboxApplication(options: options, logger: .disabled)) { error in
            XCTAssertTrue((error as? StartupError)?.message.hasPrefix("unusable key of partner X, \(privateKey!): not an RSA public key") == true, "\(error)")
        }
    }

    func testPartnersEndpoint_RegistersAPaylabsMerchantAtRuntime() throws {
        // given
        let harness = try SandboxHarness()
        let pem = try String(contentsOfFile: publicKey, encoding: .utf8)
        let registration = JSONValue.fields(["clientId": "010001", "family": "PAYLABS", "publicKey": .string(pem)])
        // when
        let response = harness.send(HTTPRequest(method: .post, target: "/sandbox/partners", body: registration.bytes))
        // then
        XCTAssertEqual(response.status.code, 201)
        let answer = try JSONScanner.parse(response.body)
        XCTAssertEqual(answer["family"]?.stringValue, "PAYLABS")
        XCTAssertTrue(answer["keyFingerprint"]?.stringValue?.hasPrefix("SHA256:") == true)
        let body = #"{"merchantId":"010001","requestId":"runtime-1","paymentType":"StaticDanaSub","merchantSubId":"PY-1761114620.5313134"}"#
        try harness.application.store.reset()
        XCTAssertEqual(try harness.json(try SignedRequest.paylabs(sentBody: body, timestamp: harness.clock.jakarta, key: privateKey))["errCode"]?.stringValue, "0")
    }

    func testPartnersEndpoint_RefusesAFamilyPrefix_InsteadOfRegisteringADANAPartnerOfThatName() throws {
        let harness = try SandboxHarness()
        let pem = try String(contentsOfFile: publicKey, encoding: .utf8)
        let response = harness.send(HTTPRequest(method: .post, target: "/sandbox/partners", body: JSONValue.fields(["clientId": "paylabs:020001", "publicKey": .string(pem)]).bytes))
        XCTAssertEqual(response.status.code, 400)
        XCTAssertEqual(try JSONScanner.parse(response.body)["message"]?.stringValue, #"clientId paylabs:020001 has a family prefix: send "clientId":"020001" with "family":"PAYLABS"."#)
        XCTAssertNil(try harness.application.partners.partner("paylabs:020001"))
        let unknownFamily = harness.send(HTTPRequest(method: .post, target: "/sandbox/partners", body: JSONValue.fields(["clientId": "x", "family": "OVO", "publicKey": .string(pem)]).bytes))
        XCTAssertEqual(unknownFamily.status.code, 400)
    }

    func testPartnersList_ShowsEveryPartner_WithoutSecrets() throws {
        // given
        let harness = try SandboxHarness()
        let pem = try String(contentsOfFile: publicKey, encoding: .utf8)
        let registration = JSONValue.fields(["clientId": "020001", "family": "PAYLABS", "publicKey": .string(pem)])
        XCTAssertEqual(harness.send(HTTPRequest(method: .post, target: "/sandbox/partners", body: registration.bytes)).status.code, 201)
        // when
        let response = harness.send(HTTPRequest(method: .get, target: "/sandbox/partners"))
        // then
        XCTAssertEqual(response.status.code, 200)
        let partners = try XCTUnwrap(try JSONScanner.parse(response.body)["partners"]?.arrayValue)
        let registered = try XCTUnwrap(partners.first { $0["clientId"]?.stringValue == "020001" })
        XCTAssertEqual(registered["family"]?.stringValue, "PAYLABS")
        let demo = try XCTUnwrap(partners.first { $0["clientId"]?.stringValue == "2014000014442" })
        XCTAssertEqual(demo["hasClientSecret"], .bool(true))
        XCTAssertEqual(demo["status"]?.stringValue, "ACTIVE")
        XCTAssertFalse(String(decoding: response.body, as: UTF8.self).contains("clientSecret\""), "no secret is listed")
        XCTAssertFalse(String(decoding: response.body, as: UTF8.self).contains("BEGIN PUBLIC KEY"), "fingerprints, not keys")
    }

    func testPartnersEndpoint_RefusesABadKey_WithAReason() throws {
        let harness = try SandboxHarness()
        let response = harness.send(HTTPRequest(method: .post, target: "/sandbox/partners", body: Array(#"{"clientId":"x","publicKey":"nope"}"#.utf8)))
        XCTAssertEqual(response.status.code, 400)
        XCTAssertTrue(String(decoding: response.body, as: UTF8.self).contains("publicKey is unusable"))
    }

    func testKeysEndpoint_PublishesTheSandboxKeys() throws {
        let harness = try SandboxHarness()
        let keys = try harness.json(HTTPRequest(method: .get, target: "/sandbox/keys"))
        XCTAssertEqual(keys.value(atPath: "dana.publicKey")?.stringValue, try String(contentsOfFile: Repository.path("keys/dana-public.pem"), encoding: .utf8))
        XCTAssertEqual(keys.value(atPath: "paylabs.publicKey")?.stringValue, try String(contentsOfFile: Repository.path("keys/paylabs-public.pem"), encoding: .utf8))
    }

    func testMissingSigningKeys_FailStartup_SayingWhich() {
        var options = ServeOptions.forTests()
        options.keys = folder.path
        XCTAssertThrowsError(try SandboxApplication(options: options, logger: .disabled)) { error in
            XCTAssertEqual((error as? StartupError)?.message, "cannot read key \(folder.path)/dana-private.pem: No such file or directory")
        }
    }
}
