import Foundation
import SandboxCrypto

/// DANA SNAP's three strings to sign (docs/signatures.md), used by the authenticator that checks
/// them and by `dana-sandbox sign` that makes them:
/// - asymmetric, RSA-SHA256 with the partner's key: `METHOD:path:hash(body):X-TIMESTAMP`;
/// - symmetric, HMAC-SHA512 keyed by the client secret, with a B2B token:
///   `METHOD:path:token:hash(body):X-TIMESTAMP`;
/// - the B2B token request, RSA-SHA256: `X-CLIENT-KEY|X-TIMESTAMP`.
public enum SNAPSignatureScheme {
    public static func asymmetric(method: String, path: String, body: [UInt8], timestamp: String) -> String {
        asymmetric(method: method, path: path, bodyHash: SHA256.hexDigest(body), timestamp: timestamp)
    }

    public static func asymmetric(method: String, path: String, bodyHash: String, timestamp: String) -> String {
        HashedBodyStringToSign.make(method: method, path: path, bodyHash: bodyHash, timestamp: timestamp)
    }

    public static func symmetric(method: String, path: String, token: String, bodyHash: String, timestamp: String) -> String {
        "\(method.uppercased()):\(path):\(token):\(bodyHash):\(timestamp)"
    }

    public static func tokenRequest(clientKey: String, timestamp: String) -> String {
        "\(clientKey)|\(timestamp)"
    }

    /// Base64 RSA-SHA256 of `stringToSign`.
    public static func sign(_ stringToSign: String, with key: RSAPrivateKey) throws(CryptoError) -> String {
        Data(try key.sign(Array(stringToSign.utf8))).base64EncodedString()
    }

    /// Base64 HMAC-SHA512 of `stringToSign`, keyed by `secret`.
    public static func authenticate(_ stringToSign: String, secret: String) -> String {
        Data(HMACSHA512.authenticationCode(key: Array(secret.utf8), message: Array(stringToSign.utf8))).base64EncodedString()
    }

    /// Whether `presented` is the HMAC of `stringToSign` keyed by `secret`.
    static func authenticates(_ presented: [UInt8], _ stringToSign: String, secret: String) -> Bool {
        let expected = HMACSHA512.authenticationCode(key: Array(secret.utf8), message: Array(stringToSign.utf8))
        // An empty code means HMAC failed: it must never match an empty signature.
        return !expected.isEmpty && expected == presented
    }
}
