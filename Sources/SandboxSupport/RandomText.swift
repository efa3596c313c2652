/// Random identifiers and tokens (B2B tokens, OTTs, session ids, reference numbers, the admin
/// token), from the system's secure generator.
public enum RandomText {
    public static let digits = "0123456789"
    public static let hex = "0123456789abcdef"
    public static let upperAlphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    public static let alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

    public static func make(_ count: Int, from alphabet: String) -> String {
        let characters = Array(alphabet)
        var generator = SystemRandomNumberGenerator()
        return String((0..<count).map { _ in characters[Int(generator.next(upperBound: UInt64(characters.count)))] })
    }
}
