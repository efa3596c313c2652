import Foundation
import SandboxHTTP

/// What both Open API handlers share: authenticate, then answer in the signed envelope; an
/// internal failure answers SYSTEM_ERROR in the same envelope, never a bare 500.
public struct OpenAPIEndpoint: Sendable {
    let function: String
    let authenticator: OpenAPIAuthenticator
    let responder: OpenAPIResponder
    let logger: Logger

    public init(function: String, authenticator: OpenAPIAuthenticator, responder: OpenAPIResponder, logger: Logger) {
        self.function = function
        self.authenticator = authenticator
        self.responder = responder
        self.logger = logger
    }

    /// The outcome of the business step: a result and the body members after resultInfo.
    public struct Answer {
        public let result: OpenAPIResult
        public let members: [JSONMember]

        public init(_ result: OpenAPIResult, _ members: [JSONMember] = []) {
            self.result = result
            self.members = members
        }
    }

    public func handle(_ request: HTTPRequest, _ business: (OpenAPIRequest, Partner) throws -> Answer) -> Reply {
        var envelope: OpenAPIRequest?
        do {
            switch try authenticator.authenticate(request, function: function) {
            case .rejected(let result, let parsed):
                return responder.reply(function: function, request: parsed, result: result)
            case .accepted(let parsed, let partner):
                envelope = parsed
                let answer = try business(parsed, partner)
                return responder.reply(function: function, request: parsed, result: answer.result, body: answer.members)
            }
        } catch {
            logger.log(.error, "\(function) failed", [("error", .string("\(error)"))])
            return responder.reply(function: function, request: envelope, result: OpenAPICatalog.systemError)
        }
    }

    /// PARAM_ILLEGAL naming the field.
    public static func illegal(_ field: String) -> Answer {
        Answer(OpenAPICatalog.paramIllegal.with(message: "parameter illegal: \(field)"))
    }

    /// A list of strings from `body[key]`: nil when missing, empty or not all strings.
    public static func stringList(_ body: JSONValue, _ key: String) -> [String]? {
        guard let items = body[key]?.arrayValue, !items.isEmpty else { return nil }
        let strings = items.compactMap(\.stringValue)
        return strings.count == items.count ? strings : nil
    }
}
