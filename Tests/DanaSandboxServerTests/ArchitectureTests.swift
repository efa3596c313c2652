import Foundation
import XCTest
import SandboxTestSupport

/// The layering rules of STYLE.md, kept true by a test rather than by memory.
final class ArchitectureTests: XCTestCase {
    /// Every Swift source file under `folder`, with its text.
    private func sources(_ folder: String) throws -> [(path: String, text: String)] {
        let root = Repository.path(folder)
        let walker = try XCTUnwrap(FileManager.default.enumerator(atPath: root))
        return try walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.map { relative in
            (folder + "/" + relative, try String(contentsOfFile: root + "/" + relative, encoding: .utf8))
        }
    }

    func testOnlyTheSQLiteFiles_ImportCSQLite() throws {
        let importers = try sources("Sources").filter { $0.text.contains("import CSQLite") }.map(\.path)
        XCTAssertFalse(importers.isEmpty)
        for path in importers {
            XCTAssertTrue(path.contains("/Storage/SQLite"), "\(path) imports CSQLite")
        }
    }

    func testOnlyTheCryptoFiles_ImportCLibCrypto() throws {
        let importers = try sources("Sources").filter { $0.text.contains("import CLibCrypto") }.map(\.path)
        XCTAssertFalse(importers.isEmpty)
        for path in importers {
            XCTAssertTrue(path.contains("/Crypto/"), "\(path) imports CLibCrypto")
        }
    }

    func testTheHTTPLayer_KnowsNothingOfDANAOrPaylabs() throws {
        for (path, text) in try sources("Sources/SandboxHTTP") {
            XCTAssertNil(text.range(of: "dana|paylabs|snap", options: [.regularExpression, .caseInsensitive]), "\(path) mentions a provider")
        }
    }
}
