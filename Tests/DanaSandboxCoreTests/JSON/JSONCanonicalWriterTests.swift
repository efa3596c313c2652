import XCTest
@testable import DanaSandboxCore
@testable import SandboxJSON
@testable import SandboxCrypto
@testable import SandboxSupport
@testable import SandboxStorage
@testable import DanaSandboxAPIs

final class JSONCanonicalWriterTests: XCTestCase {
    private func written(_ value: JSONValue, droppingNullMembers: Bool = false) -> String {
        String(decoding: JSONCanonicalWriter.write(value, droppingNullMembers: droppingNullMembers), as: UTF8.self)
    }

    func testQuoteAndBackslash_AreEscaped() {
        XCTAssertEqual(written(.string(#"say "hi" \ bye"#)), #""say \"hi\" \\ bye""#)
    }

    func testControlCharacters_UseShortEscapes_WhereJSONHasThem() {
        XCTAssertEqual(written(.string("\u{08}\u{0C}\n\r\t")), #""\b\f\n\r\t""#)
    }

    func testOtherControlCharacters_UseLowercaseUnicodeEscapes() {
        XCTAssertEqual(written(.string("\u{0}\u{1}\u{1B}\u{1F}")), #""\u0000\u0001\u001b\u001f""#)
    }

    func testSlashNonASCIIAndDelete_AreWrittenLiterally() {
        // given
        let value = JSONValue.object([
            JSONMember(key: "customerName", value: .string("José")),
            JSONMember(key: "notifyUrl", value: .string("https://m.example/cb")),
            JSONMember(key: "emoji", value: .string("😀\u{7F}")),
        ])
        // when
        let bytes = JSONCanonicalWriter.write(value)
        // then
        XCTAssertEqual(bytes, Array(#"{"customerName":"José","notifyUrl":"https://m.example/cb","emoji":"😀\#u{7F}"}"#.utf8))
    }

    func testOutput_IsCompact_KeepsMemberOrder_AndNumberLexemes() {
        // given
        let value = JSONValue.object([
            JSONMember(key: "z", value: .array([.number("15000.0"), .number("1e3"), .number("-0"), .bool(true), .bool(false), .null])),
            JSONMember(key: "a", value: .object([])),
            JSONMember(key: "m", value: .array([])),
        ])
        // then
        XCTAssertEqual(written(value), #"{"z":[15000.0,1e3,-0,true,false,null],"a":{},"m":[]}"#)
    }

    func testKeys_AreEscapedLikeStrings() {
        XCTAssertEqual(written(.object([JSONMember(key: "a\"b\n", value: .null)])), #"{"a\"b\n":null}"#)
    }

    func testDroppingNullMembers_RemovesThemAtEveryLevel_ButKeepsNullArrayElements() {
        // given
        let value = JSONValue.object([
            JSONMember(key: "note", value: .null),
            JSONMember(key: "items", value: .array([.null, .object([JSONMember(key: "x", value: .null), JSONMember(key: "y", value: .number("1"))])])),
            JSONMember(key: "info", value: .object([JSONMember(key: "only", value: .null)])),
            JSONMember(key: "last", value: .null),
        ])
        // then
        XCTAssertEqual(written(value, droppingNullMembers: true), #"{"items":[null,{"y":1}],"info":{}}"#)
        XCTAssertEqual(written(value), #"{"note":null,"items":[null,{"x":null,"y":1}],"info":{"only":null},"last":null}"#)
    }

    func testParsedBody_IsRewrittenCanonically() throws {
        // given: dana-php style escapes and spacing
        let body = Array(#"{ "customerName" : "Jos\u00e9", "notifyUrl" : "https:\/\/m.example\/cb", "amount": 15000.00 }"#.utf8)
        // when
        let bytes = JSONCanonicalWriter.write(try JSONScanner.parse(body))
        // then
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), #"{"customerName":"José","notifyUrl":"https://m.example/cb","amount":15000.00}"#)
    }
}
