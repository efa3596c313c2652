import DanaSandboxAPIs
import SandboxStorage
import SandboxSupport

/// Everything `dana-sandbox serve` can be told, after flags, `DANA_SANDBOX_*` variables and
/// defaults are merged (in that order of precedence).
public struct ServeOptions: Equatable, Sendable {
    public typealias LogFormat = SandboxSupport.LogFormat
    public enum SignatureMode: String, Sendable, CaseIterable { case enforce, off }

    /// A `--partner [dana:|paylabs:]CLIENT_ID=PUBLIC_KEY_FILE` registration.
    public struct PartnerKey: Equatable, Sendable {
        public var clientID: String
        public var publicKeyPath: String
        /// nil: DANA for a new partner, unchanged for a known one.
        public var family: PartnerFamily?

        public init(clientID: String, publicKeyPath: String, family: PartnerFamily? = nil) {
            self.clientID = clientID
            self.publicKeyPath = publicKeyPath
            self.family = family
        }
    }

    public var host = "127.0.0.1"
    public var port = 8080
    public var database = ":memory:"
    /// nil: the seed built into the binary.
    public var seed: String?
    /// nil: the scenario library built into the binary.
    public var scenarios: String?
    /// nil: the demo keys built into the binary.
    public var keys: String?
    public var activeScenarios: [String] = []
    public var partners: [PartnerKey] = []
    /// `--partner-secret CLIENT_ID=SECRET`: a DANA partner's client secret (Open API and HMAC).
    public var partnerSecrets: [String: String] = [:]
    public var logFormat = LogFormat.text
    public var signatures = SignatureMode.enforce
    public var journalLimit = 1000
    /// How far X-TIMESTAMP or reqTime may be from the sandbox's clock, either way.
    public var timestampWindowSeconds = 900.0
    /// The Open API answer to a bad signature, which DANA does not document.
    public var openAPISignatureFailure = OpenAPIResult.invalidSignatureDefault
    public var adminToken: String?
    /// Requests with a larger body get 413.
    public var maxBodyBytes = 1024 * 1024
    /// A request that stalls this long mid-way gets 408 and is closed.
    public var readTimeoutSeconds = 30.0
    /// An idle keep-alive connection is closed after this long.
    public var idleTimeoutSeconds = 60.0
    /// `--strict`: a documented rule a request breaks is refused, not just reported.
    public var strict = false
    /// `--fixtures FILE`: JSON fixtures applied at start on top of the seed, in order.
    public var fixtures: [String] = []
    /// A session idle this long is dropped.
    public var sessionTTLSeconds = 600.0
    /// At most this many sessions live at once; the least recently used goes first.
    public var maxSessions = 256
    /// PEM certificates to trust for the https:// partner URLs of destination inquiries, instead
    /// of the system's store.
    public var caFile: String?
    /// Accept any certificate of a partner's https:// URL (self-signed development certificates).
    public var insecure = false

    /// The options the user set (by flag or variable), by flag name: a folder the user named must
    /// exist, while a default one may be missing.
    public var explicitlySet: Set<String> = []

    public init() {}
}
