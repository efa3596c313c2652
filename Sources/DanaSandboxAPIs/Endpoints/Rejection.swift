import SandboxJSON

/// A documented refusal a handler throws: the family's code and any members the answer carries
/// beside it (a debug message, an echoed number). The endpoint's family renders it.
public struct Rejection<Code: ResultCode>: AnnotatedError {
    public let code: Code
    public let members: [JSONMember]
    public let annotations: [String: String]

    public init(_ code: Code, _ members: [JSONMember] = [], annotations: [String: String] = [:]) {
        self.code = code
        self.members = members
        self.annotations = annotations
    }
}
