/// A growing run of CSV bytes (RFC 4180, LF line ends) with the few formatters the generator
/// needs, all writing ASCII digits directly: the orders file of a large run has tens of
/// millions of rows.
struct CSVBytes: Sendable {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    static let comma = UInt8(ascii: ",")
    static let newline = UInt8(ascii: "\n")
    static let quote = UInt8(ascii: "\"")
    static let zero = UInt8(ascii: "0")

    mutating func comma() { bytes.append(CSVBytes.comma) }
    mutating func newline() { bytes.append(CSVBytes.newline) }

    /// Text as is (for values known to need no quoting).
    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// A text field, quoted when it holds a comma, quote, CR or LF (quotes doubled).
    mutating func field(_ text: String) {
        let utf8 = text.utf8
        let needsQuotes = utf8.contains { $0 == CSVBytes.comma || $0 == CSVBytes.quote || $0 == 13 || $0 == 10 }
        if !needsQuotes {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(CSVBytes.quote)
        for byte in utf8 {
            if byte == CSVBytes.quote { bytes.append(CSVBytes.quote) }
            bytes.append(byte)
        }
        bytes.append(CSVBytes.quote)
    }

    /// A non-negative integer, left-padded with zeros to at least `width` digits.
    mutating func integer(_ value: Int, width: Int = 1) {
        precondition(value >= 0, "CSVBytes.integer takes non-negative values")
        var divisor = 1
        var digits = 1
        while divisor <= value / 10 {
            divisor *= 10
            digits += 1
        }
        for _ in digits..<max(digits, width) { bytes.append(CSVBytes.zero) }
        var rest = value
        while divisor > 0 {
            bytes.append(CSVBytes.zero + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// An amount in cents as euros with two decimals: 1299 -> `12.99`.
    mutating func cents(_ value: Int) {
        integer(value / 100)
        bytes.append(UInt8(ascii: "."))
        integer(value % 100, width: 2)
    }

    /// An instant as an ISO 8601 date-time with seconds: `2026-03-14T10:22:31Z`, or the same
    /// instant in wall-clock time at `+01:00` when `plusOneHour` (`2026-03-14T11:22:31+01:00`).
    mutating func dateTime(_ time: Int64, plusOneHour: Bool = false, dates: DateTexts) {
        let local = plusOneHour ? time + 3_600 : time
        let day = Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
        let second = Int(local - Int64(day) * 86_400)
        dates.append(day, to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        integer(second / 3_600, width: 2)
        bytes.append(UInt8(ascii: ":"))
        integer(second / 60 % 60, width: 2)
        bytes.append(UInt8(ascii: ":"))
        integer(second % 60, width: 2)
        if plusOneHour {
            bytes.append(contentsOf: "+01:00".utf8)
        } else {
            bytes.append(UInt8(ascii: "Z"))
        }
    }
}

/// `YYYY-MM-DD` of the days of a range, computed once (a date is written for every row).
struct DateTexts: Sendable {
    let firstDay: Day
    let texts: [UInt8]

    /// Texts for `days` (others are computed when asked).
    init(days: ClosedRange<Day>) {
        firstDay = days.lowerBound
        var texts: [UInt8] = []
        texts.reserveCapacity(days.count * 10)
        for day in days { texts.append(contentsOf: CivilDate.string(day).utf8) }
        self.texts = texts
    }

    /// Appends the date of `day` to `bytes`.
    func append(_ day: Day, to bytes: inout [UInt8]) {
        let offset = (day - firstDay) * 10
        if offset >= 0 && offset + 10 <= texts.count {
            bytes.append(contentsOf: texts[offset..<(offset + 10)])
        } else {
            bytes.append(contentsOf: CivilDate.string(day).utf8)
        }
    }
}
