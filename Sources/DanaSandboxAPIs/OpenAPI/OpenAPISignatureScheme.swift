import Foundation
import SandboxCrypto
import SandboxJSON

/// DANA Open API signs the exact text of the envelope's `request` member (partner to DANA) or
/// `response` member (DANA to partner) with RSA-SHA256 (docs/signatures.md). The envelope is
/// written here, around bytes that are never re-serialised, for requests and responses alike.
public enum OpenAPISignatureScheme {
    /// Base64 RSA-SHA256 of `member`'s bytes.
    public static func sign(_ member: [UInt8], with key: RSAPrivateKey) throws(CryptoError) -> String {
        Data(try key.sign(member)).base64EncodedString()
    }

    /// `{"<name>":<member>,"signature":"<signature>"}`, with `member` verbatim.
    public static func envelope(_ name: String, _ member: [UInt8], signature: String?) -> [UInt8] {
        var bytes = Array("{\(JSONString.quoted(name)):".utf8)
        bytes += member
        if let signature { bytes += Array(",\"signature\":\(JSONString.quoted(signature))".utf8) }
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }
}
