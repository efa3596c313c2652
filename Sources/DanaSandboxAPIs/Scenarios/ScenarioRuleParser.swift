import SandboxHTTP
import SandboxJSON

/// The rule part of a scenario file, field by field.
enum ScenarioRuleParser {
    static let keys = ["endpoint", "match", "times", "delayMs", "respond", "beforeAuth"]

    static func parse(_ value: JSONValue, at path: String, fail: (String, String) -> Void) -> ScenarioRule? {
        guard let members = value.objectMembers else {
            fail(path, "must be an object with endpoint and respond")
            return nil
        }
        var valid = true
        func problem(_ field: String, _ message: String) {
            valid = false
            fail("\(path).\(field)", message)
        }
        for member in members where !keys.contains(member.key) {
            problem(member.key, "unknown key; a rule has \(keys.joined(separator: ", "))")
        }

        var endpoint: EndpointDescriptor?
        switch value["endpoint"]?.stringValue {
        case "*": endpoint = nil
        case let name? where EndpointRegistry.descriptor(named: name) != nil: endpoint = EndpointRegistry.descriptor(named: name)
        case let name?: problem("endpoint", "'\(name)' is not an endpoint; valid: \(validEndpoints)")
        case nil: problem("endpoint", "is required: one of \(validEndpoints)")
        }

        var match: [(key: String, matcher: ScenarioMatcher)] = []
        if let matchValue = value["match"] {
            if let conditions = matchValue.objectMembers {
                for condition in conditions {
                    let key = condition.key
                    guard (key.hasPrefix("body.") && key.count > 5) || (key.hasPrefix("header.") && key.count > 7) else {
                        problem("match.\(key)", "keys are body.<dotted path> or header.<name>")
                        continue
                    }
                    do throws(ScenarioMatcherError) {
                        match.append((key, try ScenarioMatcher.parse(condition.value)))
                    } catch {
                        problem("match.\(key)" + (error.field.map { ".\($0)" } ?? ""), error.message)
                    }
                }
            } else {
                problem("match", "must be an object of body.<path> or header.<name> keys")
            }
        }

        var times: Int?
        if let timesValue = value["times"], !timesValue.isNull {
            if let number = timesValue.intValue, number >= 1 { times = number } else { problem("times", "must be a whole number of at least 1") }
        }
        var delay = 0
        if let delayValue = value["delayMs"], !delayValue.isNull {
            if let number = delayValue.intValue, (0...600_000).contains(number) { delay = number } else { problem("delayMs", "must be a whole number of milliseconds from 0 to 600000") }
        }

        var beforeAuth = false
        if let flag = value["beforeAuth"], !flag.isNull {
            if let bool = flag.boolValue { beforeAuth = bool } else { problem("beforeAuth", "must be true or false") }
        }

        let respond = parseRespond(value["respond"], endpoint: endpoint, endpointGiven: value["endpoint"]?.stringValue != nil, problem: problem)
        guard valid, let respond else { return nil }
        return ScenarioRule(endpoint: endpoint, match: match, times: times, delayMilliseconds: delay, respond: respond, beforeAuth: beforeAuth)
    }

    private static var validEndpoints: String {
        (EndpointRegistry.names + ["*"]).joined(separator: ", ")
    }

    /// The endpoints whose answers are signed, listed as a sentence.
    private static var signingEndpoints: String {
        let names = EndpointRegistry.descriptors.filter(\.signsResponses).map(\.name)
        return names.count > 1 ? names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1] : names.joined()
    }

    private static func parseRespond(_ value: JSONValue?, endpoint: EndpointDescriptor?, endpointGiven: Bool, problem: (String, String) -> Void) -> ScenarioResponse? {
        guard let value, let members = value.objectMembers else {
            problem("respond", "is required: {\"resultCode\":…}, {\"fault\":…} or {\"status\":…,\"headers\":…,\"body\":…}")
            return nil
        }
        let kinds = ["resultCode", "fault", "status"].filter { value[$0] != nil }
        guard kinds.count == 1 else {
            problem("respond", "needs exactly one of resultCode, fault or status")
            return nil
        }
        let allowed: [String] = switch kinds[0] {
        case "resultCode": ["resultCode"]
        case "fault": ["fault", "afterMs"]
        default: ["status", "headers", "body"]
        }
        for member in members where !allowed.contains(member.key) {
            problem("respond.\(member.key)", "unknown key with \(kinds[0]); allowed: \(allowed.joined(separator: ", "))")
        }

        switch kinds[0] {
        case "resultCode":
            guard let code = value["resultCode"]?.stringValue else {
                problem("respond.resultCode", "must be a string")
                return nil
            }
            guard let endpoint else {
                if endpointGiven { problem("respond.resultCode", "needs a specific endpoint, not *: codes differ per endpoint") }
                return nil
            }
            guard endpoint.documentedCodes.contains(code) else {
                problem("respond.resultCode", "'\(code)' is not a documented code of \(endpoint.name); valid: \(endpoint.listedCodes.joined(separator: ", "))")
                return nil
            }
            return .resultCode(code)
        case "fault":
            guard let text = value["fault"]?.stringValue else {
                problem("respond.fault", "must be a string: one of \(ScenarioFault.names.joined(separator: ", "))")
                return nil
            }
            var afterMs = ScenarioFault.defaultTimeoutMilliseconds
            if let after = value["afterMs"] {
                guard text == "timeout" else {
                    problem("respond.afterMs", "applies to the timeout fault only")
                    return nil
                }
                guard let number = after.intValue, (0...600_000).contains(number) else {
                    problem("respond.afterMs", "must be a whole number of milliseconds from 0 to 600000")
                    return nil
                }
                afterMs = number
            }
            let fault: ScenarioFault
            switch text {
            case "timeout": fault = .timeout(afterMilliseconds: afterMs)
            case "drop": fault = .drop
            case "reset": fault = .reset
            case "empty-body": fault = .emptyBody
            case "malformed-json": fault = .malformedJSON
            case "unknown-code": fault = .unknownCode
            case "bad-signature": fault = .badSignature
            case let field where field.hasPrefix("missing-field:"):
                let name = String(field.dropFirst("missing-field:".count))
                if let endpoint, !endpoint.successFields.contains(name) {
                    problem("respond.fault", "\(endpoint.name) answers have no member '\(name)'; valid: \(endpoint.successFields.joined(separator: ", "))")
                    return nil
                }
                guard !name.isEmpty else {
                    problem("respond.fault", "missing-field needs a member name, e.g. missing-field:customerName")
                    return nil
                }
                fault = .missingField(name)
            default:
                problem("respond.fault", "'\(text)' is not a fault; valid: \(ScenarioFault.names.joined(separator: ", "))")
                return nil
            }
            if fault == .badSignature, let endpoint, !endpoint.signsResponses {
                problem("respond.fault", "\(endpoint.name) responses carry no signature; bad-signature applies to \(signingEndpoints)")
                return nil
            }
            return .fault(fault)
        default:
            // 1xx are interim responses: a body after one would desynchronise the connection.
            guard let status = value["status"]?.intValue, (200...599).contains(status) else {
                problem("respond.status", "must be an HTTP status from 200 to 599")
                return nil
            }
            var headers: [String: String] = [:]
            if let headerValue = value["headers"] {
                guard let pairs = headerValue.objectMembers, pairs.allSatisfy({ $0.value.stringValue != nil }) else {
                    problem("respond.headers", "must be an object of header names to string values")
                    return nil
                }
                for pair in pairs {
                    let text = pair.value.stringValue ?? ""
                    guard HTTPHeaders.isValidName(pair.key) else {
                        problem("respond.headers.\(pair.key)", "is not a valid header name")
                        return nil
                    }
                    guard !text.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0x00 }) else {
                        problem("respond.headers.\(pair.key)", "must not contain CR, LF or NUL")
                        return nil
                    }
                    headers[pair.key] = text
                }
            }
            var body = ""
            if let bodyValue = value["body"] {
                guard let text = bodyValue.stringValue else {
                    problem("respond.body", "must be a string: the raw body text")
                    return nil
                }
                body = text
            }
            if (status == 204 || status == 304) && !body.isEmpty {
                problem("respond.body", "a \(status) response has no body")
                return nil
            }
            return .raw(status: status, headers: headers, body: body)
        }
    }
}
