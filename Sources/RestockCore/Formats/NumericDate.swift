/// A date written as three numbers (`13/05/2021`, `5-13-21`, `13.05.2021`), maybe followed
/// by a time `H:MM` or `H:MM:SS`, whose order of day and month is not written in it.
struct NumericDate {
    var first: Int
    var second: Int
    var year: Int
    /// The time as written after the date (`09:05:00`), nil for a date alone.
    var time: String?

    /// Nil unless `b` is one or two digits, a separator (`/`, `.` or `-`), one or two digits,
    /// the same separator, two or four digits, then the end or a space and a time.
    init?(_ b: [UInt8]) {
        var i = 0
        func number(max: Int) -> (Int, Int)? {
            let start = i
            var value = 0
            while i < b.count, b[i] &- 0x30 < 10, i - start < max { value = value * 10 + Int(b[i] &- 0x30); i += 1 }
            return i > start ? (value, i - start) : nil
        }
        guard let (a, _) = number(max: 2), i < b.count else { return nil }
        let separator = b[i]
        guard separator == UInt8(ascii: "/") || separator == UInt8(ascii: ".") || separator == UInt8(ascii: "-") else { return nil }
        i += 1
        guard let (m, _) = number(max: 2), i < b.count, b[i] == separator else { return nil }
        i += 1
        guard let (y, yDigits) = number(max: 4), yDigits == 2 || yDigits == 4 else { return nil }
        first = a
        second = m
        year = yDigits == 2 ? 2000 + y : y
        if i == b.count {
            time = nil
        } else {
            guard b[i] == UInt8(ascii: " ") else { return nil }
            let rest = String(decoding: b[(i + 1)...], as: UTF8.self)
            guard NumericDate.isTime(rest) else { return nil }
            time = rest.count == 4 || rest.count == 7 ? "0" + rest : rest
        }
    }

    /// `H:MM`, `HH:MM`, `H:MM:SS` or `HH:MM:SS`.
    static func isTime(_ s: String) -> Bool {
        let parts = s.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, (1...2).contains(parts[0].count) else { return false }
        return parts.allSatisfy { $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) } && parts.dropFirst().allSatisfy { $0.count == 2 }
    }

    /// The ISO text of this date read in `order`; the row parser checks the ranges.
    func iso(order: DateOrder) -> Result<String, DateParseError> {
        let (day, month) = order == .dayFirst ? (first, second) : (second, first)
        guard (1...12).contains(month) else {
            return .failure(DateParseError(reason: "month \(month) is out of range (01-12) reading the date \(order == .dayFirst ? "day" : "month") first"))
        }
        let date = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        return .success(time.map { "\(date)T\($0)" } ?? date)
    }
}

/// `n` with leading zeros to `width` digits.
func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
