import SandboxHTTP

extension HTTPHeaders {
    /// The value of `name`, or `failure` when it is absent or empty.
    func required<Failure: Error>(_ name: String, else failure: @autoclosure () -> Failure) throws(Failure) -> String {
        guard let value = self[name], !value.isEmpty else { throw failure() }
        return value
    }
}
