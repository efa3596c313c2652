import SandboxJSON

/// A documented refusal a handler throws: the family's code and any members the answer carries
/// beside it (a debug message, an echoed number). The endpoint's family renders it.
public struct Rejection<Code: ResultCode>: Error {
    public let code: Code
    public let members: [JSONMember]

    public init(_ code: Code, _ members: [JSONMember] = []) {
        self.code = code
        self.members = members
    }
}
