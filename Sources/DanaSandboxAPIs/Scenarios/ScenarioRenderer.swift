import SandboxHTTP
import SandboxJSON

/// Turns a rule's `respond` into a reply in the endpoint's real envelope: a forced code with its
/// documented message, HTTP status and signature, or a fault built from the real answer. The
/// envelope is the endpoint's family's business; this type only picks what to ask of it.
public enum ScenarioRenderer {
    public static func render(_ response: ScenarioResponse, endpoint: EndpointDescriptor, family: any APIFamily, request: HTTPRequest, body: JSONValue?, real: () -> Reply) -> Reply {
        switch response {
        case .resultCode(let code):
            // A success code lets the request through to the store-backed answer.
            return endpoint.isSuccess(code) ? real() : .respond(family.documented(code, for: request, body: body))
        case .raw(let status, let headers, let text):
            var response = HTTPResponse(status: HTTPStatus(code: status), body: Array(text.utf8))
            for (name, value) in headers.sorted(by: { $0.key < $1.key }) { response.headers.add(name, value) }
            return .respond(response)
        case .fault(let fault):
            return render(fault, family: family, request: request, body: body, real: real)
        }
    }

    private static func render(_ fault: ScenarioFault, family: any APIFamily, request: HTTPRequest, body: JSONValue?, real: () -> Reply) -> Reply {
        switch fault {
        case .timeout(let milliseconds): return .hold(milliseconds: milliseconds)
        case .drop: return .close
        case .reset: return .reset
        case .emptyBody: return .respond(family.emptyBody())
        case .unknownCode: return .respond(family.undocumentedCode(for: request, body: body))
        case .malformedJSON:
            return modifying(real()) { response in
                var cut = response
                // Half of a JSON object always ends inside it: no parser accepts it.
                cut.body = Array(response.body.prefix(max(1, response.body.count / 2)))
                return cut
            }
        case .missingField(let field):
            return modifying(real()) { family.removing(field, from: $0) }
        case .badSignature:
            return modifying(real()) { family.forgingSignature(of: $0) }
        }
    }

    private static func modifying(_ reply: Reply, _ change: (HTTPResponse) -> HTTPResponse) -> Reply {
        switch reply {
        case .respond(let response): return .respond(change(response))
        case .annotated(let annotations, let inner): return .annotated(annotations, modifying(inner, change))
        default: return reply
        }
    }
}
