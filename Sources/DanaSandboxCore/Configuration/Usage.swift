import SandboxHTTP

/// The text of `dana-sandbox --help`, also printed (to standard error) after a usage error.
public enum Usage {
    public static let version = "0.1.0"

    public static let text = """
    dana-sandbox \(version): an offline sandbox of the DANA and Paylabs partner APIs

    Usage:
      dana-sandbox serve [OPTIONS]    serve the sandbox until SIGTERM or SIGINT
      dana-sandbox sign FAMILY [OPTIONS]
                                      sign a request as a partner would, for curl
      dana-sandbox scenarios check [DIR]
                                      validate scenario files without serving (default scenarios)
      dana-sandbox destination-inquiry URL [OPTIONS]
                                      play DANA against a partner's destination-inquiry endpoint;
                                      exit 0 when its answer is conformant, 1 when not
      dana-sandbox --help             this text
      dana-sandbox --version          the version

    Options of serve. Each can also be set with DANA_SANDBOX_<NAME> (DANA_SANDBOX_PORT,
    DANA_SANDBOX_LOG_FORMAT, ...); a flag wins over its variable. Repeatable options take a
    comma-separated list in their variable.
      --host ADDRESS           address to listen on (default 127.0.0.1)
      --port N                 port to listen on; 0 picks a free one (default 8080)
      --db PATH                SQLite database; a file keeps state across restarts (default :memory:)
      --seed FILE              SQL applied to a new database (default seed.sql)
      --scenarios DIR          scenario files (default scenarios)
      --keys DIR               signing keys (default keys)
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
      --ca-file FILE           certificates to trust for https:// destination-inquiry URLs
                               (default the system's)
      --insecure               accept any certificate there (self-signed development ones)

    sign FAMILY is snap, b2b, openapi or paylabs. It prints the headers to send (snap, b2b,
    paylabs), or the whole signed envelope (openapi). Send the body byte for byte as given.
      --path PATH              request path (snap, paylabs), e.g. /v1.0/emoney/account-inquiry.htm
      --function NAME          Open API function, e.g. dana.merchant.queryMerchantResource
      --body JSON | --body-file FILE
      --partner ID             client id or merchant id (default 2014000014442; paylabs: the
                               body's merchantId, else 010001)
      --key FILE               private key (default keys/demo-partner-private.pem)
      --timestamp T            X-TIMESTAMP or reqTime (default now, Jakarta time)
      --secret S               client secret (openapi; snap with --b2b-token) (default the id)
      --b2b-token T            snap: sign symmetrically (HMAC-SHA512) with this B2B token
      --access-token T         openapi: head.accessToken (queryUserProfile)
      --external-id ID         snap: X-EXTERNAL-ID (default a new one)

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

    When ready, serve prints one line to standard output:
      dana-sandbox listening on http://HOST:PORT

    Exit status: 0 after a graceful stop, 1 when start-up fails, 2 for a bad command line.
    """
}
