import SandboxJSON

/// The strict JSON scanner, the minifier and the canonical writer on arbitrary bytes. Properties,
/// for any input the scanner accepts: the minified text parses to the same value (minifying is
/// what signature candidate C2 does to a body); the canonical text parses to the same value; and
/// the canonical writer is stable (writing the re-parsed canonical text gives the same bytes), so
/// candidate C3 is a function of the value and not of how it was written. Values are compared
/// through their canonical bytes: Swift's String equality would call canonically equivalent but
/// different UTF-8 equal, and signatures are over bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = bytes(data, size)
    let minified = JSONMinifier.removingWhitespace(input)
    guard let value = try? JSONScanner.parse(input) else {
        _ = try? JSONScanner.topLevelMembers(input)
        return 0
    }
    let canonical = JSONCanonicalWriter.write(value)
    guard let reparsedMinified = try? JSONScanner.parse(minified) else {
        violated("minify(x) does not parse though x does", "input \(hex(input))\nminified \(hex(minified))")
    }
    if JSONCanonicalWriter.write(reparsedMinified) != canonical {
        violated("minify(x) parses to a different value than x", "input \(hex(input))\nminified \(hex(minified))")
    }
    guard let reparsedCanonical = try? JSONScanner.parse(canonical) else {
        violated("the canonical writer's output does not parse", "input \(hex(input))\ncanonical \(hex(canonical))")
    }
    if JSONCanonicalWriter.write(reparsedCanonical) != canonical {
        violated("the canonical writer is not stable", "input \(hex(input))\ncanonical \(hex(canonical))")
    }
    if JSONMinifier.removingWhitespace(canonical) != canonical {
        violated("the canonical text holds whitespace outside strings", "canonical \(hex(canonical))")
    }
    let dropped = JSONCanonicalWriter.write(value, droppingNullMembers: true)
    if (try? JSONScanner.parse(dropped)) == nil {
        violated("the canonical text without null members does not parse", "input \(hex(input))\nwritten \(hex(dropped))")
    }
    return 0
}
