import SandboxCrypto
import SandboxHTTP
import SandboxJSON
import SandboxSupport

/// Checks a partner's answer to a destination inquiry against document 003 (docs/api-documents.md,
/// 003), collecting every broken rule with its JSON path, rather than stopping at the first.
struct InquiryResponseChecker {
    let sent: InquiryEnvelope
    let partnerKey: RSAPublicKey
    private(set) var violations: [Violation] = []

    init(sent: InquiryEnvelope, partnerKey: RSAPublicKey) {
        self.sent = sent
        self.partnerKey = partnerKey
    }

    private mutating func fail(_ rule: String, _ path: String, found: String, expected: String) {
        violations.append(Violation(rule, at: path, found: found, expected: expected))
    }

    /// Checks everything the answer to a valid, correctly signed inquiry must satisfy.
    mutating func check(_ response: ClientResponse) {
        guard [200, 201, 400, 401].contains(response.status) else {
            fail("http.status", "http.status", found: "\(response.status)", expected: "200, 201, 400 or 401")
            return
        }
        guard response.status == 200 || response.status == 201 else {
            fail("http.accepted", "http.status", found: "\(response.status) \(Self.excerpt(response.body))",
                 expected: "200 or 201: the inquiry was valid and signed with the key at GET /sandbox/keys")
            return
        }
        guard let document = try? JSONScanner.parse(response.body) else {
            fail("body.json", "body", found: Self.excerpt(response.body), expected: "a JSON object")
            return
        }
        guard let inner = document["response"], case .object = inner,
              let head = inner["head"], case .object = head, let body = inner["body"], case .object = body else {
            fail("envelope", "response", found: Self.excerpt(response.body), expected: "{\"response\":{\"head\":{…},\"body\":{…}},\"signature\":\"…\"}")
            return
        }
        checkSignature(response.body, document)
        checkHead(head)
        checkResults(body["inquiryResults"])
    }

    private mutating func checkSignature(_ bytes: [UInt8], _ document: JSONValue) {
        guard let text = document["signature"]?.stringValue, !text.isEmpty else {
            fail("signature", "signature", found: document["signature"].map { "\($0.text)" } ?? "no signature member", expected: "a Base64 RSA-SHA256 signature")
            return
        }
        guard let span = (try? JSONScanner.topLevelMembers(bytes))?.first(where: { $0.key == "response" }) else { return }
        let member = Array(bytes[span.valueRange])
        let verified = SignatureDecoding.base64(text).map { partnerKey.verify(signature: $0, message: member) } ?? false
        if !verified {
            fail("signature", "signature", found: "a signature that does not verify with key \(partnerKey.fingerprint)",
                 expected: "RSA-SHA256 over the exact response text (\(member.count) bytes, sha256 \(SHA256.hexDigest(member)))")
        }
    }

    private mutating func checkHead(_ head: JSONValue) {
        text(head["version"], "head.version", "response.head.version", 1...8)
        if head["function"]?.stringValue != InquiryEnvelope.function {
            fail("head.function", "response.head.function", found: Self.show(head["function"]), expected: InquiryEnvelope.function)
        }
        time(head["respTime"], "head.respTime", "response.head.respTime", required: true)
        if head["reqMsgId"]?.stringValue != sent.requestMessageID {
            fail("head.reqMsgId", "response.head.reqMsgId", found: Self.show(head["reqMsgId"]), expected: "\"\(sent.requestMessageID)\", the request's reqMsgId")
        }
    }

    private mutating func checkResults(_ value: JSONValue?) {
        let path = "response.body.inquiryResults"
        guard let results = value?.arrayValue else {
            fail("body.inquiryResults", path, found: Self.show(value), expected: "an array of inquiryResult objects")
            return
        }
        if results.count != sent.destinations.count {
            fail("body.inquiryResults", path, found: "\(results.count) results", expected: "\(sent.destinations.count), one per destination asked")
        }
        var answered: [DestinationInfo] = []
        for (index, result) in results.enumerated() {
            let at = "\(path)[\(index)]"
            guard case .object = result else {
                fail("body.inquiryResults", at, found: Self.show(result), expected: "an inquiryResult object")
                continue
            }
            text(result["inquiryId"], "result.inquiryId", "\(at).inquiryId", 1...64)
            let succeeded = checkStatus(result["inquiryStatus"], at: "\(at).inquiryStatus")
            if let destination = checkDestination(result["destinationInfo"], at: "\(at).destinationInfo") { answered.append(destination) }
            if succeeded {
                text(result["customerName"], "result.customerName", "\(at).customerName", 1...128)
                money(result["totalAmount"], "result.amounts", "\(at).totalAmount", required: true)
                money(result["baseAmount"], "result.amounts", "\(at).baseAmount", required: true)
            }
            checkOptionalFields(result, at: at)
        }
        for destination in sent.destinations where !answered.contains(where: { $0.primaryParam == destination.primaryParam }) {
            fail("body.inquiryResults", path, found: "no result for primaryParam \"\(destination.primaryParam)\"", expected: "one result per destination asked")
        }
    }

    /// True when the status is documented SUCCESS.
    private mutating func checkStatus(_ value: JSONValue?, at path: String) -> Bool {
        guard let status = value, case .object = status else {
            fail("result.inquiryStatus", path, found: Self.show(value), expected: "{\"code\",\"status\",\"message\"}")
            return false
        }
        let code = status["code"]?.stringValue ?? ""
        guard let documented = InquiryStatus.status(of: code) else {
            fail("result.inquiryStatus", "\(path).code", found: Self.show(status["code"]), expected: "one of \(InquiryStatus.codes.joined(separator: ", "))")
            return false
        }
        text(status["status"], "result.inquiryStatus", "\(path).status", 1...16)
        if let given = status["status"]?.stringValue, given != documented {
            fail("result.inquiryStatus", "\(path).status", found: "\"\(given)\"", expected: "\"\(documented)\" for code \(code)")
        }
        text(status["message"], "result.inquiryStatus", "\(path).message", 1...256)
        return documented == "SUCCESS"
    }

    private mutating func checkDestination(_ value: JSONValue?, at path: String) -> DestinationInfo? {
        guard let info = value, case .object = info, let primary = info["primaryParam"]?.stringValue else {
            fail("result.destinationInfo", path, found: Self.show(value), expected: "{\"primaryParam\":…} of a destination asked")
            return nil
        }
        text(info["primaryParam"], "result.destinationInfo", "\(path).primaryParam", 1...64)
        text(info["secondaryParam"], "result.destinationInfo", "\(path).secondaryParam", 0...64, required: false)
        money(info["billAmount"], "result.destinationInfo", "\(path).billAmount", required: false)
        guard sent.destinations.contains(where: { $0.primaryParam == primary }) else {
            fail("result.destinationInfo", "\(path).primaryParam", found: "\"\(primary)\"",
                 expected: "one of the primaryParams asked: \(sent.destinations.map { "\"\($0.primaryParam)\"" }.joined(separator: ", "))")
            return nil
        }
        return DestinationInfo(primaryParam: primary, secondaryParam: info["secondaryParam"]?.stringValue)
    }

    // MARK: - Optional fields

    private enum Kind {
        case text(ClosedRange<Int>), money, time, number, periods, jsonString, detailAmount
    }

    /// Document 003's optional and conditional members of an inquiryResult. Conditional ones
    /// depend on the product's bizType, which the inquiry does not carry: their types are checked
    /// when present, their presence is not.
    private static let optionalFields: [(String, Kind)] = [
        ("period", .periods), ("adminFee", .money), ("providerName", .text(1...128)), ("fineAmount", .money),
        ("minimumPayAmount", .money), ("maximumPayAmount", .money), ("dueDate", .time), ("paymentCount", .number),
        ("familyNumber", .text(1...64)), ("familyCount", .number), ("detailAmount", .detailAmount),
        ("policeNumber", .text(1...128)), ("address", .text(1...256)), ("standMeter", .text(1...64)), ("usage", .text(1...64)),
        ("tagNonAir", .money), ("load", .text(1...64)), ("amount", .text(1...128)), ("meterNumber", .text(1...128)),
        ("fare", .text(1...128)), ("totalEnergy", .text(1...128)), ("refNumber", .text(1...128)), ("type", .text(1...64)),
        ("certificateNumber", .text(1...128)), ("phoneNumber", .text(1...64)), ("startDate", .time), ("endDate", .time),
        ("respMapping", .text(1...128)), ("flowId", .text(1...64)), ("customerIdNumber", .text(1...128)), ("owned", .text(1...64)),
        ("brand", .text(1...128)), ("model", .text(1...128)), ("machineNumber", .text(1...128)), ("frameNumber", .text(1...128)),
        ("yearOfProduction", .text(1...128)), ("newTaxExpirationDate", .time), ("extendInfo", .jsonString),
    ]

    private static let billDetailFields: [(String, Kind, Bool)] = [
        ("customerName", .text(1...128), true), ("invoiceNumber", .text(1...128), true), ("amount", .money, true),
        ("description", .text(1...256), true), ("billDate", .time, false), ("billInfo", .text(1...128), false),
        ("billItemId", .text(1...64), false), ("fineAmount", .money, false), ("dueDate", .time, false), ("expiredDate", .time, false),
    ]

    private mutating func checkOptionalFields(_ result: JSONValue, at path: String) {
        for (name, kind) in Self.optionalFields {
            guard let value = result[name], !value.isNull else { continue }
            check(value, kind, rule: "result.optionalFields", path: "\(path).\(name)")
        }
        guard let details = result["billDetail"], !details.isNull else { return }
        guard let items = details.arrayValue else {
            fail("result.billDetail", "\(path).billDetail", found: Self.show(details), expected: "an array of billDetail objects")
            return
        }
        for (index, item) in items.enumerated() {
            for (name, kind, required) in Self.billDetailFields {
                let at = "\(path).billDetail[\(index)].\(name)"
                guard let value = item[name], !value.isNull else {
                    if required { fail("result.billDetail", at, found: "nothing", expected: "a value: it is required") }
                    continue
                }
                check(value, kind, rule: "result.billDetail", path: at)
            }
        }
    }

    private mutating func check(_ value: JSONValue, _ kind: Kind, rule: String, path: String) {
        switch kind {
        case .text(let lengths): text(value, rule, path, lengths)
        case .money: money(value, rule, path, required: false)
        case .time: time(value, rule, path, required: false)
        case .number:
            if value.numberLexeme.map({ (1...8).contains($0.count) }) != true {
                fail(rule, path, found: Self.show(value), expected: "a number of 1 to 8 characters")
            }
        case .periods:
            let periods = value.arrayValue ?? []
            if value.arrayValue == nil || periods.contains(where: { Self.isTimestamp($0.stringValue, jakarta: false) == false }) {
                fail(rule, path, found: Self.show(value), expected: "an array of YYYY-MM-DDTHH:mm:ss+00:00 strings")
            }
        case .jsonString:
            guard let text = value.stringValue, (1...4096).contains(text.count), (try? JSONScanner.parse(Array(text.utf8))) != nil else {
                fail(rule, path, found: Self.show(value), expected: "a string of 1 to 4096 characters holding JSON")
                return
            }
        case .detailAmount:
            guard case .object = value else {
                fail(rule, path, found: Self.show(value), expected: "{\"period\":…,\"amount\":{money}}")
                return
            }
            text(value["period"], rule, "\(path).period", 1...64)
            money(value["amount"], rule, "\(path).amount", required: true)
        }
    }

    // MARK: - Value rules

    private mutating func text(_ value: JSONValue?, _ rule: String, _ path: String, _ lengths: ClosedRange<Int>, required: Bool = true) {
        guard let value, !value.isNull else {
            if required { fail(rule, path, found: "nothing", expected: "a string of \(lengths.lowerBound) to \(lengths.upperBound) characters") }
            return
        }
        guard let text = value.stringValue, lengths.contains(text.count) else {
            fail(rule, path, found: Self.show(value), expected: "a string of \(lengths.lowerBound) to \(lengths.upperBound) characters")
            return
        }
    }

    /// `{"value":"20000000","currency":"IDR"}`: the value in the smallest unit, digits only.
    private mutating func money(_ value: JSONValue?, _ rule: String, _ path: String, required: Bool) {
        let expected = "money: {\"value\": 1 to 19 digits in the smallest unit, \"currency\": 1 to 3 characters}"
        guard let value, !value.isNull else {
            if required { fail(rule, path, found: "nothing", expected: expected) }
            return
        }
        guard case .object = value, let amount = value["value"]?.stringValue, (1...19).contains(amount.count),
              amount.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let currency = value["currency"]?.stringValue, (1...3).contains(currency.count) else {
            fail(rule, path, found: Self.show(value), expected: expected)
            return
        }
    }

    private mutating func time(_ value: JSONValue?, _ rule: String, _ path: String, required: Bool) {
        guard let value, !value.isNull else {
            if required { fail(rule, path, found: "nothing", expected: "YYYY-MM-DDTHH:mm:ss+07:00") }
            return
        }
        if !Self.isTimestamp(value.stringValue, jakarta: true) {
            fail(rule, path, found: Self.show(value), expected: "YYYY-MM-DDTHH:mm:ss+07:00 (25 characters, Jakarta time)")
        }
    }

    /// 25 characters, seconds precision, and the +07:00 offset when `jakarta`.
    private static func isTimestamp(_ text: String?, jakarta: Bool) -> Bool {
        guard let text, text.count == 25, SignatureTimestamp.parse(text) != nil else { return false }
        return !jakarta || text.hasSuffix("+07:00")
    }

    // MARK: - Showing what was found

    static func show(_ value: JSONValue?) -> String {
        guard let value else { return "nothing" }
        let text = value.text
        return text.count > 120 ? String(text.prefix(117)) + "..." : text
    }

    static func excerpt(_ bytes: [UInt8]) -> String {
        if bytes.isEmpty { return "an empty body" }
        let text = String(decoding: bytes.prefix(120), as: UTF8.self)
        return bytes.count > 120 ? "\"\(text)...\"" : "\"\(text)\""
    }
}
