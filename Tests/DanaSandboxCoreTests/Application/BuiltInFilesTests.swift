import Foundation
import XCTest
import SandboxTestSupport
@testable import DanaSandboxAPIs
@testable import DanaSandboxCore

/// The copies built into the binary are the repository's files, byte for byte: an edit of
/// seed.sql, scenarios/ or keys/ without `make embed` fails here.
final class BuiltInFilesTests: XCTestCase {
    func testEveryBuiltInFile_IsTheRepositorysFile() throws {
        for file in BuiltInFiles.all {
            let onDisk = try String(contentsOfFile: Repository.path(file.path), encoding: .utf8)
            XCTAssertEqual(file.text, onDisk, "\(file.path) differs from its built-in copy: run make embed")
        }
    }

    func testEveryRepositoryFile_IsBuiltIn() throws {
        var expected = ["seed.sql"]
        for folder in ["scenarios", "keys"] {
            let root = Repository.path(folder)
            let walker = try XCTUnwrap(FileManager.default.enumerator(atPath: root))
            for case let relative as String in walker where !isFolder(root + "/" + relative) {
                expected.append(folder + "/" + relative)
            }
        }
        XCTAssertEqual(BuiltInFiles.all.map(\.path).sorted(), expected.sorted(), "run make embed")
    }

    func testTheBuiltInLibrary_LoadsEveryShippedScenario() throws {
        guard case .success(let builtIn) = BuiltInDefaults.scenarios.load(), case .success(let shipped) = ScenarioLoader.load(folder: Repository.path("scenarios")) else {
            return XCTFail("both load")
        }
        XCTAssertEqual(builtIn.map(\.name), shipped.map(\.name))
    }

    private func isFolder(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }
}
