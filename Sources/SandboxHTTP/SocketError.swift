#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed system call, with `errno` and its text, so a start-up failure can say exactly what
/// went wrong ("bind 127.0.0.1:8080: Address already in use").
public struct SocketError: Error, Sendable, CustomStringConvertible {
    public let operation: String
    public let errorNumber: Int32
    public let detail: String

    public init(_ operation: String, errorNumber: Int32 = errno) {
        self.operation = operation
        self.errorNumber = errorNumber
        self.detail = String(cString: strerror(errorNumber))
    }

    public init(_ operation: String, detail: String) {
        self.operation = operation
        self.errorNumber = 0
        self.detail = detail
    }

    public var description: String { "\(operation): \(detail)" }

    public var isAddressInUse: Bool { errorNumber == EADDRINUSE }
}
