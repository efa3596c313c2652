import Foundation
import DanaSandboxAPIs
import SandboxCrypto
import SandboxSupport

extension ResponseSigner {
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
}
