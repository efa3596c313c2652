import Foundation
import SandboxCrypto

/// Paylabs signs `POST:<endpoint>:hash(body):X-TIMESTAMP` with RSA-SHA256, requests with the
/// merchant's key and responses with Paylabs' (docs/signatures.md): the same text as SNAP's
/// asymmetric scheme, so both come from `HashedBodyStringToSign`.
public enum PaylabsSignatureScheme {
    public static func stringToSign(path: String, bodyHash: String, timestamp: String) -> String {
        HashedBodyStringToSign.make(method: "POST", path: path, bodyHash: bodyHash, timestamp: timestamp)
    }

    /// Base64 RSA-SHA256 over the string to sign of `body`.
    public static func sign(path: String, body: [UInt8], timestamp: String, with key: RSAPrivateKey) throws(CryptoError) -> String {
        let text = stringToSign(path: path, bodyHash: SHA256.hexDigest(body), timestamp: timestamp)
        return Data(try key.sign(Array(text.utf8))).base64EncodedString()
    }
}
