import Foundation

/// Reads scenario files and checks every field, so a broken file fails at load (start-up, reload,
/// or `dana-sandbox scenarios check`) with its path and field, never silently at request time.
public enum ScenarioLoader {
    /// Every `*.json` under `folder`, recursively, sorted by name; all errors of all files.
    public static func load(folder: String) -> Result<[Scenario], ScenarioLoadFailure> {
        let root = URL(fileURLWithPath: folder)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            return .failure(ScenarioLoadFailure(errors: [ScenarioLoadError(file: folder, field: "", message: "no such folder")]))
        }
        var scenarios: [Scenario] = []
        var errors: [ScenarioLoadError] = []
        for file in jsonFiles(in: root) {
            let name = String(file.path.dropFirst(root.path.count + 1).dropLast(5))
            let display = (folder as NSString).appendingPathComponent(name + ".json")
            switch parse(contentsOf: file, name: name, display: display) {
            case .success(let scenario): scenarios.append(scenario)
            case .failure(let problems): errors += problems.errors
            }
        }
        return errors.isEmpty ? .success(scenarios) : .failure(ScenarioLoadFailure(errors: errors))
    }

    /// The files a reload would read, with their modification times and sizes: when this changes,
    /// the folder changed.
    public static func fingerprint(folder: String) -> [String] {
        jsonFiles(in: URL(fileURLWithPath: folder)).map { file in
            let attributes = try? FileManager.default.attributesOfItem(atPath: file.path)
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(file.path) \(modified) \(attributes?[.size] as? Int ?? -1)"
        }
    }

    private static func jsonFiles(in root: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "json" }
            .map { $0.resolvingSymlinksInPath() }
            .sorted { $0.path < $1.path }
    }

    static func parse(contentsOf file: URL, name: String, display: String) -> Result<Scenario, ScenarioLoadFailure> {
        guard let data = try? Data(contentsOf: file) else {
            return .failure(ScenarioLoadFailure(errors: [ScenarioLoadError(file: display, field: "", message: "cannot be read")]))
        }
        return parse(Array(data), name: name, file: display)
    }

    /// One scenario from JSON text.
    public static func parse(_ bytes: [UInt8], name: String, file: String) -> Result<Scenario, ScenarioLoadFailure> {
        var errors: [ScenarioLoadError] = []
        func fail(_ field: String, _ message: String) { errors.append(ScenarioLoadError(file: file, field: field, message: message)) }

        let document: JSONValue
        do {
            document = try JSONScanner.parse(bytes)
        } catch {
            return .failure(ScenarioLoadFailure(errors: [ScenarioLoadError(file: file, field: "", message: "not valid JSON: \(error.message)")]))
        }
        guard let members = document.objectMembers else {
            return .failure(ScenarioLoadFailure(errors: [ScenarioLoadError(file: file, field: "", message: "must be a JSON object with \"rules\"")]))
        }
        for member in members where !["description", "rules"].contains(member.key) {
            fail(member.key, "unknown key; a scenario has \"description\" and \"rules\"")
        }
        var description = ""
        if let value = document["description"] {
            if let text = value.stringValue { description = text } else { fail("description", "must be a string") }
        }
        guard let ruleValues = document["rules"]?.arrayValue, !ruleValues.isEmpty else {
            fail("rules", "must be a non-empty list of rules")
            return .failure(ScenarioLoadFailure(errors: errors))
        }
        var rules: [ScenarioRule] = []
        for (index, value) in ruleValues.enumerated() {
            if let rule = ScenarioRuleParser.parse(value, at: "rules[\(index)]", fail: fail) { rules.append(rule) }
        }
        return errors.isEmpty ? .success(Scenario(name: name, description: description, file: file, rules: rules)) : .failure(ScenarioLoadFailure(errors: errors))
    }
}
