import Foundation

/// The sandbox's own private keys, loaded once at start from `--keys`: DANA's signs Open API
/// responses, Paylabs' signs Paylabs responses.
public final class ResponseSigner: Sendable {
    public let dana: RSAPrivateKey
    public let paylabs: RSAPrivateKey

    public init(dana: RSAPrivateKey, paylabs: RSAPrivateKey) {
        self.dana = dana
        self.paylabs = paylabs
    }

    /// Reads `dana-private.pem` and `paylabs-private.pem` from `folder`.
    public static func load(from folder: String) throws(StartupError) -> ResponseSigner {
        func key(_ name: String) throws(StartupError) -> RSAPrivateKey {
            let path = (folder as NSString).appendingPathComponent(name)
            let pem: String
            do {
                pem = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw StartupError("cannot read key \(path): \(FileErrorReason.describe(error))")
            }
            do {
                return try RSAPrivateKey(pem: pem)
            } catch {
                throw StartupError("unusable key \(path): \(error.message)")
            }
        }
        return ResponseSigner(dana: try key("dana-private.pem"), paylabs: try key("paylabs-private.pem"))
    }

    /// Base64 RSA-SHA256 of `message` with DANA's key.
    public func signAsDANA(_ message: [UInt8]) throws(CryptoError) -> String {
        Data(try dana.sign(message)).base64EncodedString()
    }

    /// Base64 RSA-SHA256 of `message` with Paylabs' key.
    public func signAsPaylabs(_ message: [UInt8]) throws(CryptoError) -> String {
        Data(try paylabs.sign(message)).base64EncodedString()
    }
}
