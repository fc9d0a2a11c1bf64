/// How the report and the e-mail write numbers for people: thousands grouped with commas,
/// a fixed number of decimals, no exponent, and "–" for a missing value. Independent of the
/// machine's locale, so a report reads the same wherever it is produced.
public enum ReportFormat {
    /// The dash shown for an empty value.
    static let missing = "–"

    /// `value` rounded half away from zero to `decimals` places (0...6), grouped by thousands:
    /// 1234567.891 with 2 -> "1,234,567.89"; with `trim`, trailing zeros after the point go
    /// (2.50 -> "2.5", 3.00 -> "3").
    static func number(_ value: Double, decimals: Int = 0, trim: Bool = false) -> String {
        guard value.isFinite else { return missing }
        let d = max(0, min(6, decimals))
        var scale = 1.0
        for _ in 0..<d { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e18 else { return value < 0 ? "-∞" : "∞" }
        let units = UInt64(scaled)
        let whole = units / UInt64(scale)
        var fraction = d == 0 ? "" : String(units % UInt64(scale))
        fraction = String(repeating: "0", count: max(0, d - fraction.count)) + fraction
        if trim { while fraction.hasSuffix("0") { fraction.removeLast() } }
        let negative = value < 0 && units > 0
        return (negative ? "-" : "") + grouped(whole) + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// A count: 12345 -> "12,345".
    public static func count(_ value: Int) -> String {
        (value < 0 ? "-" : "") + grouped(UInt64(value.magnitude))
    }

    /// Units: at most one decimal, trailing zero dropped (12.0 -> "12", 2.25 -> "2.3").
    static func units(_ value: Double) -> String { number(value, decimals: 1, trim: true) }

    /// Units or the dash.
    static func units(_ value: Double?) -> String { value.map { units($0) } ?? missing }

    /// Money: whole units from 1,000 up, else two decimals (1234.5 -> "1,235", 12.5 -> "12.50").
    static func money(_ value: Double) -> String {
        number(value, decimals: abs(value) >= 1000 ? 0 : 2)
    }

    /// Money or the dash.
    static func money(_ value: Double?) -> String { value.map { money($0) } ?? missing }

    /// A share 0...1 as a percentage with one decimal: 0.0423 -> "4.2%"; nil -> the dash.
    static func percent(_ share: Double?) -> String {
        guard let share else { return missing }
        return number(share * 100, decimals: 1) + "%"
    }

    /// A day as `YYYY-MM-DD`; nil -> the dash.
    static func day(_ day: Day?) -> String { day.map { CivilDate.string($0) } ?? missing }

    /// "1 SKU", "2 SKUs".
    public static func plural(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count(n)) \(n == 1 ? singular : (plural ?? singular + "s"))"
    }

    /// A number for an SVG coordinate: at most two decimals, no grouping, no exponent.
    static func coordinate(_ value: Double) -> String {
        let v = value.isFinite ? value : 0
        return String(number(v, decimals: 2, trim: true).filter { $0 != "," })
    }

    private static func grouped(_ value: UInt64) -> String {
        let digits = String(value)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }
}
