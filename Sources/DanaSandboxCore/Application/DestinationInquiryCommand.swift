import Foundation
import DanaSandboxAPIs
import SandboxCrypto
import SandboxStorage
import SandboxSupport

/// `dana-sandbox destination-inquiry URL`: the same check as `POST /sandbox/destination-inquiry`,
/// without a server. Keys and partners come from the seed, `--keys` and `--partner`, as `serve`
/// takes them.
public enum DestinationInquiryCommand {
    /// The report to print, and whether the partner is conformant. Throws when the check cannot
    /// run at all (unreadable keys, an unknown partner, a JUnit file that cannot be written).
    public static func run(_ options: DestinationInquiryOptions) throws(StartupError) -> (output: String, conformant: Bool) {
        guard let order = options.order else { throw StartupError("destination-inquiry needs the partner's URL") }
        let store: SandboxStore
        do {
            if let seed = options.seed {
                store = try SandboxStore.open(databasePath: ":memory:", seedPath: seed)
            } else {
                store = try SandboxStore.open(databasePath: ":memory:", seed: BuiltInDefaults.seed, seedName: BuiltInDefaults.seedName)
            }
        } catch {
            throw StartupError(error.message)
        }
        let partners = PartnerDirectory(databases: SessionDatabases(shared: store, ttl: .seconds(1), maxSessions: 1))
        try partners.register(options.partners, secrets: [:])
        let signer = try ResponseSigner.load(from: options.keys)
        let runner = DestinationInquiryRunner(
            key: signer.dana, partners: partners,
            verification: TLSClientSession.Verification(caFile: options.caFile, insecure: options.insecure), now: { Date() }
        )
        let report: DestinationInquiryReport
        do {
            report = try runner.run(order)
        } catch {
            throw StartupError(error.message)
        }
        if let path = options.junit {
            do {
                try Data(report.junit.utf8).write(to: URL(fileURLWithPath: path))
            } catch {
                throw StartupError("cannot write the JUnit report \(path): \(FileErrorReason.describe(error))")
            }
        }
        return (options.json ? report.json.text : report.text, report.conformant)
    }
}
