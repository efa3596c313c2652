import CLibCrypto

/// Algorithms fetched from OpenSSL's default provider once, at first use. `EVP_sha256()` and the
/// one-shot `HMAC()` look the algorithm up in the provider store (under its lock) on every call,
/// which showed in the profile of every signed request. The handles are immutable once made and
/// OpenSSL allows sharing them between threads.
enum FetchedAlgorithms {
    nonisolated(unsafe) static let sha256: OpaquePointer? = EVP_MD_fetch(nil, "SHA256", nil) ?? EVP_sha256()
    /// Duplicated for each message; never used directly.
    nonisolated(unsafe) static let hmacSHA512: OpaquePointer? = shim_hmac_sha512_template()
}
