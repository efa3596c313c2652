import Foundation
import XCTest
@testable import SandboxSupport

/// Timestamp cases the timestamp fuzz target found; the documented grammar is
/// `yyyy-MM-ddTHH:mm:ss[.d{1,9}](Z|±HH:MM)` with a real calendar date.
final class SignatureTimestampTests: XCTestCase {
    /// A leap second only ever happens at the end of a month, and there timegm rolled 23:59:60
    /// into the next month, so the date check refused the very leap seconds `:60` is allowed for
    /// (input `2016-12-31T23:59:60Z`, a real leap second).
    func testLeapSecond_AtTheEndOfAMonth_IsAccepted() throws {
        let leap = try XCTUnwrap(SignatureTimestamp.parse("2016-12-31T23:59:60Z"))
        let next = try XCTUnwrap(SignatureTimestamp.parse("2017-01-01T00:00:00Z"))
        XCTAssertEqual(leap, next)
        XCTAssertNotNil(SignatureTimestamp.parse("2015-06-30T23:59:60.5+07:00"))
    }

    func testImpossibleDates_AreStillRefused() {
        XCTAssertNil(SignatureTimestamp.parse("2023-02-29T00:00:00Z"))
        XCTAssertNil(SignatureTimestamp.parse("2024-04-31T23:59:60Z"))
        XCTAssertNil(SignatureTimestamp.parse("2024-01-01T00:00:61Z"))
    }
}
