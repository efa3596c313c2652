import SandboxCrypto
import SandboxHTTP
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
    /// What is missing or wrong before a signature can be checked (a header, the partner).
    public var problems: [String] = []

    public init(family: String, scheme: String) {
        self.family = family
        self.scheme = scheme
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

    /// The partner `id` names, or a problem saying it names none of `family`.
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
        return found
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
    mutating func rsaVerifier(_ partner: Partner?, directory: PartnerDirectory) -> (String, [UInt8]?) -> Bool {
        guard let partner else { return { _, _ in false } }
        do {
            let publicKey = try directory.publicKey(of: partner)
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
