/// A date format as a mapping file writes it, `%d/%m/%Y %H:%M` and the like.
///
/// Fields: `%Y` four-digit year, `%y` two-digit year (20yy), `%m` month, `%d` day (one or
/// two digits each), `%H` hour, `%M` minute, `%S` second (two digits), `%%` a percent sign;
/// any other character must appear as written. Nothing else is accepted, so a mapping
/// cannot ask for a form restock would have to guess.
public struct DatePattern: Sendable, Hashable {
    /// The pattern as written.
    public let text: String
    private let parts: [Part]

    private enum Part: Hashable, Sendable {
        case literal(Character)
        case field(Character)
    }

    /// Nil when `text` uses a field other than those listed, or has no year, month and day.
    public init?(_ text: String) {
        var parts: [Part] = []
        var chars = text.makeIterator()
        while let c = chars.next() {
            guard c == "%" else { parts.append(.literal(c)); continue }
            guard let f = chars.next(), "YymdHMS%".contains(f) else { return nil }
            parts.append(f == "%" ? .literal("%") : .field(f))
        }
        let fields = Set(parts.compactMap { if case .field(let f) = $0 { f } else { nil } })
        guard fields.contains("m"), fields.contains("d"), fields.contains("Y") || fields.contains("y") else { return nil }
        self.text = text
        self.parts = parts
    }

    /// The ISO text of `raw` read by this pattern (the row parser checks the ranges), nil
    /// when `raw` does not follow it.
    func parse(_ raw: String) -> String? {
        var values: [Character: Int] = [:]
        let chars = Array(raw)
        var i = 0
        for part in parts {
            switch part {
            case .literal(let c):
                guard i < chars.count, chars[i] == c else { return nil }
                i += 1
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
        let date = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        guard let hour = values["H"] else { return date }
        return "\(date)T\(pad(hour, 2)):\(pad(values["M"] ?? 0, 2)):\(pad(values["S"] ?? 0, 2))"
    }
}
