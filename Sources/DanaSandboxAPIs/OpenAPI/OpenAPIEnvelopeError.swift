/// Why a body is not an Open API envelope.
public struct OpenAPIEnvelopeError: Error, Sendable, Equatable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }
}
