/// Why the scenario library could not start: a broken file, or a `--scenario` name that is not
/// loaded. The message is the one line start-up prints.
public enum ScenarioLibraryError: Error, Equatable, Sendable {
    case broken(ScenarioLoadFailure)
    case unknownActive(ScenarioLookupError)

    public var message: String {
        switch self {
        case .broken(let failure): "broken scenario: \(failure.summary)"
        case .unknownActive(let error): "--scenario: \(error.message)"
        }
    }
}
