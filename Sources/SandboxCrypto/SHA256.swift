import CLibCrypto

/// SHA-256 (FIPS 180-4) through OpenSSL's EVP interface.
public enum SHA256 {
    public static func digest(_ bytes: [UInt8]) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        // EVP_Digest only fails on allocation failure; an all-zero digest would then show up
        // as a signature mismatch, never as a false match.
        _ = bytes.withUnsafeBytes { input in
            EVP_Digest(input.baseAddress, input.count, &output, &length, FetchedAlgorithms.sha256, nil)
        }
        return output
    }

    /// `lowercase(hex(SHA-256(bytes)))`: the body hash inside SNAP and Paylabs strings to sign.
    public static func hexDigest(_ bytes: [UInt8]) -> String {
        Hex.lowercase(digest(bytes))
    }
}
