import Foundation

/// Parses the date and date-time forms of README, "The CSV dialect" into days and instants in one
/// configured time zone.
///
/// Accepted (and nothing else): `YYYY-MM-DD`; the date, then `T` or one space, then
/// `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fraction` (1 or more digits; beyond microseconds
/// truncated); then optionally `Z`, `+HH:MM`, `+HHMM`, `+HH` or the same with `-`.
/// Checked: year 0001-9999, month 01-12, the day within its month (Gregorian leap years),
/// hour 00-23, minute and second 00-59 (no `24:00`, no leap second `:60`), offset at most
/// 18:00 either way with minutes 00-59. Letters are upper case only (`T`, `Z`).
///
/// A date-time with an offset is an instant; its day is the day in the configured zone at
/// that instant. A date-time without an offset is a wall-clock time in the configured zone:
/// its day is the date as written, and its instant uses the zone's offset at that wall time
/// (see `ZoneOffsets.utc(forWall:)` for clocks set back or forward). A date alone has its
/// written day and no instant.
///
/// Speed: no Foundation call per value. For UTC and fixed offsets the day is arithmetic;
/// for an IANA zone the offset comes from a transition table built once in `init`.
public struct DateTimeParser: Sendable {
    private let offsets: ZoneOffsets

    /// A parser for the configured zone (README, "Commands": `--time-zone`; default UTC).
    public init(timeZone: TimeZone) {
        self.offsets = ZoneOffsetsCache.shared.offsets(timeZone)
    }

    /// The day and instant of `text`; throws the reason when it is not a date README, "The CSV
    /// dialect" allows. `text` must already be trimmed (the CSV reader trims every value).
    public func parse(_ text: String) throws(DateParseError) -> ParsedDateTime {
        let result = text.utf8.withContiguousStorageIfAvailable { b in
            Result { () throws(DateParseError) in try parse(bytes: b) }
        } ?? Array(text.utf8).withUnsafeBufferPointer { b in
            Result { () throws(DateParseError) in try parse(bytes: b) }
        }
        return try result.get()
    }

    /// `YYYY-MM-DD` alone (for `--as-of` on the command line), nil for anything else.
    public static func parseDay(_ text: String) -> Day? {
        Array(text.utf8).withUnsafeBufferPointer { b -> Day? in
            guard b.count == 10 else { return nil }
            return try? parseDate(b)
        }
    }

    private func parse(bytes b: UnsafeBufferPointer<UInt8>) throws(DateParseError) -> ParsedDateTime {
        if b.isEmpty { throw DateParseError(reason: "the value is empty") }
        let day = try DateTimeParser.parseDate(b)
        let n = b.count
        if n == 10 { return ParsedDateTime(day: day, instant: nil) }
        guard b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " ") else {
            throw DateParseError(reason: "expected 'T' or a space between the date and the time")
        }
        // HH:MM
        guard n >= 16, let hour = Self.twoDigits(b, 11), b[13] == UInt8(ascii: ":"),
              let minute = Self.twoDigits(b, 14) else {
            throw DateParseError(reason: "expected a time HH:MM after the date")
        }
        guard hour <= 23 else { throw DateParseError(reason: "hour \(hour) is out of range (00-23)") }
        guard minute <= 59 else { throw DateParseError(reason: "minute \(minute) is out of range (00-59)") }
        var i = 16
        var second = 0
        var micros: Int64 = 0
        if i < n && b[i] == UInt8(ascii: ":") {
            guard let s = Self.twoDigits(b, i + 1) else {
                throw DateParseError(reason: "expected two digits of seconds after HH:MM:")
            }
            guard s <= 59 else { throw DateParseError(reason: "second \(s) is out of range (00-59)") }
            second = s
            i += 3
            if i < n && b[i] == UInt8(ascii: ".") {
                i += 1
                let start = i
                var scale: Int64 = 100_000
                while i < n, b[i] &- 0x30 < 10 {
                    micros += Int64(b[i] &- 0x30) * scale
                    scale /= 10
                    i += 1
                }
                if i == start { throw DateParseError(reason: "expected digits after the decimal point of the seconds") }
            }
        }
        let wall = Int64(day) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        if i == n {
            // Wall-clock time in the configured zone: the written date is its day.
            let utc = offsets.utc(forWall: wall)
            return ParsedDateTime(day: day, instant: utc * 1_000_000 + micros)
        }
        let given = try Self.parseOffset(b, from: i)
        let utc = wall - given
        let local = utc + offsets.offset(atUTC: utc)
        let localDay = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        return ParsedDateTime(day: Day(localDay), instant: utc * 1_000_000 + micros)
    }

    /// Offset in seconds of `Z`, `+HH:MM`, `+HHMM` or `+HH` (or `-`) filling `b[from...]`.
    private static func parseOffset(_ b: UnsafeBufferPointer<UInt8>, from i: Int) throws(DateParseError) -> Int64 {
        let n = b.count
        let c = b[i]
        if c == UInt8(ascii: "Z") {
            guard i + 1 == n else { throw DateParseError(reason: "unexpected text after 'Z'") }
            return 0
        }
        guard c == UInt8(ascii: "+") || c == UInt8(ascii: "-") else {
            throw DateParseError(reason: "unexpected \(describe(c)) after the time; expected Z, +HH:MM or -HH:MM")
        }
        guard let hours = twoDigits(b, i + 1) else {
            throw DateParseError(reason: "expected a time zone offset such as +01:00")
        }
        var minutes = 0
        switch n - (i + 3) {
        case 0:
            break
        case 2:
            guard let m = twoDigits(b, i + 3) else { throw DateParseError(reason: "expected a time zone offset such as +01:00") }
            minutes = m
        case 3:
            guard b[i + 3] == UInt8(ascii: ":"), let m = twoDigits(b, i + 4) else {
                throw DateParseError(reason: "expected a time zone offset such as +01:00")
            }
            minutes = m
        default:
            throw DateParseError(reason: "expected a time zone offset such as +01:00")
        }
        guard minutes <= 59 else { throw DateParseError(reason: "offset minute \(minutes) is out of range (00-59)") }
        let total = hours * 60 + minutes
        let sign = c == UInt8(ascii: "-") ? "-" : "+"
        guard total <= 18 * 60 else {
            throw DateParseError(reason: "time zone offset \(sign)\(pad2(hours)):\(pad2(minutes)) is out of range (at most 18:00 either way)")
        }
        return Int64(sign == "-" ? -total * 60 : total * 60)
    }

    /// The day of the `YYYY-MM-DD` in `b[0..<10]`.
    private static func parseDate(_ b: UnsafeBufferPointer<UInt8>) throws(DateParseError) -> Day {
        guard b.count >= 10, let y1 = twoDigits(b, 0), let y2 = twoDigits(b, 2), b[4] == UInt8(ascii: "-"),
              let month = twoDigits(b, 5), b[7] == UInt8(ascii: "-"), let day = twoDigits(b, 8) else {
            throw DateParseError.shape
        }
        let year = y1 * 100 + y2
        guard year >= 1 else { throw DateParseError(reason: "year 0000 is out of range (0001-9999)") }
        guard month >= 1 && month <= 12 else {
            throw DateParseError(reason: "month \(month) is out of range (01-12)")
        }
        let length = CivilDate.daysInMonth(year: year, month: month)
        guard day >= 1 && day <= length else {
            let written = "\(pad2(y1))\(pad2(y2))-\(pad2(month))-\(pad2(day))"
            throw DateParseError(reason: "\(written) is not a date: \(monthNames[month - 1]) \(year) has \(length) days")
        }
        return CivilDate.day(year: year, month: month, day: day)
    }

    private static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                                     "August", "September", "October", "November", "December"]

    @inline(__always)
    private static func twoDigits(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        guard i + 1 < b.count else { return nil }
        let d1 = b[i] &- 0x30, d2 = b[i + 1] &- 0x30
        guard d1 < 10 && d2 < 10 else { return nil }
        return Int(d1) * 10 + Int(d2)
    }

    private static func pad2(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }

    private static func describe(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "a byte 0x\(String(byte, radix: 16))"
    }
}
