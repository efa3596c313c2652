/// An error that carries facts for the exchange's log line and journal entry (why a signature
/// failed, say) beside the answer its family renders.
public protocol AnnotatedError: Error {
    var annotations: [String: String] { get }
}
