import CLibCrypto

/// An RSA public key, parsed once from PEM: SubjectPublicKeyInfo (`BEGIN PUBLIC KEY`) or PKCS#1
/// (`BEGIN RSA PUBLIC KEY`), both of which partners send. Verification only reads the key, which
/// OpenSSL 3 allows from many threads at once; hence `@unchecked Sendable`.
public final class RSAPublicKey: @unchecked Sendable {
    let key: OpaquePointer

    public init(pem: String) throws(CryptoError) {
        var parsed: OpaquePointer?
        guard let decoder = OSSL_DECODER_CTX_new_for_pkey(&parsed, "PEM", nil, "RSA", shim_EVP_PKEY_PUBLIC_KEY(), nil, nil) else {
            throw CryptoError.fromOpenSSL("cannot create a key decoder")
        }
        defer { OSSL_DECODER_CTX_free(decoder) }
        let bytes = Array(pem.utf8)
        let decoded = bytes.withUnsafeBufferPointer { buffer -> Int32 in
            var data: UnsafePointer<UInt8>? = buffer.baseAddress
            var length = buffer.count
            return OSSL_DECODER_from_data(decoder, &data, &length)
        }
        guard decoded == 1, let parsed else {
            throw CryptoError.fromOpenSSL("not an RSA public key in PEM (BEGIN PUBLIC KEY or BEGIN RSA PUBLIC KEY)")
        }
        key = parsed
    }

    init(owning key: OpaquePointer) {
        self.key = key
    }

    deinit {
        EVP_PKEY_free(key)
    }

    /// RSASSA-PKCS1-v1_5 with SHA-256 over `message`.
    public func verify(signature: [UInt8], message: [UInt8]) -> Bool {
        guard let context = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestVerifyInit(context, nil, FetchedAlgorithms.sha256, nil, key) == 1 else { return false }
        let result = signature.withUnsafeBufferPointer { signatureBytes in
            message.withUnsafeBufferPointer { messageBytes in
                EVP_DigestVerify(context, signatureBytes.baseAddress, signatureBytes.count, messageBytes.baseAddress, messageBytes.count)
            }
        }
        // A wrong signature leaves reasons on the thread's error queue; they are expected here.
        ERR_clear_error()
        return result == 1
    }

    /// The DER SubjectPublicKeyInfo: the canonical bytes of the key, whatever PEM it came in.
    public var derBytes: [UInt8] {
        var buffer: UnsafeMutablePointer<UInt8>? = nil
        let length = i2d_PUBKEY(key, &buffer)
        guard length > 0, let buffer else { return [] }
        defer { CRYPTO_free(buffer, #fileID, #line) }
        return Array(UnsafeBufferPointer(start: buffer, count: Int(length)))
    }

    /// `SHA256:` and the hex SHA-256 of the DER key: says which key was used without showing it.
    public var fingerprint: String {
        "SHA256:" + SHA256.hexDigest(derBytes)
    }

    /// The key as `BEGIN PUBLIC KEY` PEM.
    public var pem: String {
        guard let bio = BIO_new(BIO_s_mem()) else { return "" }
        defer { BIO_free(bio) }
        guard PEM_write_bio_PUBKEY(bio, key) == 1 else { return "" }
        var data: UnsafeMutablePointer<CChar>? = nil
        let length = shim_BIO_get_mem_data(bio, &data)
        guard length > 0, let data else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: data, count: Int(length)), as: UTF8.self)
    }
}
