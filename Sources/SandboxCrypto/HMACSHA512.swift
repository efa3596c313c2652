import CLibCrypto

/// HMAC-SHA512 (RFC 2104), OpenSSL's one-shot HMAC(): SNAP's symmetric signature.
public enum HMACSHA512 {
    /// 64 bytes, or none when OpenSSL fails: an all-zero code must never be returned, since a
    /// zero signature would then verify.
    public static func authenticationCode(key: [UInt8], message: [UInt8]) -> [UInt8] {
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
