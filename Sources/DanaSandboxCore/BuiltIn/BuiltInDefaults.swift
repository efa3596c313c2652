import Foundation
import DanaSandboxAPIs
import SandboxSupport

/// The seed, scenario library and demo keys the binary carries, used when `--seed`, `--scenarios`
/// or `--keys` (or `sign --key`) are not given, and written out by `dana-sandbox init`.
public enum BuiltInDefaults {
    /// How the built-in seed is named in messages.
    public static let seedName = "built-in seed.sql"

    static func text(_ path: String) -> String? {
        BuiltInFiles.all.first { $0.path == path }?.text
    }

    public static var seed: String { text("seed.sql") ?? "" }

    public static var scenarios: ScenarioSource {
        .builtIn(BuiltInFiles.all.compactMap { file in
            guard file.path.hasPrefix("scenarios/"), file.path.hasSuffix(".json") else { return nil }
            return ScenarioSource.File(name: String(file.path.dropFirst("scenarios/".count).dropLast(".json".count)), bytes: Array(file.text.utf8))
        })
    }

    /// A file of the built-in `keys/` folder, by name (`demo-partner-private.pem`).
    public static func key(_ name: String) -> String? {
        text("keys/" + name)
    }

    /// Writes every built-in file under `folder`, as `seed.sql`, `scenarios/…` and `keys/…`,
    /// and returns their paths. Refuses, writing nothing, when any of them already exists.
    public static func write(to folder: String) throws(StartupError) -> [String] {
        let targets = BuiltInFiles.all.map { (path: (folder as NSString).appendingPathComponent($0.path), text: $0.text) }
        let existing = targets.filter { FileManager.default.fileExists(atPath: $0.path) }.map(\.path)
        guard existing.isEmpty else {
            throw StartupError("\(folder) already holds \(existing.prefix(3).joined(separator: ", "))\(existing.count > 3 ? " and \(existing.count - 3) more" : ""); nothing was written")
        }
        for target in targets {
            do {
                try FileManager.default.createDirectory(atPath: (target.path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(target.text.utf8).write(to: URL(fileURLWithPath: target.path))
            } catch {
                throw StartupError("cannot write \(target.path): \(FileErrorReason.describe(error))")
            }
        }
        // Private keys readable by their owner only, as ssh and openssl expect.
        for target in targets where target.path.hasSuffix("-private.pem") {
            chmod(target.path, 0o600)
        }
        return targets.map(\.path)
    }
}
