/// Where scenarios come from: a folder the user edits (reloaded when it changes), or the library
/// built into the binary.
public enum ScenarioSource: Sendable {
    /// A built-in scenario file: its name (`account-inquiry/do-not-honor`) and JSON text.
    public struct File: Sendable {
        public let name: String
        public let bytes: [UInt8]

        public init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }
    }

    case folder(String)
    case builtIn([File])

    /// The folder, or `built-in`: for listings and log lines.
    public var description: String {
        switch self {
        case .folder(let path): path
        case .builtIn: "built-in"
        }
    }

    public func load() -> Result<[Scenario], ScenarioLoadFailure> {
        switch self {
        case .folder(let path):
            return ScenarioLoader.load(folder: path)
        case .builtIn(let files):
            var scenarios: [Scenario] = []
            var errors: [ScenarioLoadError] = []
            for file in files {
                switch ScenarioLoader.parse(file.bytes, name: file.name, file: "built-in scenarios/\(file.name).json") {
                case .success(let scenario): scenarios.append(scenario)
                case .failure(let failure): errors += failure.errors
                }
            }
            return errors.isEmpty ? .success(scenarios) : .failure(ScenarioLoadFailure(errors: errors))
        }
    }

    /// What a reload would read, as a value that changes when a file does; the built-in library
    /// never changes.
    func fingerprint() -> [String] {
        switch self {
        case .folder(let path): ScenarioLoader.fingerprint(folder: path)
        case .builtIn: []
        }
    }
}
