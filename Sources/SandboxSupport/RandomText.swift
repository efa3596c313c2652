/// Random identifiers and tokens (B2B tokens, OTTs, session ids, reference numbers, the admin
/// token), from the system's secure generator.
public enum RandomText {
    public static let digits = "0123456789"
    public static let hex = "0123456789abcdef"
    public static let upperAlphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    public static let alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

    /// `count` characters of `alphabet` (at most 256 of them), each uniformly chosen. Each draw
    /// from the system generator (a `getrandom` call) yields eight characters' bytes, not one:
    /// every answer carries a reference number, and a system call per digit showed in the
    /// profile. (`arc4random_buf` would need glibc 2.36, which Ubuntu 22.04 lacks.)
    public static func make(_ count: Int, from alphabet: String) -> String {
        let characters = Array(alphabet.utf8)
        // Bytes at or above `limit` would favour the first letters; they are drawn again.
        let limit = 256 - 256 % characters.count
        var result = [UInt8]()
        result.reserveCapacity(count)
        var pool = [UInt8](repeating: 0, count: count + count / 4 + 8)
        while result.count < count {
            fill(&pool)
            for byte in pool where Int(byte) < limit && result.count < count {
                result.append(characters[Int(byte) % characters.count])
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func fill(_ bytes: inout [UInt8]) {
        var generator = SystemRandomNumberGenerator()
        var index = 0
        while index < bytes.count {
            var word: UInt64 = generator.next()
            for _ in 0..<8 where index < bytes.count {
                bytes[index] = UInt8(truncatingIfNeeded: word)
                word >>= 8
                index += 1
            }
        }
    }
}
