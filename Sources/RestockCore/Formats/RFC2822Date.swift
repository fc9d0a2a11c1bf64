/// Dates as RFC 2822 writes them (`Mon, 23 Sep 2024 14:21:24 +0000`), as BigCommerce exports
/// them: the weekday is optional and not checked; the month is an English abbreviation; the
/// time and the offset are optional.
enum RFC2822Date {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// The ISO 8601 text of the same day or instant, nil when `b` is not in this form.
    static func iso(_ b: [UInt8]) -> String? {
        var words = String(decoding: b, as: UTF8.self).split(separator: " ").map(String.init)
        if let first = words.first, first.hasSuffix(",") { words.removeFirst() }
        guard (3...5).contains(words.count), let day = Int(words[0]), (1...31).contains(day),
              words[1].count >= 3, let month = months.firstIndex(of: String(words[1].prefix(3)).lowercased()),
              words[2].count == 4, let year = Int(words[2]) else { return nil }
        let date = "\(pad(year, 4))-\(pad(month + 1, 2))-\(pad(day, 2))"
        guard words.count >= 4 else { return date }
        guard NumericDate.isTime(words[3]) else { return nil }
        let time = words[3].count == 4 || words[3].count == 7 ? "0" + words[3] : words[3]
        guard words.count == 5 else { return "\(date)T\(time)" }
        let offset = Array(words[4].utf8)
        guard offset.count == 5, offset[0] == UInt8(ascii: "+") || offset[0] == UInt8(ascii: "-"),
              offset[1...].allSatisfy({ $0 &- 0x30 < 10 }) else { return nil }
        return "\(date)T\(time)\(words[4].prefix(3)):\(words[4].suffix(2))"
    }
}
