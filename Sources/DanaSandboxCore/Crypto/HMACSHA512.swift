import CLibCrypto

/// HMAC-SHA512 (RFC 2104), OpenSSL's one-shot HMAC(): SNAP's symmetric signature.
public enum HMACSHA512 {
    public static func authenticationCode(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: 64)
        var length: UInt32 = 0
        key.withUnsafeBytes { keyBytes in
            message.withUnsafeBytes { messageBytes in
                _ = HMAC(
                    EVP_sha512(), keyBytes.baseAddress, Int32(keyBytes.count),
                    messageBytes.bindMemory(to: UInt8.self).baseAddress, messageBytes.count,
                    &output, &length
                )
            }
        }
        return output
    }
}
