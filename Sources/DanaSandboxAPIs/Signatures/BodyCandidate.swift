/// One text a client may have hashed for a SNAP or Paylabs signature, with a label for logs and
/// journal entries: `raw`, `whitespace-removed`, `canonical` or `canonical-without-nulls`.
public struct BodyCandidate: Equatable, Sendable {
    public let label: String
    public let bytes: [UInt8]

    public init(label: String, bytes: [UInt8]) {
        self.label = label
        self.bytes = bytes
    }
}
