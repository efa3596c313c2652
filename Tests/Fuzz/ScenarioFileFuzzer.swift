import DanaSandboxAPIs
import SandboxJSON

/// The scenario-file parser (scenarios/*.json, read at start-up, on reload and by `scenarios
/// check`). Properties: it never crashes; a failure always names at least one problem; a success
/// keeps one rule per element of "rules"; and whitespace means nothing, so the canonical form of
/// the same document gives the same result.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenarioFile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = bytes(data, size)
    let result = ScenarioLoader.parse(input, name: "fuzz", file: "fuzz.json")
    switch result {
    case .failure(let failure):
        if failure.errors.isEmpty { violated("a scenario failed with no problem named", "input \(hex(input))") }
    case .success(let scenario):
        let count = (try? JSONScanner.parse(input))?["rules"]?.arrayValue?.count
        if scenario.rules.count != count {
            violated("a scenario kept \(scenario.rules.count) rules of \(count ?? -1)", "input \(hex(input))")
        }
    }
    guard let value = try? JSONScanner.parse(input) else { return 0 }
    let canonical = JSONCanonicalWriter.write(value)
    if ScenarioLoader.parse(canonical, name: "fuzz", file: "fuzz.json") != result {
        violated("a scenario reads differently once its whitespace is removed", "input \(hex(input))")
    }
    return 0
}
