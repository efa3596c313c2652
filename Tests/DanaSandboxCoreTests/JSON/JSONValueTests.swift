import XCTest
@testable import DanaSandboxCore
@testable import SandboxJSON
@testable import SandboxCrypto
@testable import SandboxSupport
@testable import SandboxStorage
@testable import DanaSandboxAPIs

final class JSONValueTests: XCTestCase {
    private let body: JSONValue = .object([
        JSONMember(key: "customerNumber", value: .string("62811742234")),
        JSONMember(key: "pageNum", value: .number("1")),
        JSONMember(key: "pageNum", value: .number("2")),
        JSONMember(key: "additionalInfo", value: .object([
            JSONMember(key: "accessToken", value: .string("tok")),
            JSONMember(key: "note", value: .null),
        ])),
        JSONMember(key: "balanceTypes", value: .array([.string("BALANCE")])),
    ])

    func testSubscript_ReturnsTheFirstMemberWithTheKey() {
        XCTAssertEqual(body["pageNum"], .number("1"))
        XCTAssertNil(body["missing"])
        XCTAssertNil(JSONValue.array([])["pageNum"])
    }

    func testValueAtPath_FollowsDottedKeys() {
        XCTAssertEqual(body.value(atPath: "additionalInfo.accessToken")?.stringValue, "tok")
        XCTAssertEqual(body.value(atPath: "customerNumber")?.stringValue, "62811742234")
        XCTAssertNil(body.value(atPath: "additionalInfo.missing"))
        XCTAssertNil(body.value(atPath: "customerNumber.value"))
    }

    func testIntValue_IsGiven_OnlyForIntegerLexemes() {
        XCTAssertEqual(JSONValue.number("10").intValue, 10)
        XCTAssertEqual(JSONValue.number("-3").intValue, -3)
        XCTAssertEqual(JSONValue.number("-0").intValue, 0)
        XCTAssertNil(JSONValue.number("10.0").intValue)
        XCTAssertNil(JSONValue.number("1e1").intValue)
        XCTAssertNil(JSONValue.number("99999999999999999999").intValue)
        XCTAssertNil(JSONValue.string("10").intValue)
    }

    func testAccessors_ReturnNil_ForOtherTypes() {
        XCTAssertEqual(body["balanceTypes"]?.arrayValue, [.string("BALANCE")])
        XCTAssertEqual(body["additionalInfo"]?.objectMembers?.map(\.key), ["accessToken", "note"])
        XCTAssertEqual(body.value(atPath: "additionalInfo.note")?.isNull, true)
        XCTAssertEqual(JSONValue.bool(true).boolValue, true)
        XCTAssertEqual(body["pageNum"]?.numberLexeme, "1")
        XCTAssertNil(body["pageNum"]?.stringValue)
        XCTAssertNil(body["customerNumber"]?.arrayValue)
        XCTAssertNil(body["customerNumber"]?.objectMembers)
        XCTAssertEqual(body["customerNumber"]?.isNull, false)
    }
}
