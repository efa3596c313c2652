/// `METHOD:path:sha256-hex(body):X-TIMESTAMP`: the string SNAP's asymmetric scheme and Paylabs
/// both sign (docs/signatures.md). Built here and nowhere else, for requests and for Paylabs
/// responses alike.
public enum HashedBodyStringToSign {
    public static func make(method: String, path: String, bodyHash: String, timestamp: String) -> String {
        "\(method.uppercased()):\(path):\(bodyHash):\(timestamp)"
    }
}
