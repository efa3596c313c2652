/// A scenario name that does not exist, with the names that do.
public struct ScenarioLookupError: Error, Equatable, Sendable {
    public let message: String

    /// Suggests the scenarios in the same folder as the unknown name (a typo is usually there),
    /// rather than listing every shipped scenario.
    static func unknown(_ name: String, known: [String], header: Bool = false) -> ScenarioLookupError {
        let folder = name.split(separator: "/").dropLast().joined(separator: "/")
        let neighbours = known.filter { !folder.isEmpty && $0.hasPrefix(folder + "/") }
        let list: String
        if known.isEmpty {
            list = "none are loaded"
        } else if !neighbours.isEmpty {
            list = "in \(folder)/: \(neighbours.joined(separator: ", "))"
        } else {
            let folders = Set(known.map { $0.split(separator: "/").dropLast().joined(separator: "/") }).sorted()
            list = "\(known.count) are loaded, in \(folders.map { $0.isEmpty ? "." : $0 + "/" }.joined(separator: ", ")); GET /sandbox/scenarios lists them"
        }
        return ScenarioLookupError(message: "unknown scenario '\(name)'\(header ? " in \(ScenarioLibrary.scenarioHeader)" : ""); \(list)")
    }
}
