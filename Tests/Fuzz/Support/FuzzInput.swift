/// What every harness needs from libFuzzer's raw pointer, and how a property fails.

/// The input as an array; libFuzzer may pass a null pointer with a size of 0.
func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}

/// A property violation: fatalError aborts, so libFuzzer saves the input as a crash reproducer and
/// `make fuzz` prints it. The message says which property broke.
func violated(_ property: String, _ details: @autoclosure () -> String = "") -> Never {
    fatalError("PROPERTY VIOLATED: \(property)\n\(details())")
}

/// Cut points derived from the input itself (FNV-1a as the seed of a xorshift generator), so a
/// reproducer replays the same splits with no state outside the input.
func splitPoints(of input: [UInt8]) -> [Int] {
    var seed: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in input { seed = (seed ^ UInt64(byte)) &* 0x100_0000_01b3 }
    var cuts: [Int] = []
    var position = 0
    while position < input.count {
        seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17
        position += 1 + Int(seed % 17)
        if position < input.count { cuts.append(position) }
    }
    return cuts
}

/// The input in pieces: whole, one byte at a time, and at the derived cut points.
func feedings(of input: [UInt8]) -> [(name: String, pieces: [ArraySlice<UInt8>])] {
    var cut: [ArraySlice<UInt8>] = []
    var from = 0
    for point in splitPoints(of: input) + [input.count] {
        cut.append(input[from..<point])
        from = point
    }
    return [
        ("whole", [input[...]]),
        ("byte by byte", input.indices.map { input[$0...$0] }),
        ("random splits", cut),
    ]
}

/// Only for messages: properties compare bytes, never their text.
func hex(_ bytes: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    for byte in bytes {
        text.append(digits[Int(byte >> 4)])
        text.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: text, as: UTF8.self)
}
