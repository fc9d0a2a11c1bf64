/// Why a cell is not a number README, "The CSV dialect" allows.
public struct NumberParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The reason in plain lowercase words, without the value
    /// (`thousands separators and decimal commas are not allowed`).
    public var reason: String

    public init(reason: String) { self.reason = reason }

    public var description: String { reason }
}

/// Parses numbers written as README, "The CSV dialect" allows:
///
///     number   = [ "+" | "-" ] digits [ "." digits ] [ ( "e" | "E" ) [ "+" | "-" ] digits ]
///     digits   = 1*( "0"..."9" )
///
/// So `12`, `-3`, `+4`, `2.5`, `007`, `1e3`, `1.5E-2` are numbers; `1,5`, `1 000`, `NaN`,
/// `inf`, `0x10`, `.5`, `5.`, `1e`, an empty text and anything whose value is not finite
/// (`1e400`) are not. `.5` and `5.` are refused because the grammar asks for digits on both
/// sides of the point; no common export writes them. A value too small for a `Double`
/// (`1e-400`) becomes 0 (or -0), as IEEE 754 rounding gives.
///
/// Conversion is correctly rounded: a fast path handles up to 15 significant digits with
/// a power-of-ten scale of at most 22 (both exact doubles, so one IEEE division or
/// multiplication rounds once; Clinger 1990, "How to read floating point numbers
/// accurately"); anything else, after this grammar check, goes to `Double(Substring)`,
/// the standard library's correctly rounded conversion.
public enum NumberParser {
    /// The value of `text`, or nil when it is not an allowed number.
    @inlinable
    public static func parse(_ text: String) -> Double? {
        try? parseOrThrow(text)
    }

    /// The value of `text`, or the reason it is not an allowed number.
    public static func parseResult(_ text: String) -> Result<Double, NumberParseError> {
        do { return .success(try parseOrThrow(text)) } catch { return .failure(error) }
    }

    /// The value of `text`; throws the reason it is not an allowed number.
    public static func parseOrThrow(_ text: String) throws(NumberParseError) -> Double {
        let result = text.utf8.withContiguousStorageIfAvailable { b in
            Result { () throws(NumberParseError) in try parse(bytes: b, text: text) }
        } ?? Array(text.utf8).withUnsafeBufferPointer { b in
            Result { () throws(NumberParseError) in try parse(bytes: b, text: text) }
        }
        return try result.get()
    }

    private static let exactPowers: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    private static func parse(bytes b: UnsafeBufferPointer<UInt8>, text: String) throws(NumberParseError) -> Double {
        let n = b.count
        guard n > 0 else { throw NumberParseError(reason: "the value is empty") }
        var i = 0
        var negative = false
        if b[0] == UInt8(ascii: "+") || b[0] == UInt8(ascii: "-") {
            negative = b[0] == UInt8(ascii: "-")
            i = 1
        }
        // Integer part.
        var mantissa: UInt64 = 0
        var significant = 0      // digits accumulated in `mantissa` after leading zeros
        var dropped = false      // more than 19 significant digits: fast path impossible
        let intStart = i
        while i < n, b[i] &- 0x30 < 10 {
            accumulate(b[i], &mantissa, &significant, &dropped)
            i += 1
        }
        if i == intStart { throw refusal(b, at: i, text: text) }
        // Fraction.
        var fractionDigits = 0
        if i < n && b[i] == UInt8(ascii: ".") {
            i += 1
            let fracStart = i
            while i < n, b[i] &- 0x30 < 10 {
                accumulate(b[i], &mantissa, &significant, &dropped)
                i += 1
            }
            fractionDigits = i - fracStart
            if fractionDigits == 0 {
                throw NumberParseError(reason: "a decimal point must be followed by digits")
            }
        }
        let exponent = try exponentPart(b, at: &i)
        if i < n { throw refusal(b, at: i, text: text) }

        // Fast path: mantissa exact (< 2^53) and a power of ten within 10^22.
        let scale = exponent - fractionDigits
        if !dropped && mantissa < (1 << 53) && scale >= -22 && scale <= 22 {
            let m = Double(mantissa)
            let value = scale >= 0 ? m * exactPowers[scale] : m / exactPowers[-scale]
            if value.isFinite { return negative ? -value : value }
        }
        guard let value = Double(Substring(text)), value.isFinite else {
            throw NumberParseError(reason: "the value is too large to be a finite number")
        }
        return value
    }

    /// The exponent at `i` (`e`/`E`, a sign, digits; capped near 100,000), 0 when there is
    /// none; `i` moves past it.
    @inline(__always)
    private static func exponentPart(_ b: UnsafeBufferPointer<UInt8>, at i: inout Int) throws(NumberParseError) -> Int {
        let n = b.count
        guard i < n && (b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) else { return 0 }
        i += 1
        var negative = false
        if i < n && (b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-")) {
            negative = b[i] == UInt8(ascii: "-")
            i += 1
        }
        let start = i
        var exponent = 0
        while i < n, b[i] &- 0x30 < 10 {
            if exponent < 100_000 { exponent = exponent * 10 + Int(b[i] &- 0x30) }
            i += 1
        }
        if i == start { throw NumberParseError(reason: "an exponent must have digits") }
        return negative ? -exponent : exponent
    }

    @inline(__always)
    private static func accumulate(_ byte: UInt8, _ mantissa: inout UInt64, _ significant: inout Int,
                                   _ dropped: inout Bool) {
        let d = UInt64(byte &- 0x30)
        if significant == 0 && d == 0 { return }
        if significant < 19 {
            mantissa = mantissa * 10 + d
            significant += 1
        } else {
            dropped = true
        }
    }

    /// The reason for a character the grammar does not allow at `at`.
    private static func refusal(_ b: UnsafeBufferPointer<UInt8>, at: Int, text: String) -> NumberParseError {
        let lower = text.lowercased()
        if lower.contains("nan") || lower.contains("inf") {
            return NumberParseError(reason: "NaN and infinity are not numbers here")
        }
        if lower.hasPrefix("0x") || lower.hasPrefix("-0x") || lower.hasPrefix("+0x") {
            return NumberParseError(reason: "hexadecimal numbers are not allowed")
        }
        if b.contains(UInt8(ascii: ",")) {
            return NumberParseError(reason: "thousands separators and decimal commas are not allowed; write 1234.5")
        }
        if b.contains(UInt8(ascii: " ")) || b.contains(UInt8(ascii: "\t")) {
            return NumberParseError(reason: "a number cannot contain spaces")
        }
        if at < b.count && b[at] == UInt8(ascii: ".") {
            return NumberParseError(reason: "a decimal point must have a digit before it; write 0.5")
        }
        return NumberParseError(reason: "expected a number such as 12, -3, 2.5 or 1e3")
    }
}
