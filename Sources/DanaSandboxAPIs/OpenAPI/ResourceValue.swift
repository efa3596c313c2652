import SandboxJSON

/// The string values of Open API resources.
enum ResourceValue {
    /// `{"amount":"12575000000","currency":"IDR"}`: amount in the smallest unit (cents), as the
    /// document describes BALANCE, written as a JSON string inside the `value` string.
    static func balance(cents: Int64) -> String {
        JSONValue.fields(["amount": .string(String(cents)), "currency": "IDR"]).text
    }

    /// `0811****2234`-style: country prefix kept, the middle hidden, the last four shown.
    static func maskedNumber(_ number: String) -> String {
        guard number.count > 8 else { return String(repeating: "*", count: number.count) }
        return number.prefix(4) + String(repeating: "*", count: number.count - 8) + number.suffix(4)
    }

    /// `B*** S******`: each word's first letter kept.
    static func maskedName(_ name: String) -> String {
        name.split(separator: " ").map { (word: Substring) -> String in
            word.prefix(1) + String(repeating: "*", count: max(0, word.count - 1))
        }.joined(separator: " ")
    }
}
