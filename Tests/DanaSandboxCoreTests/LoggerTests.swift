import Foundation
import Synchronization
import XCTest
import SandboxHTTP
@testable import DanaSandboxCore
@testable import SandboxJSON
@testable import SandboxCrypto
@testable import SandboxSupport
@testable import SandboxStorage
@testable import DanaSandboxAPIs

final class LoggerTests: XCTestCase {
    private func capture(_ format: ServeOptions.LogFormat, _ body: (Logger) -> Void) -> [String] {
        let lines = Mutex<[String]>([])
        body(Logger(format: format) { line in lines.withLock { $0.append(line) } })
        return lines.withLock { $0 }
    }

    private let record = ExchangeRecord(
        requestID: 42, connectionID: 1, method: "POST", path: "/v1.0/emoney/account-inquiry.htm",
        status: 403, outcome: .responded, durationNanoseconds: 1_234_567,
        annotations: ["result.code": "4033705"]
    )

    func testTextExchangeLine_HasMethodPathStatusDurationAndCode() throws {
        let line = try XCTUnwrap(capture(.text) { $0.exchange(record) }.first)
        XCTAssertTrue(
            line.hasSuffix(" info exchange request.id=42 http.method=POST http.path=/v1.0/emoney/account-inquiry.htm http.status=403 duration_ms=1.23 result.code=4033705"),
            line
        )
    }

    func testJSONExchangeLine_IsOneJSONObject_WithNumbersAsNumbers() throws {
        let line = try XCTUnwrap(capture(.json) { $0.exchange(record) }.first)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        XCTAssertEqual(object["msg"] as? String, "exchange")
        XCTAssertEqual(object["http.method"] as? String, "POST")
        XCTAssertEqual(object["http.status"] as? Int, 403)
        XCTAssertEqual(object["duration_ms"] as? Double, 1.23)
        XCTAssertEqual(object["result.code"] as? String, "4033705")
        XCTAssertNotNil(object["time"] as? String)
    }

    func testFaultWithoutResponse_IsLoggedWithItsOutcome() throws {
        let held = ExchangeRecord(requestID: 1, connectionID: 1, method: "POST", path: "/x", status: nil, outcome: .held, durationNanoseconds: 10_000_000_000, annotations: [:])
        let line = try XCTUnwrap(capture(.text) { $0.exchange(held) }.first)
        XCTAssertTrue(line.hasSuffix("http.status=- duration_ms=10000.00 outcome=held"), line)
    }

    func testTextValuesWithSpaces_AreQuoted() throws {
        let line = try XCTUnwrap(capture(.text) { $0.log(.notice, "hello", [("why", .string("two words"))]) }.first)
        XCTAssertTrue(line.hasSuffix("notice hello why=\"two words\""), line)
    }

    func testTimestamp_IsUTCWithMilliseconds() {
        let stamp = SignatureTimestamp.format(Date(), utcOffsetHours: 0, milliseconds: true)
        XCTAssertNotNil(stamp.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$"#, options: .regularExpression), stamp)
    }
}
