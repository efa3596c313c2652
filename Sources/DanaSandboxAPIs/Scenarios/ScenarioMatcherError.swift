/// Why a `match` value is not a matcher, and the matcher key at fault when there is one.
struct ScenarioMatcherError: Error {
    let message: String
    let field: String?

    init(_ message: String, field: String? = nil) {
        self.message = message
        self.field = field
    }
}
