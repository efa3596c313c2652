import Foundation
import XCTest
import SandboxTestSupport

/// The layering the compiler keeps, checked on the package's own description (`swift package
/// dump-package`), so an edit of Package.swift cannot quietly undo it.
final class ArchitectureTests: XCTestCase {
    /// Bottom to top; a target may depend only on targets of lower layers.
    private let layers: [[String]] = [
        ["CSQLite", "CLibCrypto", "CLibSSL", "CEpoll"],
        ["SandboxJSON", "SandboxCrypto"],
        ["SandboxHTTP", "SandboxSupport"],
        ["SandboxStorage"],
        ["DanaSandboxAPIs"],
        ["DanaSandboxCore"],
        ["DanaSandboxServer"],
    ]

    /// Each product target's direct dependencies, by name.
    private func dependencies() throws -> [String: [String]] {
        let scratch = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        // A scratch path of its own: the test run holds the lock on .build.
        let output = try Shell.run("/usr/bin/env", ["swift", "package", "--package-path", Repository.root.path, "--scratch-path", scratch.path, "dump-package"])
        let package = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(output)) as? [String: Any])
        let targets = try XCTUnwrap(package["targets"] as? [[String: Any]])
        var graph: [String: [String]] = [:]
        for target in targets where (target["type"] as? String) != "test" {
            let name = try XCTUnwrap(target["name"] as? String)
            let dependencies = (target["dependencies"] as? [[String: Any]] ?? []).compactMap { dependency in
                dependency.values.compactMap { ($0 as? [Any])?.first as? String }.first
            }
            graph[name] = dependencies
        }
        return graph
    }

    func testEachCModule_IsADependencyOfExactlyOneTarget() throws {
        let graph = try dependencies()
        let owners = ["CSQLite": "SandboxStorage", "CLibCrypto": "SandboxCrypto", "CLibSSL": "SandboxCrypto", "CEpoll": "SandboxHTTP"]
        for (module, owner) in owners {
            XCTAssertEqual(graph.filter { $0.value.contains(module) }.map(\.key), [owner], "\(module)")
        }
    }

    func testNoTarget_DependsOnALayerAboveOrBesideIt() throws {
        let graph = try dependencies()
        let layerOf = Dictionary(uniqueKeysWithValues: layers.enumerated().flatMap { index, names in names.map { ($0, index) } })
        for (target, dependencies) in graph where target != "SandboxTestSupport" {
            let layer = try XCTUnwrap(layerOf[target], "\(target) is in no layer of this test")
            for dependency in dependencies {
                let below = try XCTUnwrap(layerOf[dependency], "\(dependency) is in no layer of this test")
                XCTAssertLessThan(below, layer, "\(target) depends on \(dependency)")
            }
        }
    }

    func testTheHTTPLayer_KnowsNothingOfDANAOrPaylabs() throws {
        let root = Repository.path("Sources/SandboxHTTP")
        let files = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.hasSuffix(".swift") }
        XCTAssertFalse(files.isEmpty)
        for file in files {
            let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
            XCTAssertNil(text.range(of: "dana|paylabs|snap", options: [.regularExpression, .caseInsensitive]), "\(file) mentions a provider")
        }
    }
}
