import Foundation
import DanaSandboxAPIs
import SandboxCrypto
import SandboxSupport

extension ResponseSigner {
    /// Reads `dana-private.pem` and `paylabs-private.pem` from `folder`, or the built-in keys
    /// when it is nil.
    public static func load(from folder: String?) throws(StartupError) -> ResponseSigner {
        func key(_ name: String) throws(StartupError) -> RSAPrivateKey {
            let path = folder.map { ($0 as NSString).appendingPathComponent(name) } ?? "built-in keys/\(name)"
            let pem: String
            do {
                guard let folder else { return try RSAPrivateKey(pem: BuiltInDefaults.key(name) ?? "") }
                pem = try String(contentsOfFile: (folder as NSString).appendingPathComponent(name), encoding: .utf8)
            } catch let error as CryptoError {
                throw StartupError("unusable key \(path): \(error.message)")
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
}
