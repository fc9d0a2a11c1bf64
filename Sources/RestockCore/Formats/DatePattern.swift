/// A date format as a mapping file writes it, `%d/%m/%Y %H:%M` and the like.
///
/// Fields: `%Y` four-digit year, `%y` two-digit year (20yy), `%m` month, `%d` day (one or
/// two digits each), `%b` the month's English three-letter name (`Jun`, any case), `%B` its
/// full English name (`June`), `%H` hour, `%M` minute, `%S` second (two digits), `%%` a
/// percent sign; any other character must appear as written. Nothing else is accepted, so a
/// mapping cannot ask for a form restock would have to guess.
///
/// Some exports write one column in several forms (a supplier's `6/2/06` beside
/// `02-Jun-06`): `%m/%d/%y or %d-%b-%y` lists them, and each value is read by the one it
/// follows. A value that two of them read as different dates is rejected, never guessed.
public struct DatePattern: Sendable, Hashable {
    /// The pattern as written.
    public let text: String
    /// One list of parts per form (`or` between forms).
    private let forms: [[Part]]

    private enum Part: Hashable, Sendable {
        case literal(Character)
        case field(Character)
    }

    /// Nil when a form of `text` uses a field other than those listed, or has no year,
    /// month and day.
    public init?(_ text: String) {
        var forms: [[Part]] = []
        for form in text.components(separatedBy: " or ") {
            guard let parts = Self.parts(form) else { return nil }
            forms.append(parts)
        }
        self.text = text
        self.forms = forms
    }

    /// The parts of one form, nil when it is not one restock reads.
    private static func parts(_ text: String) -> [Part]? {
        var parts: [Part] = []
        var chars = text.makeIterator()
        while let c = chars.next() {
            guard c == "%" else { parts.append(.literal(c)); continue }
            guard let f = chars.next(), "YymbBdHMS%".contains(f) else { return nil }
            parts.append(f == "%" ? .literal("%") : .field(f))
        }
        let fields = parts.compactMap { if case .field(let f) = $0 { f } else { nil } }
        let months = fields.filter { "mbB".contains($0) }.count
        guard months == 1, fields.contains("d"), fields.contains("Y") || fields.contains("y") else { return nil }
        return parts
    }

    /// The ISO text of `raw` read by this pattern (the row parser checks the ranges), or why
    /// it cannot be read: it follows none of the forms, or two of them read different dates.
    func read(_ raw: String) -> Result<String, DateParseError> {
        var readings: [String] = []
        // With several forms, one that reads a month above 12 or a day above 31 does not
        // read the value (`13/2/06` is not month-first); alone, it leaves the row parser to
        // name the range.
        for form in forms {
            if let iso = Self.parse(raw, form, inRange: forms.count > 1), !readings.contains(iso) { readings.append(iso) }
        }
        switch readings.count {
        case 1: return .success(readings[0])
        case 0: return .failure(DateParseError(reason: "expected a date written as \(text)"))
        default:
            return .failure(DateParseError(reason: "it can be read as \(readings.joined(separator: " or ")) by the date formats \(text); restock does not guess: give one form per column"))
        }
    }

    /// `raw` read by one form, nil when it does not follow it.
    private static func parse(_ raw: String, _ parts: [Part], inRange: Bool) -> String? {
        var values: [Character: Int] = [:]
        let chars = Array(raw)
        var i = 0
        for part in parts {
            switch part {
            case .literal(let c):
                guard i < chars.count, chars[i] == c else { return nil }
                i += 1
            case .field(let f) where f == "b" || f == "B":
                guard let (month, length) = Self.monthName(chars, from: i, full: f == "B") else { return nil }
                values["m"] = month
                i += length
            case .field(let f):
                let most = f == "Y" ? 4 : 2
                let least = f == "Y" ? 4 : (f == "m" || f == "d" || f == "H" ? 1 : 2)
                var n = 0, digits = 0
                while i < chars.count, digits < most, let d = chars[i].wholeNumberValue, chars[i].isASCII {
                    n = n * 10 + d; digits += 1; i += 1
                }
                guard digits >= least else { return nil }
                values[f] = f == "y" ? 2000 + n : n
            }
        }
        guard i == raw.count, let year = values["Y"] ?? values["y"], let month = values["m"], let day = values["d"] else { return nil }
        if inRange && !((1...12).contains(month) && (1...31).contains(day)) { return nil }
        let date = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        guard let hour = values["H"] else { return date }
        return "\(date)T\(pad(hour, 2)):\(pad(values["M"] ?? 0, 2)):\(pad(values["S"] ?? 0, 2))"
    }

    /// English month names, January first.
    static let monthNames = ["january", "february", "march", "april", "may", "june", "july",
                             "august", "september", "october", "november", "december"]

    /// The month (1-12) whose English name (`full`) or first three letters start `chars` at
    /// `start`, any case, and the characters it takes; nil when none does.
    private static func monthName(_ chars: [Character], from start: Int, full: Bool) -> (Int, Int)? {
        for (index, name) in monthNames.enumerated() {
            let word = full ? name : String(name.prefix(3))
            guard start + word.count <= chars.count else { continue }
            if String(chars[start..<(start + word.count)]).lowercased() == word { return (index + 1, word.count) }
        }
        return nil
    }
}
