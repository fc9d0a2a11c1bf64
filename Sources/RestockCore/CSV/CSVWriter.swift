#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One cell of an output CSV row; nil is a missing value, written as an empty cell
/// (README, "The figures": a missing value is an empty cell).
public enum CSVCell: Sendable, Hashable {
    /// Text: quoted when needed, and formula-guarded (README, "The figures").
    case text(String?)
    /// A count, written as a plain integer.
    case integer(Int?)
    /// Any other number: at most 4 digits after the point, no exponent (`CSVWriter.format`).
    case number(Double?)
}

/// Builds an RFC 4180 CSV file in memory (README, "The figures": RFC 4180,
/// UTF-8, LF line ends, a header row).
///
/// - A field is quoted when it holds a comma, a quote, CR or LF; inner quotes are doubled.
///   A field that begins with U+FEFF is quoted too: first in a file, it would otherwise be
///   read back as a byte-order mark and lost (found by the fuzzer).
/// - Formula guard: a text cell that begins with `=`, `+`, `-`, `@`, tab or carriage return
///   is written with a leading `'`, so that no spreadsheet runs it. Numbers are never
///   guarded: `.integer(-3)` and `.number(-3)` are written `-3`.
/// - Records end with LF, not RFC 4180's CRLF: every spreadsheet and CSV library reads LF,
///   and the files then diff cleanly with text tools. (The reader accepts both.)
/// - No byte-order mark.
public struct CSVWriter: Sendable {
    /// The file so far: the header and every appended row, each ending in LF.
    public private(set) var bytes: [UInt8] = []
    /// Number of columns in the header.
    public let columnCount: Int

    /// Starts a file with its header row (the names are written as text cells).
    public init(header: [String]) {
        columnCount = header.count
        bytes.reserveCapacity(4096)
        append(header.map { CSVCell.text($0) })
    }

    /// Empties the bytes for the next piece of a large file, keeping their memory once the
    /// piece before has been handed on (no header row: the first piece had it). Each piece
    /// of skus.csv is about the size of the one before, so the buffer is made once.
    public mutating func startNextPiece() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// Appends one row. Rows should have `columnCount` cells; a shorter or longer row is
    /// written as given (the writer does not pad or cut).
    public mutating func append(_ row: [CSVCell]) {
        appendRow(cells: row.count) { row[$0] }
    }

    /// Appends one row of `count` cells, `cell(i)` the i-th: `append` without building the
    /// row's array (how the large tables are written, a row per SKU).
    public mutating func appendRow(cells count: Int, _ cell: (Int) -> CSVCell) {
        for i in 0..<count {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            switch cell(i) {
            case .text(let value?): appendText(value)
            case .integer(let value?): appendInteger(Int64(value))
            case .number(let value?): appendNumber(value)
            case .text(nil), .integer(nil), .number(nil): break
            }
        }
        bytes.append(UInt8(ascii: "\n"))
    }

    /// `value` in decimal digits, as `String(value)` writes it, straight into the bytes.
    private mutating func appendInteger(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(value.magnitude, atLeast: 1)
    }

    /// The decimal digits of `magnitude`, zero-padded on the left to `atLeast` digits.
    private mutating func appendDigits(_ magnitude: UInt64, atLeast: Int) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: UInt64.max has 20 digits
        withUnsafeMutableBytes(of: &digits) { buffer in
            var end = buffer.count
            var rest = magnitude
            repeat {
                end -= 1
                buffer[end] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0 || buffer.count - end < atLeast
            bytes.append(contentsOf: buffer[end...])
        }
    }

    /// `format(x)` straight into the bytes: on the fast path, the digits of `DecimalText.fixed`
    /// (4 places, trailing zeros trimmed) with no string made.
    private mutating func appendNumber(_ x: Double) {
        guard x.isFinite, abs(x) < 1e9 else { return bytes.append(contentsOf: CSVWriter.format(x).utf8) }
        let scaled = x * 10_000
        let whole = scaled.rounded()
        guard abs(abs(scaled - whole) - 0.5) > 0.01 else { return bytes.append(contentsOf: CSVWriter.printfFormat(x).utf8) }
        let units = Int64(whole)
        if units < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(units.magnitude / 10_000, atLeast: 1)
        var fraction = units.magnitude % 10_000
        guard fraction != 0 else { return }
        var places = 4
        while fraction % 10 == 0 {
            fraction /= 10
            places -= 1
        }
        bytes.append(UInt8(ascii: "."))
        appendDigits(fraction, atLeast: places)
    }

    /// The file as a string.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    private mutating func appendText(_ value: String) {
        let plain = value.utf8.withContiguousStorageIfAvailable { utf8 in
            // Most cells need neither quotes nor a guard: copied as they are.
            guard let first = utf8.first, !CSVWriter.needsFormulaGuard(first), first != 0xEF else { return false }
            for b in utf8 where b == 0x2C || b == 0x22 || b == 0x0D || b == 0x0A { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        if plain == true { return }
        let utf8 = value.utf8
        let guarded = utf8.first.map(CSVWriter.needsFormulaGuard) ?? false
        let quoted = utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
            || utf8.starts(with: [0xEF, 0xBB, 0xBF])
        if quoted { bytes.append(0x22) }
        if guarded { bytes.append(UInt8(ascii: "'")) }
        if quoted {
            for b in utf8 {
                bytes.append(b)
                if b == 0x22 { bytes.append(0x22) }
            }
            bytes.append(0x22)
        } else {
            bytes.append(contentsOf: utf8)
        }
    }

    /// Whether a text cell starting with `first` must be written with a leading `'`
    /// (README, "The figures": `=`, `+`, `-`, `@`, tab, carriage return).
    static func needsFormulaGuard(_ first: UInt8) -> Bool {
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: return true
        default: return false
        }
    }

    /// A number as README, "The figures" writes it: rounded to 4 digits after the point, trailing
    /// zeros and a trailing point dropped, never an exponent, never `-0`.
    ///
    /// Rounding is that of `printf("%.4f")` (glibc): the exact binary value, to nearest,
    /// ties to even. So 2.5 -> `2.5`, 1/3 -> `0.3333`, 1e20 -> `100000000000000000000`,
    /// -0.00001 -> `0`, 0.00005 -> `0.0001` (the double is a hair above 0.00005).
    /// NaN and infinities are not numbers restock writes: they are written as an empty
    /// cell (a missing value) rather than as text no reader accepts.
    public static func format(_ x: Double) -> String {
        guard x.isFinite else { return "" }
        // Fast path, the same digits as "%.4f": below 10^9 the product x * 10^4 is within
        // 0.002 of the exact one, so where it is not near a half its rounding is that of the
        // exact binary value. Near a half (and for large values) printf decides.
        if abs(x) < 1e9 {
            let scaled = x * 10_000
            let whole = scaled.rounded()
            if abs(abs(scaled - whole) - 0.5) > 0.01 {
                return DecimalText.fixed(Int64(whole), places: 4, trimmingZeros: true)
            }
        }
        return printfFormat(x)
    }

    /// `format` through glibc's "%.4f".
    static func printfFormat(_ x: Double) -> String {
        // 309 integer digits at most, a sign, a point and 4 decimals.
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 330) { out in
            let written = withVaList([x]) { vsnprintf(out.baseAddress, out.count, "%.4f", $0) }
            var end = Int(written)
            precondition(end > 0 && end < out.count, "vsnprintf %.4f of a finite double fits 330 bytes")
            // Drop trailing zeros after the point, then the point itself.
            while out[end - 1] == 0x30 /* 0 */ { end -= 1 }
            if out[end - 1] == 0x2E /* . */ { end -= 1 }
            let text = String(decoding: UnsafeRawBufferPointer(start: out.baseAddress, count: end).bindMemory(to: UInt8.self), as: UTF8.self)
            return text == "-0" ? "0" : text
        }
    }
}
