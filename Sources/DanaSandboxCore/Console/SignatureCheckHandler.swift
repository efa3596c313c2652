import DanaSandboxAPIs
import SandboxHTTP
import SandboxJSON
import SandboxStorage

/// `GET /sandbox/signature-check` lists the paths; `POST` `{"method","path","headers","body"}`: what the sandbox makes of
/// a pasted request's signature (the console's signature helper). `headers` is an object or the
/// header lines as one string; `body` is the exact text sent. Nothing is spent or recorded: no
/// `X-EXTERNAL-ID`, no scenario counter, no session made or touched; what the real check would
/// refuse before the signature (a stale timestamp, an inactive partner) is listed as a problem.
public struct SignatureCheckHandler: RequestHandler {
    public static let path = "/sandbox/signature-check"

    let services: EndpointServices

    public init(services: EndpointServices) {
        self.services = services
    }

    /// `GET`: the paths a request can be checked for, each with its endpoint's name.
    public func endpoints(_ request: HTTPRequest) -> Reply {
        let endpoints = EndpointRegistry.descriptors.flatMap { descriptor in
            descriptor.paths.map { JSONValue.fields(["name": .string(descriptor.name), "path": .string($0)]) }
        }
        return .respond(.json(.ok, JSONValue.fields(["endpoints": .array(endpoints)]).text))
    }

    public func handle(_ request: HTTPRequest) -> Reply {
        guard let document = try? JSONScanner.parse(request.body), let path = document["path"]?.stringValue else {
            return refuse("The body must be {\"method\":\"POST\",\"path\":\"/…\",\"headers\":{…} or \"Name: value\\n…\",\"body\":\"…\"}.")
        }
        guard let endpoint = EndpointRegistry.endpoints.first(where: { $0.descriptor.paths.contains(path) }) else {
            let paths = EndpointRegistry.descriptors.flatMap(\.paths).joined(separator: ", ")
            return refuse("\(path) is no emulated endpoint; the paths are \(paths)")
        }
        var headers = HTTPHeaders()
        switch document["headers"] {
        case .object(let members)?:
            for member in members {
                guard let value = member.value.stringValue else { return refuse("header \(member.key) must be a string") }
                headers.add(member.key, value)
            }
        case .string(let lines)?:
            for line in lines.split(whereSeparator: \.isNewline) where !line.allSatisfy(\.isWhitespace) {
                guard let colon = line.firstIndex(of: ":") else { return refuse("the header line '\(line)' has no ':'") }
                headers.add(line[..<colon].trimmingCharacters(in: .whitespaces), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            }
        case nil, .null?:
            break
        default:
            return refuse("headers must be an object of strings or the header lines as one string")
        }
        let method = HTTPMethod((document["method"]?.stringValue ?? "POST").uppercased())
        let pasted = HTTPRequest(method: method, target: path, headers: headers, body: Array((document["body"]?.stringValue ?? "").utf8))
        do {
            var missingSession: String?
            var store = services.databases.shared
            if let session = pasted.sandboxSession {
                if let existing = services.databases.existingStore(for: session) { store = existing } else { missingSession = session }
            }
            var explanation = try endpoint.explainSignature(pasted, services.authentication, Stores(store))
            if let missingSession {
                explanation.problems.append("session \(missingSession) does not exist (yet): checked against the shared data")
            }
            var json = explanation.json
            if case .object(let members) = json {
                json = .object([JSONMember(key: "endpoint", value: .string(endpoint.descriptor.name))] + members)
            }
            return .respond(.json(.ok, json.text))
        } catch {
            return .respond(.jsonError(.internalServerError, message: "cannot check the signature: \(error)"))
        }
    }

    private func refuse(_ message: String) -> Reply {
        .respond(.jsonError(.badRequest, message: message))
    }
}
