import Foundation
import SandboxJSON

/// Reads scenario files and checks every field, so a broken file fails at load (start-up, reload,
/// or `dana-sandbox scenarios check`) with its path and field, never silently at request time.
public enum ScenarioLoader {
    /// Every `*.json` under `folder`, recursively, sorted by name; all errors of all files.
    public static func load(folder: String) -> Result<[Scenario], ScenarioLoadFailure> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            return .failure(ScenarioLoadFailure(errors: [ScenarioLoadError(file: folder, field: "", message: "no such folder")]))
        }
        var scenarios: [Scenario] = []
        var errors: [ScenarioLoadError] = []
        for relative in jsonFiles(in: folder) {
            let display = folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
            switch parse(contentsOf: display, name: String(relative.dropLast(5)), display: display) {
            case .success(let scenario): scenarios.append(scenario)
            case .failure(let problems): errors += problems.errors
            }
        }
        return errors.isEmpty ? .success(scenarios) : .failure(ScenarioLoadFailure(errors: errors))
    }

    /// The files a reload would read, with their modification times and sizes: when this changes,
    /// the folder changed. Plain stat(2): it runs every second, and at every start.
    public static func fingerprint(folder: String) -> [String] {
        jsonFiles(in: folder).map { relative in
            var info = stat()
            guard stat(folder + "/" + relative, &info) == 0 else { return "\(relative) gone" }
            return "\(relative) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_size)"
        }
    }

    /// `*.json` paths under `folder`, relative to it, sorted. readdir(3) directly: Foundation's
    /// enumerator cost more than parsing every file (measured with callgrind).
    private static func jsonFiles(in folder: String, prefix: String = "") -> [String] {
        guard let directory = opendir(prefix.isEmpty ? folder : folder + "/" + prefix) else { return [] }
        defer { closedir(directory) }
        var found: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            let relative = prefix.isEmpty ? name : prefix + "/" + name
            var isDirectory = entry.pointee.d_type == UInt8(DT_DIR)
            // Some filesystems do not fill d_type (DT_UNKNOWN); symlinks are followed too.
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) || entry.pointee.d_type == UInt8(DT_LNK) {
                var info = stat()
                isDirectory = stat(folder + "/" + relative, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            if isDirectory {
                found += jsonFiles(in: folder, prefix: relative)
            } else if name.hasSuffix(".json") {
                found.append(relative)
            }
        }
        return found.sorted()
    }

    static func parse(contentsOf path: String, name: String, display: String) -> Result<Scenario, ScenarioLoadFailure> {
        guard let bytes = readFile(path) else {
            return .failure(ScenarioLoadFailure(errors: [ScenarioLoadError(file: display, field: "", message: "cannot be read: \(String(cString: strerror(errno)))")]))
        }
        return parse(bytes, name: name, file: display)
    }

    private static func readFile(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { return bytes }
            bytes += chunk[0..<count]
        }
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
