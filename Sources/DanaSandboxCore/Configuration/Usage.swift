/// The text of `dana-sandbox --help` and of each command's `--help`.
public enum Usage {
    /// The version `--version`, `/health` and `make dist` report: kept here and nowhere else (the
    /// Makefile reads it from this line).
    public static let version = "0.2.0"

    /// A command with a help page of its own.
    public enum Topic: String, Sendable, CaseIterable {
        case serve, sign, scenarios, initialize = "init", destinationInquiry = "destination-inquiry"
    }

    /// The whole page: every command and the options of `serve`.
    public static var text: String {
        [header, commands, serve, sign, destinationInquiry, footer].joined(separator: "\n\n")
    }

    /// One command's page.
    public static func text(for topic: Topic) -> String {
        switch topic {
        case .serve: [header, "Usage: dana-sandbox serve [OPTIONS]", serve, footer].joined(separator: "\n\n")
        case .sign: [header, "Usage: dana-sandbox sign FAMILY [OPTIONS]", sign].joined(separator: "\n\n")
        case .scenarios: [header, scenarios].joined(separator: "\n\n")
        case .initialize: [header, initialize].joined(separator: "\n\n")
        case .destinationInquiry: [header, "Usage: dana-sandbox destination-inquiry URL [OPTIONS]", destinationInquiry].joined(separator: "\n\n")
        }
    }

    /// The one line a usage error ends with, pointing at the page that explains.
    public static func hint(for topic: Topic?) -> String {
        "Run 'dana-sandbox \(topic.map { $0.rawValue + " " } ?? "")--help' for usage."
    }

    private static let header = "dana-sandbox \(version): an offline sandbox of the DANA and Paylabs partner APIs"

    private static let commands = """
    Usage:
      dana-sandbox serve [OPTIONS]    serve the sandbox until SIGTERM or SIGINT
      dana-sandbox sign FAMILY [OPTIONS]
                                      sign a request as a partner would, for curl
      dana-sandbox scenarios check [DIR]
                                      validate scenario files without serving
      dana-sandbox destination-inquiry URL [OPTIONS]
                                      play DANA against a partner's destination-inquiry endpoint;
                                      exit 0 when its answer is conformant, 1 when not
      dana-sandbox init DIR           write editable copies of the built-in seed, scenarios and keys
      dana-sandbox --help             this text; COMMAND --help for one command
      dana-sandbox --version          the version
    """

    private static let serve = """
    Options of serve. Each can also be set with DANA_SANDBOX_<NAME> (DANA_SANDBOX_PORT,
    DANA_SANDBOX_LOG_FORMAT, ...); a flag wins over its variable. Repeatable options take a
    comma-separated list in their variable. The seed, scenarios and keys are built in; the flags
    point elsewhere (dana-sandbox init DIR writes copies to edit).
      --host ADDRESS           address to listen on (default 127.0.0.1)
      --port N                 port to listen on; 0 picks a free one (default 8080)
      --db PATH                SQLite database; a file keeps state across restarts (default :memory:)
      --seed FILE              SQL applied to a new database (default the built-in seed)
      --scenarios DIR          scenario files, reloaded when they change (default the built-in library)
      --keys DIR               signing keys (default the built-in demo keys)
      --scenario NAME          activate a scenario from the start (repeatable)
      --partner [dana:|paylabs:]ID=KEY_FILE
                               register a partner's public key (repeatable)
      --partner-secret ID=SECRET
                               a DANA partner's client secret (repeatable; default: the id)
      --log-format text|json   one line per exchange on standard error (default text)
      --signatures enforce|off verify request signatures or accept any (default enforce)
      --journal-limit N        exchanges kept in the journal (default 1000)
      --timestamp-window SECONDS
                               accepted clock difference of X-TIMESTAMP and reqTime (default 900)
      --openapi-signature-error ID:CODE[:MESSAGE]
                               Open API answer to a bad signature (default 00000004:PARAM_ILLEGAL)
      --admin-token TOKEN      bearer token for /sandbox/* (required off loopback; generated
                               and printed at start when not given)
      --max-body BYTES         larger request bodies get 413 (default 1048576)
      --read-timeout SECONDS   a request stalled this long gets 408 (default 30)
      --idle-timeout SECONDS   idle keep-alive connections close after this (default 60)
      --strict                 refuse a request that breaks a documented rule the sandbox otherwise
                               only reports in X-Sandbox-Lint (per request: X-Sandbox-Strict: 1)
      --fixtures FILE          JSON fixtures (as POST /sandbox/fixtures takes) loaded at start on top
                               of the seed, kept across resets (repeatable)
      --session-ttl SECONDS    an X-Sandbox-Session idle this long is dropped (default 600)
      --max-sessions N         sessions alive at once; the least recently used goes (default 256)
      --ca-file FILE           certificates to trust for https:// destination-inquiry URLs
                               (default the system's)
      --insecure               accept any certificate there (self-signed development ones)
    """

    private static let sign = """
    sign FAMILY is snap, b2b, openapi or paylabs. It prints the headers to send (snap, b2b,
    paylabs), or the whole signed envelope (openapi). Send the body byte for byte as given.
      --path PATH              request path (snap, paylabs), e.g. /v1.0/emoney/account-inquiry.htm
      --function NAME          Open API function, e.g. dana.merchant.queryMerchantResource
      --body JSON | --body-file FILE
      --partner ID             client id or merchant id (default 2014000014442; paylabs: the
                               body's merchantId, else 010001)
      --key FILE               private key (default the built-in demo partner key)
      --timestamp T            X-TIMESTAMP or reqTime (default now, Jakarta time)
      --secret S               client secret (openapi; snap with --b2b-token) (default the id)
      --b2b-token T            snap: sign symmetrically (HMAC-SHA512) with this B2B token
      --access-token T         openapi: head.accessToken (queryUserProfile)
      --external-id ID         snap: X-EXTERNAL-ID (default a new one)
    """

    private static let scenarios = """
    Usage: dana-sandbox scenarios check [DIR]

    Loads every *.json under DIR (default DANA_SANDBOX_SCENARIOS, else the built-in library) and
    checks every field, as serve does at start. Prints how many are valid and exits 0, or prints
    each problem with its file and field and exits 1.
    """

    private static let initialize = """
    Usage: dana-sandbox init DIR

    Writes DIR/seed.sql, DIR/scenarios/ and DIR/keys/: editable copies of what the binary has
    built in. Nothing is written when any of those files exists. Then serve with them:
      dana-sandbox serve --seed DIR/seed.sql --scenarios DIR/scenarios --keys DIR/keys
    """

    private static let destinationInquiry = """
    destination-inquiry URL sends DANA's signed inquiry to URL and checks the answer against
    every rule of document 003. Options (also DANA_SANDBOX_<NAME>):
      --suite                  five probes: the example, two destinations, a bill amount, an
                               unknown destination, a wrong DANA signature (must get 401)
      --junit FILE             write JUnit XML: a test case per rule
      --json                   print the JSON report instead of text
      --client-id ID           whose registered key verifies the answer (default 2014000014442)
      --product-id ID          productId (default merchant_sku_1)
      --destination P[:S]      a destination, primaryParam[:secondaryParam] (repeatable;
                               default 111111111 and 22222222)
      --bill-amount VALUE      billAmount of each destination, in the smallest unit (IDR)
      --timeout-ms N           how long to wait for the answer (default 8000)
      --partner, --keys, --seed, --ca-file, --insecure   as for serve
    """

    private static let footer = """
    When ready, serve prints one line to standard output:
      dana-sandbox listening on http://HOST:PORT

    Exit status: 0 after a graceful stop, 1 when start-up fails, 2 for a bad command line.
    """
}
