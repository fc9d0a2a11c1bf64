/// A calendar day in the run's configured time zone, as a day number: days since 1970-01-01.
///
/// Every figure (README, "The figures") counts on days; keeping them as integers makes windows,
/// weeks and spans plain arithmetic.
public typealias Day = Int

/// Conversions between day numbers and civil dates (proleptic Gregorian calendar).
///
/// Algorithms from Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms"
/// (days_from_civil / civil_from_days).
public enum CivilDate {
    /// The day number of a civil date; `month` 1...12, `day` 1...31 (not validated here).
    public static func day(year: Int, month: Int, day: Int) -> Day {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date (year, month 1...12, day 1...31) of a day number.
    public static func civil(_ dayNumber: Day) -> (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// `YYYY-MM-DD` of a day number.
    public static func string(_ dayNumber: Day) -> String {
        let c = civil(dayNumber)
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }

    /// Whether the day number is the last day of February etc. is not needed; days in a month:
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        default:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        }
    }
}
