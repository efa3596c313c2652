import CLibCrypto

/// A failed OpenSSL call, with OpenSSL's own reason when it gave one.
public struct CryptoError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    /// `what`, followed by the reasons OpenSSL queued (and drains the queue, which is per thread).
    static func fromOpenSSL(_ what: String) -> CryptoError {
        var reasons: [String] = []
        while case let code = ERR_get_error(), code != 0 {
            if let reason = ERR_reason_error_string(code) { reasons.append(String(cString: reason)) }
        }
        return CryptoError(reasons.isEmpty ? what : "\(what): \(reasons.joined(separator: "; "))")
    }

    public var description: String { message }
}
