import SandboxCrypto
import SandboxHTTP
import SandboxSupport
import SandboxJSON
import SandboxStorage

/// What the sandbox makes of a request's signature, without acting on the request: the string to
/// sign it expects for each body form, which form (if any) the signature verifies over, and what
/// keeps it from being checked at all. The console's signature helper shows it.
public struct SignatureExplanation: Sendable {
    public struct Form: Sendable {
        public let label: String
        public let bodyHash: String?
        public let stringToSign: String
        public let verifies: Bool
    }

    public let family: String
    public let scheme: String
    public var partner: String?
    public var key: String?
    public var forms: [Form] = []
    /// What makes the sandbox refuse the request whatever its signature (a header missing or
    /// malformed, an unknown or inactive partner, a stale timestamp, an unknown token).
    public var problems: [String] = []
    /// False under `--signatures off`, where any signature is accepted.
    public let enforced: Bool
    let context: AuthenticationContext

    public init(family: String, scheme: String, context: AuthenticationContext) {
        self.family = family
        self.scheme = scheme
        self.context = context
        enforced = context.settings.enforce
    }

    public var verifies: Bool { forms.contains(where: \.verifies) }

    /// Adds the forms a SNAP or Paylabs body is hashed in, each with its string to sign, and
    /// whether `presented` verifies over it.
    mutating func addHashedForms(of body: [UInt8], paylabs: Bool, stringToSign: (String) -> String, verifies: (String) -> Bool) {
        let candidates = paylabs ? BodyCandidates.forPaylabs(body) : BodyCandidates.forSNAP(body)
        forms = BodyCandidates.hashes(candidates).map { hash in
            let text = stringToSign(hash.hash)
            return Form(label: hash.label, bodyHash: hash.hash, stringToSign: text, verifies: verifies(text))
        }
    }

    /// The partner `id` names, or a problem saying it names none of `family`; an inactive one is
    /// returned (its key still checks the signature) with a problem.
    mutating func partner(_ id: String?, header: String, family wanted: PartnerFamily, in stores: Stores) throws -> Partner? {
        guard let id, !id.isEmpty else {
            problems.append("\(header) is missing")
            return nil
        }
        partner = id
        guard let found = try stores.partners.partner(id), found.family == wanted else {
            problems.append("\(header) \(id) is no \(wanted.rawValue) partner of this sandbox")
            return nil
        }
        if !found.isActive { problems.append("partner \(id) is not active: the sandbox refuses it whatever the signature") }
        return found
    }

    /// The timestamp header as sent (it is part of the string to sign), with a problem when it is
    /// missing, malformed or outside the window of the sandbox's clock.
    mutating func timestamp(_ text: String?, name: String = "X-TIMESTAMP") -> String {
        guard let text, !text.isEmpty else {
            problems.append("\(name) is missing")
            return ""
        }
        guard let sent = SignatureTimestamp.parse(text) else {
            problems.append("\(name) '\(text)' is not an ISO-8601 time such as 2026-11-21T10:00:00+07:00")
            return text
        }
        if !context.settings.isWithinWindow(sent, now: context.now()) {
            problems.append("\(name) is outside the \(context.settings.windowDescription) window of the sandbox's clock: the request would be refused for it")
        }
        return text
    }

    /// The `X-SIGNATURE` (or envelope signature) bytes, or a problem.
    mutating func presented(_ text: String?, name: String, hexToo: Bool = false) -> [UInt8]? {
        guard let text, !text.isEmpty else {
            problems.append("\(name) is missing")
            return nil
        }
        guard let bytes = hexToo ? SignatureDecoding.base64OrHex(text) : SignatureDecoding.base64(text) else {
            problems.append("\(name) is not base64")
            return nil
        }
        return bytes
    }

    /// An RSA key's check of `text`, recording which key was used.
    mutating func rsaVerifier(_ partner: Partner?) -> (String, [UInt8]?) -> Bool {
        guard let partner else { return { _, _ in false } }
        do {
            let publicKey = try context.partners.publicKey(of: partner)
            key = publicKey.fingerprint
            return { text, signature in signature.map { publicKey.verify(signature: $0, message: Array(text.utf8)) } ?? false }
        } catch {
            problems.append("partner \(partner.clientID) has no usable public key: \(error)")
            return { _, _ in false }
        }
    }

    public var json: JSONValue {
        .fields([
            "family": .string(family),
            "scheme": .string(scheme),
            "partner": partner.map(JSONValue.string),
            "key": key.map(JSONValue.string),
            "verifies": .bool(verifies),
            "enforced": .bool(enforced),
            "stringToSign": (forms.first(where: \.verifies) ?? forms.first).map { .string($0.stringToSign) },
            "forms": .array(forms.map { form in
                .fields([
                    "label": .string(form.label),
                    "bodyHash": form.bodyHash.map(JSONValue.string),
                    "stringToSign": .string(form.stringToSign),
                    "verifies": .bool(form.verifies),
                ])
            }),
            "problems": .array(problems.map(JSONValue.string)),
        ])
    }
}
