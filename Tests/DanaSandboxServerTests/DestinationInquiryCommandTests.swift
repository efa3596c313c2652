import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
import SandboxTestSupport

/// `dana-sandbox destination-inquiry URL`, as a partner's CI runs it: the exit status is the
/// verdict, the report is readable, and `--junit` names each rule as a test case.
final class DestinationInquiryCommandTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try Repository.temporaryDirectory()
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    func testConformantPartner_Exits0() throws {
        let partner = try StubPartner()
        let result = try SandboxProcess.run(["destination-inquiry", partner.url("conformant")])
        XCTAssertEqual(result.status, 0, result.errors.joined(separator: "\n"))
        XCTAssertEqual(result.output.first, "destination inquiry to \(partner.url("conformant"))")
        XCTAssertEqual(result.output.last, "verdict: conformant")
        XCTAssertEqual(try partner.requests().first?["verified"] as? Bool, true)
    }

    func testBrokenRule_Exits1_WithWhatWasFoundAndWhatTheDocumentSays() throws {
        let partner = try StubPartner()
        let result = try SandboxProcess.run(["destination-inquiry", partner.url("wrong-req-msg-id")])
        XCTAssertEqual(result.status, 1)
        let text = result.output.joined(separator: "\n")
        XCTAssertTrue(text.contains("x head.reqMsgId at response.head.reqMsgId"), text)
        XCTAssertTrue(text.contains("found:    \"not-the-request-id\""), text)
        XCTAssertEqual(result.output.last, "verdict: NOT CONFORMANT (1 violation)")
    }

    func testSuiteWithJUnit_WritesOneTestCasePerRule_FailuresNamed() throws {
        // given
        let partner = try StubPartner()
        let junit = folder.appendingPathComponent("inquiry.xml").path
        // when
        let result = try SandboxProcess.run(["destination-inquiry", partner.url("ignores-signature"), "--suite", "--junit", junit])
        // then
        XCTAssertEqual(result.status, 1)
        let cases = try JUnitCases(path: junit)
        XCTAssertEqual(Set(cases.suites), ["destination-inquiry.example", "destination-inquiry.two-destinations", "destination-inquiry.bill-amount",
                                            "destination-inquiry.unknown-destination", "destination-inquiry.bad-signature"])
        XCTAssertEqual(cases.failed, ["destination-inquiry.bad-signature/auth.refusesBadSignature"])
        XCTAssertTrue(cases.all.contains("destination-inquiry.example/head.reqMsgId"))
        XCTAssertTrue(cases.all.contains("destination-inquiry.unknown-destination/result.unknownDestination"))
        XCTAssertEqual(cases.all.count, 19 * 3 + 20 + 3)
    }

    func testUnreachablePartner_SkipsWhatCannotBeChecked_InJUnit() throws {
        let junit = folder.appendingPathComponent("down.xml").path
        let result = try SandboxProcess.run(["destination-inquiry", "http://127.0.0.1:1/destination/inquiry", "--junit", junit])
        XCTAssertEqual(result.status, 1)
        let cases = try JUnitCases(path: junit)
        XCTAssertEqual(cases.failed, ["destination-inquiry.inquiry/transport"])
        XCTAssertEqual(cases.skipped.count, 18)
    }

    func testFlags_ShapeTheInquiry() throws {
        let partner = try StubPartner()
        let result = try SandboxProcess.run([
            "destination-inquiry", "--destination", "5123:zone-1", "--destination", "6789", "--product-id", "sku-9",
            "--bill-amount", "150000", "--client-id", "2014000014442", "--timeout-ms", "3000", partner.url("conformant"),
        ])
        XCTAssertEqual(result.status, 0, result.output.joined(separator: "\n"))
        let body = try XCTUnwrap(try partner.requests().first?["body"] as? [String: Any])
        XCTAssertEqual(body["productId"] as? String, "sku-9")
        let destinations = try XCTUnwrap(body["destinationInfos"] as? [[String: Any]])
        XCTAssertEqual(destinations.compactMap { $0["primaryParam"] as? String }, ["5123", "6789"])
        XCTAssertEqual(destinations.first?["secondaryParam"] as? String, "zone-1")
        XCTAssertEqual(destinations.last?["billAmount"] as? [String: String], ["value": "150000", "currency": "IDR"])
    }

    func testJSONOutput_IsTheEndpointsReport() throws {
        let partner = try StubPartner()
        let result = try SandboxProcess.run(["destination-inquiry", partner.url("conformant"), "--json"])
        XCTAssertEqual(result.status, 0)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.output.joined(separator: "\n").utf8)) as? [String: Any])
        XCTAssertEqual(report["conformant"] as? Bool, true)
    }

    func testUsageErrors_Exit2() throws {
        XCTAssertEqual(try SandboxProcess.run(["destination-inquiry"]).status, 2)
        XCTAssertEqual(try SandboxProcess.run(["destination-inquiry", "partner.example/inquiry"]).status, 2)
        XCTAssertEqual(try SandboxProcess.run(["destination-inquiry", "http://127.0.0.1:1/x", "--timeout-ms", "0"]).status, 2)
        let unknown = try SandboxProcess.run(["destination-inquiry", "http://127.0.0.1:1/x", "--client-id", "nobody"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertEqual(unknown.errors.first, "dana-sandbox: clientId nobody is not a registered partner: register its public key with POST /sandbox/partners or --partner")
    }
}

/// The test cases of a JUnit file, as `suite/name`, read with Foundation's XML parser.
private final class JUnitCases: NSObject, XMLParserDelegate {
    private(set) var all: [String] = []
    private(set) var failed: [String] = []
    private(set) var skipped: [String] = []
    private(set) var suites: [String] = []
    private var current = ""

    init(path: String) throws {
        super.init()
        let parser = try XCTUnwrap(XMLParser(contentsOf: URL(fileURLWithPath: path)))
        parser.delegate = self
        XCTAssertTrue(parser.parse(), "well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")")
    }

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch element {
        case "testsuite": suites.append(attributes["name"] ?? "")
        case "testcase":
            current = "\(attributes["classname"] ?? "")/\(attributes["name"] ?? "")"
            all.append(current)
        case "failure": failed.append(current)
        case "skipped": skipped.append(current)
        default: break
        }
    }
}
