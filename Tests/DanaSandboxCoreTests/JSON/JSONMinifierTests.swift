import XCTest
@testable import DanaSandboxCore
@testable import SandboxJSON
@testable import SandboxCrypto
@testable import SandboxSupport
@testable import SandboxStorage
@testable import DanaSandboxAPIs

final class JSONMinifierTests: XCTestCase {
    private func minified(_ text: String) -> String {
        String(decoding: JSONMinifier.removingWhitespace(Array(text.utf8)), as: UTF8.self)
    }

    func testWhitespace_OutsideStrings_IsRemoved() {
        XCTAssertEqual(minified("{ \"a\" :\t[1, 2],\r\n \"b\": null }\n"), #"{"a":[1,2],"b":null}"#)
    }

    func testWhitespace_InsideStrings_IsKept() {
        // given: a raw tab inside the string, which the minifier keeps even though a parser would reject it
        XCTAssertEqual(minified("{\"name\": \"Siti  Rahayu\t\"}"), "{\"name\":\"Siti  Rahayu\t\"}")
    }

    func testEscapedQuotesAndBackslashes_DoNotEndTheString() {
        XCTAssertEqual(minified(#"{"a": "x\" y", "b": "c:\\", "d": 1}"#), #"{"a":"x\" y","b":"c:\\","d":1}"#)
    }

    func testEscapesAndNonASCII_AreLeftAsSent() {
        XCTAssertEqual(minified(#"{"n": "Jos\u00e9 José", "u": "https:\/\/x"}"#), #"{"n":"Jos\u00e9 José","u":"https:\/\/x"}"#)
    }

    func testInvalidJSON_IsStillStripped() {
        XCTAssertEqual(minified("{ a : 1, } // x"), "{a:1,}//x")
        XCTAssertEqual(minified(#"{"open": "never closed  "#), #"{"open":"never closed  "#)
    }
}
