/// Rewrites numbers as exports write them (`R 1 299,00`, `$1,299.00`, `12,5`) into the plain
/// form restock's parser reads (`1299.00`, `12.5`) (README, "Dates and numbers in exports").
///
/// A currency symbol or code before or after the number, spaces (also no-break spaces) and
/// apostrophes between digit groups are dropped. With a declared decimal mark the other mark
/// separates thousands. Without one: where both `.` and `,` appear, the last is the decimal
/// mark; a lone `,` followed by other than three digits is a decimal comma; a lone `.` is a
/// decimal point unless three digits follow it; a lone mark with exactly three digits after
/// it (`1,234`, `1.234`) could be a thousand or a fraction and is refused, never guessed.
public enum DecimalMark: String, Sendable, Hashable {
    case point = "."
    case comma = ","

    /// The decimal mark written in a mapping file: `.`/`point`/`dot` or `,`/`comma`.
    public init?(mappingValue text: String) {
        switch text.lowercased() {
        case ".", "point", "dot": self = .point
        case ",", "comma": self = .comma
        default: return nil
        }
    }
}

enum ExportNumber {
    /// Why a cell is not a number as exports write them.
    struct Problem: Error {
        var reason: String
    }

    /// The plain text of `raw`, or the reason it is not a number as exports write them.
    static func canonical(_ raw: String, mark: DecimalMark?) -> Result<String, Problem> {
        var body = Substring(raw)
        while let c = body.first, !(c.isNumber || c == "-" || c == "+" || c == "." || c == ",") { body.removeFirst() }
        while let c = body.last, !(c.isNumber || c == "." || c == ",") { body.removeLast() }
        let kept = body.filter { !($0 == " " || $0 == "\u{A0}" || $0 == "\u{202F}" || $0 == "'") }
        guard !kept.isEmpty, kept.allSatisfy({ $0.isASCII }) else { return .failure(Problem(reason: "not a number")) }
        let points = kept.filter { $0 == "." }.count, commas = kept.filter { $0 == "," }.count
        let decimal: Character?
        if let mark {
            decimal = Character(mark.rawValue)
        } else if points > 0 && commas > 0 {
            decimal = kept.last(where: { $0 == "." || $0 == "," })
        } else if points + commas == 0 {
            decimal = nil
        } else if points + commas > 1 {
            decimal = nil    // 1,234,567 or 1.234.567: only thousands
        } else {
            let mark: Character = points == 1 ? "." : ","
            let after = kept.split(separator: mark, omittingEmptySubsequences: false)[1]
            if after.count == 3 {
                return .failure(Problem(reason: "\"\(raw)\" could be a whole number with a thousands separator or a fraction; say `decimal mark` in a mapping"))
            }
            decimal = mark
        }
        var out = ""
        for c in kept {
            if c == decimal { out.append(".") } else if c != "." && c != "," { out.append(c) }
        }
        return .success(out)
    }
}
