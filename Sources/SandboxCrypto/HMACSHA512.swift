import CLibCrypto

/// HMAC-SHA512 (RFC 2104) through OpenSSL's EVP_MAC: SNAP's symmetric signature.
public enum HMACSHA512 {
    /// 64 bytes, or none when OpenSSL fails: an all-zero code must never be returned, since a
    /// zero signature would then verify.
    public static func authenticationCode(key: [UInt8], message: [UInt8]) -> [UInt8] {
        // EVP_MAC_init reads a NULL key as "keep the previous one", so an empty key (a partner
        // without a client secret) takes the one-shot path, which accepts it.
        guard !key.isEmpty, let template = FetchedAlgorithms.hmacSHA512, let context = EVP_MAC_CTX_dup(template) else {
            return oneShot(key: key, message: message)
        }
        defer { EVP_MAC_CTX_free(context) }
        var output = [UInt8](repeating: 0, count: 64)
        var length = 0
        let initialised = key.withUnsafeBufferPointer { EVP_MAC_init(context, $0.baseAddress, $0.count, nil) }
        guard initialised == 1,
              message.withUnsafeBufferPointer({ EVP_MAC_update(context, $0.baseAddress, $0.count) }) == 1,
              EVP_MAC_final(context, &output, &length, 64) == 1, length == 64 else { return [] }
        return output
    }

    private static func oneShot(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: 64)
        var length: UInt32 = 0
        let result = key.withUnsafeBytes { keyBytes in
            message.withUnsafeBytes { messageBytes in
                HMAC(
                    EVP_sha512(), keyBytes.baseAddress, Int32(keyBytes.count),
                    messageBytes.bindMemory(to: UInt8.self).baseAddress, messageBytes.count,
                    &output, &length
                )
            }
        }
        return result == nil || length != 64 ? [] : output
    }
}
