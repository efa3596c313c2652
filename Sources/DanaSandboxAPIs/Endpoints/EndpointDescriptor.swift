/// What an endpoint declares about itself: the name scenario files and the journal use, the paths
/// it answers (all POST), its documented codes, and what a scenario may do to its answers.
public struct EndpointDescriptor: Sendable, Equatable, CustomStringConvertible {
    public let name: String
    public let paths: [String]
    public let catalogue: CodeCatalogue
    /// Members of the success answer that a `missing-field:NAME` fault may remove.
    public let successFields: [String]
    /// Whether answers carry a signature that a `bad-signature` fault can break.
    public let signsResponses: Bool

    public init(name: String, paths: [String], catalogue: CodeCatalogue, successFields: [String], signsResponses: Bool) {
        self.name = name
        self.paths = paths
        self.catalogue = catalogue
        self.successFields = successFields
        self.signsResponses = signsResponses
    }

    public var description: String { name }

    /// Codes a scenario's `resultCode` may name (with aliases, such as Open API ids).
    public var documentedCodes: [String] { catalogue.documentedCodes }

    /// Codes to list when refusing one.
    public var listedCodes: [String] { catalogue.listedCodes }

    public func isSuccess(_ code: String) -> Bool { catalogue.isSuccess(code) }

    public static func == (lhs: EndpointDescriptor, rhs: EndpointDescriptor) -> Bool { lhs.name == rhs.name }
}
