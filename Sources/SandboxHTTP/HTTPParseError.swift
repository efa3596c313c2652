/// Why a request could not be framed. Each error answers with one status and closes the
/// connection, because after a framing error the next request's start cannot be trusted
/// (RFC 9112 §11.2).
public struct HTTPParseError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        case invalidRequestLine
        case invalidMethod
        case invalidTarget
        case unsupportedVersion
        case requestLineTooLong
        case invalidHeader
        case headerBlockTooLarge
        case missingHost
        case invalidContentLength
        case contentLengthWithTransferEncoding
        case unsupportedTransferEncoding
        case invalidChunk
        case bodyTooLarge
        case unsupportedExpectation
    }

    public let kind: Kind
    /// One human sentence, sent in the error body and logged.
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    public static func == (lhs: HTTPParseError, rhs: HTTPParseError) -> Bool { lhs.kind == rhs.kind }

    /// The status the server answers with.
    public var status: HTTPStatus {
        switch kind {
        case .unsupportedVersion: .httpVersionNotSupported
        case .requestLineTooLong: .uriTooLong
        case .headerBlockTooLarge: .requestHeaderFieldsTooLarge
        case .unsupportedTransferEncoding: .notImplemented
        case .bodyTooLarge: .contentTooLarge
        case .unsupportedExpectation: .expectationFailed
        default: .badRequest
        }
    }
}
