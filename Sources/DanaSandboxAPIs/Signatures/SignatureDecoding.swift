import Foundation

/// Signature text as clients send it. Never checked for length: the docs' "String(64)" is wrong
/// (RSA-2048 gives 344 Base64 characters, HMAC-SHA512 88); a decoding failure is simply a
/// signature that does not verify.
enum SignatureDecoding {
    static func base64(_ text: String) -> [UInt8]? {
        Data(base64Encoded: text).map { Array($0) }
    }

    /// Base64, or lowercase hex (harmless to accept for an HMAC).
    static func base64OrHex(_ text: String) -> [UInt8]? {
        if let bytes = base64(text) { return bytes }
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0, !utf8.isEmpty else { return nil }
        var bytes: [UInt8] = []
        var index = 0
        while index < utf8.count {
            guard let byte = UInt8(String(decoding: utf8[index..<index + 2], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
            index += 2
        }
        return bytes
    }
}
