// libFuzzer entry point for NumberParser and CSVWriter.format.
// Build and run with Tests/Fuzz/run-fuzz.sh; not part of any SwiftPM target.
//
// Invariants checked for every input:
// - parsing never crashes; an accepted value is finite;
// - an accepted text uses only the grammar's characters and agrees bit for bit with the
//   standard library's correctly rounded Double(String) (so the fast path is exact);
// - a refused text has a non-empty reason;
// - CSVWriter.format of an accepted value has no exponent, at most 4 decimals, is never
//   "-0", and parses back to within 0.00005 of the value (plus the doubles' own rounding:
//   the first finding, 43.14125 -> "43.1412", is 0.0000500000000017 away in doubles).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNumbers(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    switch NumberParser.parseResult(text) {
    case .failure(let error):
        require(!error.reason.isEmpty, "empty reason")
        require(NumberParser.parse(text) == nil, "parse and parseResult disagree")
    case .success(let value):
        require(value.isFinite, "accepted a non-finite value")
        require(text.utf8.allSatisfy { "+-0123456789.eE".utf8.contains($0) }, "accepted a character outside the grammar")
        let reference = Double(text)
        require(reference?.bitPattern == value.bitPattern, "differs from Double(String): \(text)")
        let formatted = CSVWriter.format(value)
        require(!formatted.contains("e") && formatted != "-0", "bad format \(formatted)")
        if let point = formatted.firstIndex(of: ".") {
            require(formatted[formatted.index(after: point)...].count <= 4, "more than 4 decimals")
        }
        guard let back = NumberParser.parse(formatted) else { fatalError("format does not parse back: \(formatted)") }
        // Half a unit of the 4th decimal, plus the rounding of the two doubles being compared.
        let tolerance = 0.00005 * (1 + 1e-9) + abs(value) * 1e-15
        require(abs(back - value) <= tolerance, "format moved \(value) to \(formatted)")
    }
    return 0
}

/// `precondition` that also prints its message in an optimized build, then aborts.
private func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if condition { return }
    print("fuzz invariant failed: \(message())")
    fatalError(message())
}
