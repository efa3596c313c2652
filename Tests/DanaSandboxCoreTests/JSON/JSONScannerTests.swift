import XCTest
@testable import DanaSandboxCore
@testable import SandboxJSON
@testable import SandboxCrypto
@testable import SandboxSupport
@testable import SandboxStorage
@testable import DanaSandboxAPIs

final class JSONScannerTests: XCTestCase {
    // MARK: - Helpers

    private func parse(_ text: String) throws -> JSONValue {
        try JSONScanner.parse(Array(text.utf8))
    }

    private func parseError(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> JSONParseError? {
        do {
            let value = try JSONScanner.parse(bytes)
            XCTFail("expected a parse error, got \(value)", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    private func assertRejected(_ text: String, at offset: Int, saying phrase: String, file: StaticString = #filePath, line: UInt = #line) {
        assertRejected(Array(text.utf8), at: offset, saying: phrase, file: file, line: line)
    }

    private func assertRejected(_ bytes: [UInt8], at offset: Int, saying phrase: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let error = parseError(bytes, file: file, line: line) else { return }
        XCTAssertEqual(error.offset, offset, error.message, file: file, line: line)
        XCTAssertTrue(error.message.contains(phrase), "\"\(error.message)\" does not say \"\(phrase)\"", file: file, line: line)
        XCTAssertTrue(error.message.contains("at byte \(offset)"), error.message, file: file, line: line)
    }

    private func spans(_ text: String) throws -> [JSONMemberSpan] {
        try JSONScanner.topLevelMembers(Array(text.utf8))
    }

    private func text(of span: JSONMemberSpan?, in text: String) -> String? {
        guard let span else { return nil }
        return String(decoding: Array(text.utf8)[span.valueRange], as: UTF8.self)
    }

    // MARK: - Every JSON type

    func testLiterals_AreParsed() throws {
        XCTAssertEqual(try parse("null"), .null)
        XCTAssertEqual(try parse("true"), .bool(true))
        XCTAssertEqual(try parse("false"), .bool(false))
    }

    func testNumbers_KeepTheirLexemeExactly() throws {
        for lexeme in ["0", "-0", "10", "15000.0", "15000.00", "1e3", "1E+10", "-2.5e-3", "12345678901234567890123"] {
            XCTAssertEqual(try parse(lexeme), .number(lexeme))
        }
    }

    func testString_IsParsed_WithNonASCIIKeptAsUTF8() throws {
        XCTAssertEqual(try parse("\"José – Jakarta\""), .string("José – Jakarta"))
    }

    func testStringEscapes_AreDecoded() throws {
        // given
        let text = #""\"\\\/\b\f\n\r\t\u00e9\u0000x""#
        // when
        let value = try parse(text)
        // then
        XCTAssertEqual(value, .string("\"\\/\u{08}\u{0C}\n\r\t\u{E9}\u{0}x"))
    }

    func testSurrogatePair_DecodesToOneScalar() throws {
        // when
        let value = try parse(#""\ud83d\ude00""#)
        // then
        XCTAssertEqual(value, .string("😀"))
        XCTAssertEqual(value.stringValue?.unicodeScalars.count, 1)
    }

    func testArray_IsParsed_WithMixedElements() throws {
        XCTAssertEqual(
            try parse(#"[1, "a", null, true, [], {}]"#),
            .array([.number("1"), .string("a"), .null, .bool(true), .array([]), .object([])])
        )
    }

    func testObject_KeepsMemberOrder_AndDuplicateKeys() throws {
        // when
        let value = try parse(#"{"z": 1, "a": {"y": "2"}, "z": null}"#)
        // then
        XCTAssertEqual(value, .object([
            JSONMember(key: "z", value: .number("1")),
            JSONMember(key: "a", value: .object([JSONMember(key: "y", value: .string("2"))])),
            JSONMember(key: "z", value: .null),
        ]))
    }

    func testWhitespace_AroundAndBetweenTokens_IsAccepted() throws {
        XCTAssertEqual(try parse(" \t\r\n{ \"a\" :\n[ 1 ,\t2 ] }\n"), .object([
            JSONMember(key: "a", value: .array([.number("1"), .number("2")])),
        ]))
    }

    func testNesting_At64Levels_IsAccepted() throws {
        let text = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        XCTAssertNoThrow(try parse(text))
    }

    // MARK: - Malformed documents

    func testEmptyInput_IsRejected() {
        assertRejected("", at: 0, saying: "empty")
        assertRejected("  \n", at: 3, saying: "empty")
    }

    func testTrailingComma_IsRejected() {
        assertRejected(#"{"a":1,}"#, at: 6, saying: "trailing comma")
        assertRejected("[1, 2,]", at: 5, saying: "trailing comma")
    }

    func testComment_IsRejected() {
        assertRejected("{\"a\":1 // note\n}", at: 7, saying: "comments are not allowed")
        assertRejected("/* x */ {}", at: 0, saying: "comments are not allowed")
    }

    func testLeadingZero_IsRejected() {
        assertRejected("01", at: 0, saying: "leading zero")
        assertRejected(#"{"n": -012}"#, at: 6, saying: "leading zero")
    }

    func testMalformedNumbers_AreRejected() {
        assertRejected("1.", at: 2, saying: "digit")
        assertRejected(".5", at: 0, saying: "a JSON value")
        assertRejected("1e", at: 2, saying: "exponent")
        assertRejected("+1", at: 0, saying: "a JSON value")
        assertRejected("-", at: 1, saying: "digit")
        assertRejected("NaN", at: 0, saying: "a JSON value")
        assertRejected("Infinity", at: 0, saying: "a JSON value")
    }

    func testMisspelledLiteral_IsRejected() {
        assertRejected("[nul]", at: 1, saying: "'null'")
        assertRejected("True", at: 0, saying: "a JSON value")
    }

    func testUnterminatedString_IsRejected_AtItsOpeningQuote() {
        assertRejected(#"{"a": "abc"#, at: 6, saying: "no closing")
        assertRejected(#""abc\"#, at: 0, saying: "no closing")
    }

    func testRawControlCharacter_InAString_IsRejected() {
        assertRejected("\"a\nb\"", at: 2, saying: "control character 0x0A")
        assertRejected("\"a\tb\"", at: 2, saying: "control character 0x09")
    }

    func testInvalidEscape_IsRejected() {
        assertRejected(#""\x""#, at: 1, saying: "invalid escape")
        assertRejected(#""\u12G4""#, at: 3, saying: "four hex digits")
    }

    func testLoneSurrogate_IsRejected() {
        assertRejected(#""\ud83d""#, at: 1, saying: #"lone UTF-16 surrogate \ud83d"#)
        assertRejected(#""\ud83dx""#, at: 1, saying: "lone UTF-16 surrogate")
        assertRejected(#""\ud83d\u0041""#, at: 1, saying: "lone UTF-16 surrogate")
        assertRejected(#""a\ude00""#, at: 2, saying: #"lone UTF-16 surrogate \ude00"#)
    }

    func testInvalidUTF8_IsRejected() {
        assertRejected([0x22, 0x61, 0xFF, 0x22], at: 2, saying: "invalid UTF-8 sequence starting with 0xFF")
        assertRejected([0x22, 0xC3, 0x22], at: 1, saying: "invalid UTF-8") // truncated é
        assertRejected([0x22, 0xC0, 0xAF, 0x22], at: 1, saying: "invalid UTF-8") // overlong '/'
        assertRejected([0x22, 0xED, 0xA0, 0x80, 0x22], at: 1, saying: "invalid UTF-8") // encoded surrogate
        assertRejected([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], at: 1, saying: "invalid UTF-8") // above U+10FFFF
        assertRejected([0xFF], at: 0, saying: "byte 0xFF")
    }

    func testNesting_DeeperThan64Levels_IsRejected() {
        let text = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        assertRejected(text, at: 64, saying: "deeper than 64")
    }

    func testTrailingGarbage_IsRejected() {
        assertRejected("{} x", at: 3, saying: "after the end of the JSON value")
        assertRejected("1 2", at: 2, saying: "after the end of the JSON value")
    }

    func testMissingSeparators_AreRejected_WithWhatWasExpected() {
        assertRejected(#"{"a" 1}"#, at: 5, saying: "expected ':' after the member name")
        assertRejected(#"{"a": 1 "b": 2}"#, at: 8, saying: "expected ',' or '}' after an object member at byte 8, found '\"'")
        assertRejected("[1 2]", at: 3, saying: "expected ',' or ']' after an array element")
        assertRejected("{a: 1}", at: 1, saying: "a member name in double quotes")
        assertRejected("[1,", at: 3, saying: "found the end of the input")
    }

    // MARK: - Top-level member spans

    func testTopLevelMembers_GiveTheExactRequestText_OfTheDanaPythonWireForm() throws {
        // given: spaces after ':' and ',', and a '}' inside a string value
        let body = #"{"request": {"head": {"version": "2.0"}, "body": {"a": "x}"}}, "signature": "abc"}"#
        // when
        let members = try spans(body)
        // then
        XCTAssertEqual(members.map(\.key), ["request", "signature"])
        XCTAssertEqual(text(of: members.first, in: body), #"{"head": {"version": "2.0"}, "body": {"a": "x}"}}"#)
        XCTAssertEqual(text(of: members.last, in: body), #""abc""#)
    }

    func testTopLevelMembers_GiveTheExactRequestText_OfTheKeySortedDanaGoForm() throws {
        // given: sorted keys, compact, and the trailing newline json.NewEncoder writes
        let body = "{\"request\":{\"body\":{},\"head\":{}},\"signature\":\"s\"}\n"
        // when
        let members = try spans(body)
        // then
        XCTAssertEqual(members, [
            JSONMemberSpan(key: "request", valueRange: 11..<32),
            JSONMemberSpan(key: "signature", valueRange: 45..<48),
        ])
        XCTAssertEqual(text(of: members.first, in: body), #"{"body":{},"head":{}}"#)
    }

    func testTopLevelMembers_CoverEveryValueType_AndKeepDuplicates() throws {
        // given
        let body = #"{"n": -1.50, "t": true, "z": null, "a": [1, [2]], "n": "x"}"#
        // when
        let members = try spans(body)
        // then
        XCTAssertEqual(members.map(\.key), ["n", "t", "z", "a", "n"])
        XCTAssertEqual(members.map { text(of: $0, in: body) }, ["-1.50", "true", "null", "[1, [2]]", #""x""#])
    }

    func testTopLevelMembers_Throw_WhenTheRootIsNotAnObject() {
        XCTAssertThrowsError(try spans(" [1]")) { error in
            XCTAssertEqual((error as? JSONParseError)?.offset, 1)
            XCTAssertTrue((error as? JSONParseError)?.message.contains("not an object") == true)
        }
    }

    func testTopLevelMembers_Throw_WhenTheDocumentIsInvalid() {
        XCTAssertThrowsError(try spans(#"{"request": {"head": {}}, "signature": "s",}"#)) { error in
            XCTAssertEqual((error as? JSONParseError)?.offset, 42)
        }
        XCTAssertThrowsError(try spans(#"{"request": {}} trailing"#))
    }
}
