import XCTest
@testable import SandboxSupport

/// The memory a reset frees is given back through glibc's malloc_trim, found at run time.
final class MemoryReleaseTests: XCTestCase {
    func testMallocTrim_IsFound_OnGlibc() throws {
        #if canImport(Glibc)
        let trim = try XCTUnwrap(MemoryRelease.trim, "dlsym found no malloc_trim: resets would never give memory back")
        XCTAssertGreaterThanOrEqual(trim(0), 0)
        #endif
    }
}
