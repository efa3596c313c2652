/// Every problem found in a scenarios folder: all are reported at once, so one run of
/// `dana-sandbox scenarios check` shows everything to fix.
public struct ScenarioLoadFailure: Error, Equatable, Sendable {
    public let errors: [ScenarioLoadError]

    /// The first problem, with a count of the rest: for a one-line start-up error.
    public var summary: String {
        guard let first = errors.first else { return "no problem" }
        return errors.count == 1 ? first.description : "\(first.description) (and \(errors.count - 1) more problems)"
    }
}
