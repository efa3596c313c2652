import SandboxCrypto
import SandboxJSON

/// The body texts a SNAP or Paylabs signature is checked against; a request verifies if any one of
/// them does (docs/signatures.md, body forms). Clients hash different forms of the body they send
/// (raw, compact, re-serialised with `/` and non-ASCII unescaped, nulls dropped), so no single
/// form accepts all the official SDKs.
public enum BodyCandidates {
    /// A body form's label and the lowercase hex SHA-256 of its bytes.
    public struct Hash: Sendable, Equatable {
        public let label: String
        public let hash: String
    }

    /// C1 raw, C2 whitespace removed, C3 canonical (only when the body is valid JSON).
    public static func forSNAP(_ body: [UInt8]) -> [BodyCandidate] {
        candidates(for: body, includingWithoutNulls: false)
    }

    /// As for SNAP, plus C4: canonical without null members, per the Paylabs signing rules.
    public static func forPaylabs(_ body: [UInt8]) -> [BodyCandidate] {
        candidates(for: body, includingWithoutNulls: true)
    }

    /// Each candidate's hash, in order: the first is always the raw body's.
    public static func hashes(_ candidates: some Sequence<BodyCandidate>) -> [Hash] {
        candidates.map { Hash(label: $0.label, hash: SHA256.hexDigest($0.bytes)) }
    }

    /// Checks the raw body's hash first and builds the other forms only when it fails: nearly
    /// every client signs the raw body, and minifying, parsing and re-serialising it on every
    /// request cost more than the RSA verification itself. Nil when a form verifies; otherwise
    /// every form's hash, in order, for the refusal's diagnostics.
    public static func unverified(_ body: [UInt8], paylabs: Bool, _ verifies: (Hash) -> Bool) -> [Hash]? {
        let raw = Hash(label: "raw", hash: SHA256.hexDigest(body))
        if verifies(raw) { return nil }
        let others = hashes((paylabs ? forPaylabs(body) : forSNAP(body)).dropFirst())
        if others.contains(where: verifies) { return nil }
        return [raw] + others
    }

    /// Candidates with the same bytes as an earlier one are dropped: each costs an RSA verification.
    private static func candidates(for body: [UInt8], includingWithoutNulls: Bool) -> [BodyCandidate] {
        var result = [BodyCandidate(label: "raw", bytes: body)]
        func add(_ label: String, _ bytes: [UInt8]) {
            if !result.contains(where: { $0.bytes == bytes }) {
                result.append(BodyCandidate(label: label, bytes: bytes))
            }
        }
        add("whitespace-removed", JSONMinifier.removingWhitespace(body))
        // A body that is not JSON has no canonical form; C1 and C2 can still verify it.
        guard let value = try? JSONScanner.parse(body) else { return result }
        add("canonical", JSONCanonicalWriter.write(value))
        if includingWithoutNulls {
            add("canonical-without-nulls", JSONCanonicalWriter.write(value, droppingNullMembers: true))
        }
        return result
    }
}
