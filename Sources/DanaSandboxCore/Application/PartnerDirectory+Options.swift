import Foundation
import DanaSandboxAPIs
import SandboxCrypto
import SandboxSupport

extension PartnerDirectory {
    /// `--partner` keys and `--partner-secret` secrets, registered so that resets keep them.
    func register(_ keys: [ServeOptions.PartnerKey], secrets: [String: String]) throws(StartupError) {
        for partner in keys {
            let pem: String
            do {
                pem = try String(contentsOfFile: partner.publicKeyPath, encoding: .utf8)
            } catch {
                throw StartupError("cannot read the key of partner \(partner.clientID), \(partner.publicKeyPath): \(FileErrorReason.describe(error))")
            }
            do {
                _ = try register(clientID: partner.clientID, family: partner.family, publicKeyPEM: pem, clientSecret: secrets[partner.clientID])
            } catch let error as CryptoError {
                throw StartupError("unusable key of partner \(partner.clientID), \(partner.publicKeyPath): \(error.message)")
            } catch {
                throw StartupError("cannot register partner \(partner.clientID): \(error)")
            }
        }
        for (clientID, secret) in secrets where !keys.contains(where: { $0.clientID == clientID }) {
            do {
                guard let known = try partner(clientID) else {
                    throw StartupError("--partner-secret names \(clientID), which is neither in the seed nor given with --partner")
                }
                _ = try register(clientID: clientID, family: known.family, publicKeyPEM: known.publicKeyPEM, clientSecret: secret)
            } catch let error as StartupError {
                throw error
            } catch {
                throw StartupError("cannot set the secret of partner \(clientID): \(error)")
            }
        }
    }
}
