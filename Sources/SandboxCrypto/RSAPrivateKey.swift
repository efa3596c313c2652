import CLibCrypto

/// An RSA private key, parsed once from PEM: PKCS#8 (`BEGIN PRIVATE KEY`) or PKCS#1
/// (`BEGIN RSA PRIVATE KEY`). Signing creates its own context per call and only reads the key.
public final class RSAPrivateKey: @unchecked Sendable {
    private let key: OpaquePointer
    /// The public half, for `GET /sandbox/keys` and for checking our own signatures in tests.
    public let publicKey: RSAPublicKey

    public init(pem: String) throws(CryptoError) {
        // A memory BIO borrows its buffer, so the bytes must outlive every read from it.
        let bytes = Array(pem.utf8)
        let read = bytes.withUnsafeBytes { buffer -> OpaquePointer? in
            guard let bio = BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count)) else { return nil }
            defer { BIO_free(bio) }
            return PEM_read_bio_PrivateKey(bio, nil, nil, nil)
        }
        guard let parsed = read else {
            throw CryptoError.fromOpenSSL("not a private key in PEM (BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY)")
        }
        guard EVP_PKEY_get_base_id(parsed) == EVP_PKEY_RSA else {
            EVP_PKEY_free(parsed)
            throw CryptoError("the private key is not an RSA key")
        }
        key = parsed
        // The public half shares the key object; EVP_PKEY is reference-counted.
        EVP_PKEY_up_ref(parsed)
        publicKey = RSAPublicKey(owning: parsed)
    }

    deinit {
        EVP_PKEY_free(key)
    }

    /// RSASSA-PKCS1-v1_5 with SHA-256 over `message`: 256 bytes for a 2048-bit key.
    public func sign(_ message: [UInt8]) throws(CryptoError) -> [UInt8] {
        guard let context = EVP_MD_CTX_new() else { throw CryptoError.fromOpenSSL("cannot create a signing context") }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestSignInit(context, nil, FetchedAlgorithms.sha256, nil, key) == 1 else {
            throw CryptoError.fromOpenSSL("cannot start signing")
        }
        var length = 0
        let sized = message.withUnsafeBufferPointer { EVP_DigestSign(context, nil, &length, $0.baseAddress, $0.count) }
        guard sized == 1 else { throw CryptoError.fromOpenSSL("cannot size the signature") }
        var signature = [UInt8](repeating: 0, count: length)
        let signed = message.withUnsafeBufferPointer { EVP_DigestSign(context, &signature, &length, $0.baseAddress, $0.count) }
        guard signed == 1 else { throw CryptoError.fromOpenSSL("cannot sign") }
        return Array(signature[0..<length])
    }
}
