/// Rewrites the dates shop systems write into the forms restock's row parser reads
/// (README, "Dates and numbers in exports").
///
/// - ISO dates and date-times pass unchanged (the parser checks them);
/// - `2021-05-13 11:01:13 +0200` (Shopify: a space before the offset) becomes
///   `2021-05-13T11:01:13+02:00`;
/// - `Mon, 23 Sep 2024 14:21:24 +0000` (RFC 2822, BigCommerce) becomes `2024-09-23T14:21:24+00:00`;
/// - `13/05/2021`, `5/13/21 9:05`, `13.05.2021 09:05:00` are read with the `order` given, and
///   refuse the whole file when none was given: they are ambiguous and never guessed;
/// - a spreadsheet serial date (`45384.347`) refuses the whole file;
/// - with a `pattern` (a mapping's `date format`) every value must follow the pattern.
public struct ExportDateReader: Sendable {
    public var order: DateOrder?
    public var pattern: DatePattern?

    public init(order: DateOrder? = nil, pattern: DatePattern? = nil) {
        self.order = order
        self.pattern = pattern
    }

    /// A value restock's parser reads, or the reason it cannot be one (the row is rejected).
    /// Throws a `FormatRefusal` when the file as a whole cannot be read.
    func canonical(_ raw: String, column: String) throws(FormatRefusal) -> Result<String, DateParseError> {
        if let pattern {
            return pattern.read(raw)
        }
        let b = Array(raw.utf8)
        if ExportDateReader.isSerial(b) {
            throw FormatRefusal(
                problem: "\(column) holds \"\(raw)\", a spreadsheet serial date (days since 1899-12-30), not a date; nothing of this file was loaded",
                hint: "format the date column as text (YYYY-MM-DD or the shop's own date form) in the spreadsheet and save it again, or export from the shop system directly")
        }
        if b.count >= 10, b[4] == UInt8(ascii: "-") { return .success(ExportDateReader.isoWithSpacedOffset(raw, b) ?? raw) }
        if let rfc = RFC2822Date.iso(b) { return .success(rfc) }
        if let parts = NumericDate(b) {
            guard let order else {
                throw FormatRefusal(
                    problem: "\(column) holds \"\(raw)\": a date like this can be read day-first or month-first, and restock does not guess; nothing of this file was loaded",
                    hint: "run with --date-order dmy (day first) or --date-order mdy (month first), or write `date format` in a mapping")
            }
            return parts.iso(order: order)
        }
        return .success(raw)
    }

    /// `45384` or `45384.347`: 4 to 6 digits, maybe a fraction, as spreadsheets store dates.
    static func isSerial(_ b: [UInt8]) -> Bool {
        var digits = 0, i = 0
        while i < b.count, b[i] &- 0x30 < 10 { digits += 1; i += 1 }
        guard (4...6).contains(digits) else { return false }
        if i == b.count { return true }
        guard b[i] == UInt8(ascii: "."), i + 1 < b.count else { return false }
        return b[(i + 1)...].allSatisfy { $0 &- 0x30 < 10 }
    }

    /// `YYYY-MM-DD HH:MM[:SS] +HHMM` with one space before the offset, as Shopify writes it.
    static func isoWithSpacedOffset(_ raw: String, _ b: [UInt8]) -> String? {
        guard let space = b.lastIndex(of: UInt8(ascii: " ")), space > 10, space + 1 < b.count,
              b[space + 1] == UInt8(ascii: "+") || b[space + 1] == UInt8(ascii: "-") else { return nil }
        let offset = Array(b[(space + 1)...])
        guard offset.count == 5, offset[1...].allSatisfy({ $0 &- 0x30 < 10 }) else { return nil }
        var out = Array(b[0..<10]) + [UInt8(ascii: "T")] + Array(b[11..<space])
        out += offset[0..<3] + [UInt8(ascii: ":")] + offset[3..<5]
        return String(decoding: out, as: UTF8.self)
    }
}

/// A file-level reason an export cannot be read as its format says; the adapter turns it
/// into a `CSVError` naming the file and line.
struct FormatRefusal: Error {
    var problem: String
    var hint: String

    func error(file: String, line: Int) -> CSVError {
        CSVError(kind: .badHeader, file: file, line: line, problem: problem, hint: hint)
    }
}
