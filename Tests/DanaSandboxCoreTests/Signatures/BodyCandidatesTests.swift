import XCTest
@testable import DanaSandboxCore
@testable import SandboxJSON
@testable import SandboxCrypto
@testable import SandboxSupport
@testable import SandboxStorage
@testable import DanaSandboxAPIs

/// Vectors from signatures.md §8. Each expected text was checked once against the reference hash
/// with `printf '%s' TEXT | sha256sum`; the hash is noted beside it.
final class BodyCandidatesTests: XCTestCase {
    private func texts(_ candidates: [BodyCandidate]) -> [String] {
        candidates.map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    func testDanaPythonSNAPBody_GivesRawAndCompactForms() {
        // given: what dana-python sends (7741be8b…)
        let body = #"{"partnerReferenceNo": "ref-1", "customerNumber": "62811742234", "amount": {"value": "1.00", "currency": "IDR"}, "transactionDate": "2026-01-01T10:00:00+07:00", "additionalInfo": {"fundType": "AGENT_TOPUP_FOR_USER_SETTLE"}}"#
        // when
        let candidates = BodyCandidates.forSNAP(Array(body.utf8))
        // then: C2 is what it signed (4600796c…); C3 equals C2 and is dropped
        XCTAssertEqual(candidates.map(\.label), ["raw", "whitespace-removed"])
        XCTAssertEqual(texts(candidates), [
            body,
            #"{"partnerReferenceNo":"ref-1","customerNumber":"62811742234","amount":{"value":"1.00","currency":"IDR"},"transactionDate":"2026-01-01T10:00:00+07:00","additionalInfo":{"fundType":"AGENT_TOPUP_FOR_USER_SETTLE"}}"#,
        ])
    }

    func testEscapedBody_GivesCanonicalForm_ForSNAP() {
        // given: C1 = C2 = input (e6d3edf5…)
        let body = #"{"customerName":"Jos\u00e9","notifyUrl":"https:\/\/m.example\/cb","note":null}"#
        // when
        let candidates = BodyCandidates.forSNAP(Array(body.utf8))
        // then: C3 (3c9688d5…); no null-dropping candidate for SNAP
        XCTAssertEqual(candidates.map(\.label), ["raw", "canonical"])
        XCTAssertEqual(texts(candidates), [
            body,
            #"{"customerName":"José","notifyUrl":"https://m.example/cb","note":null}"#,
        ])
    }

    func testEscapedBody_AlsoGivesCanonicalFormWithoutNulls_ForPaylabs() {
        // given
        let body = #"{"customerName":"Jos\u00e9","notifyUrl":"https:\/\/m.example\/cb","note":null}"#
        // when
        let candidates = BodyCandidates.forPaylabs(Array(body.utf8))
        // then: C4 (cfcc3271…)
        XCTAssertEqual(candidates.map(\.label), ["raw", "canonical", "canonical-without-nulls"])
        XCTAssertEqual(texts(candidates).last, #"{"customerName":"José","notifyUrl":"https://m.example/cb"}"#)
    }

    func testPaylabsSDKSeed004Body_GivesTheMinifiedBodyOfSection6() {
        // given: as paylabs-sdk sends it (8538aafc…)
        let body = #"{"merchantId": "010001", "requestId": "PYb34e3230-598c-4fa9-89c2-60ea95fc6c1c", "paymentType": "StaticDanaSub", "merchantSubId": "PY-1761114620.5313134", "pageNum": 1, "pageSize": 10}"#
        // when
        let candidates = BodyCandidates.forPaylabs(Array(body.utf8))
        // then: C2 = C3 = C4 (e077bb9b…), kept once
        XCTAssertEqual(candidates.map(\.label), ["raw", "whitespace-removed"])
        XCTAssertEqual(texts(candidates).last, #"{"merchantId":"010001","requestId":"PYb34e3230-598c-4fa9-89c2-60ea95fc6c1c","paymentType":"StaticDanaSub","merchantSubId":"PY-1761114620.5313134","pageNum":1,"pageSize":10}"#)
    }

    func testCompactBody_GivesOneCandidate() {
        // given
        let body = Array(#"{"a":"b","n":1.50}"#.utf8)
        // then
        XCTAssertEqual(BodyCandidates.forPaylabs(body), [BodyCandidate(label: "raw", bytes: body)])
    }

    func testDanaGoBody_WithTrailingNewline_GivesTheSentTextWithoutIt() {
        // given
        let body = Array("{\"amount\":{\"currency\":\"IDR\",\"value\":\"1.00\"}}\n".utf8)
        // when
        let candidates = BodyCandidates.forSNAP(body)
        // then
        XCTAssertEqual(texts(candidates), ["{\"amount\":{\"currency\":\"IDR\",\"value\":\"1.00\"}}\n", #"{"amount":{"currency":"IDR","value":"1.00"}}"#])
    }

    func testEmptyBody_GivesOneRawCandidate() {
        XCTAssertEqual(BodyCandidates.forSNAP([]), [BodyCandidate(label: "raw", bytes: [])])
        XCTAssertEqual(BodyCandidates.forPaylabs([]), [BodyCandidate(label: "raw", bytes: [])])
    }

    func testInvalidJSONBody_GivesOnlyRawAndWhitespaceRemovedForms() {
        // when
        let candidates = BodyCandidates.forPaylabs(Array(#"{"a": 1,}"#.utf8))
        // then
        XCTAssertEqual(candidates.map(\.label), ["raw", "whitespace-removed"])
        XCTAssertEqual(texts(candidates).last, #"{"a":1,}"#)
    }
}
