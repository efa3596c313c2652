/// The documented result codes of one endpoint, in the document's order, with which mean success.
public struct CodeCatalogue: Sendable {
    public struct Entry: Sendable, Equatable {
        public let code: String
        /// Other names the same result answers to (an Open API `resultCodeId`).
        public let aliases: [String]
        public let isSuccess: Bool
    }

    public let entries: [Entry]

    public init(_ codes: [some ResultCode]) {
        entries = codes.map { Entry(code: $0.code, aliases: $0.aliases, isSuccess: $0.isSuccess) }
    }

    /// Every code and alias a scenario may name.
    public var documentedCodes: [String] { entries.flatMap { [$0.code] + $0.aliases } }

    /// The codes alone, to list when refusing one (aliases are accepted too).
    public var listedCodes: [String] { entries.map(\.code) }

    public func isSuccess(_ code: String) -> Bool {
        entries.contains { $0.isSuccess && ($0.code == code || $0.aliases.contains(code)) }
    }
}
