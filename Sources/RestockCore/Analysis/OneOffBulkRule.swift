/// A day of a SKU's order lines that holds a bulk line (README, "One-off bulk orders").
public struct OneOffDay: Sendable, Hashable {
    public var day: Day
    /// The day's order lines and units, as ordered.
    public var lines: Int
    public var units: Double
    /// The SKU's usual line size, units (`OneOffBulkRule.usualLineUnits`).
    public var usualLineUnits: Double
    /// The units the forecast and the reorder point count for the day: its lines at the
    /// usual size for a one-off, all its units when bulk lines recur.
    public var countedUnits: Double

    public init(day: Day, lines: Int, units: Double, usualLineUnits: Double, countedUnits: Double) {
        self.day = day
        self.lines = lines
        self.units = units
        self.usualLineUnits = usualLineUnits
        self.countedUnits = countedUnits
    }

    /// Units the forecast and the reorder point do not see.
    public var setAsideUnits: Double { units - countedUnits }
    /// Whether the day is the SKU's only bulk day in its demand history: a one-off, set aside.
    public var isOneOff: Bool { countedUnits < units }
}

/// One-off bulk orders are flagged, not silently believed (README, "One-off bulk orders").
///
/// restock keeps a SKU's order lines as daily totals (lines and units per day), so it judges
/// a day's lines by their mean size: a day whose units exceed `factor` times the SKU's usual
/// line size times its lines holds at least one line more than `factor` times the usual size
/// (were every line at most that, the day could not hold more): a bulk day. When it is the
/// SKU's only bulk day in its demand history and it stands apart from everything else the SKU sold
/// (its mean line more than `apart` times the largest mean line of any other day), it is a
/// one-off: it counts for the forecast and the reorder point at its lines times the largest
/// of the usual size and that largest other line. A bulk day that does not stand apart is the
/// tail of demand that often runs large (erratic and lumpy SKUs), and two or more bulk days
/// recur: both count as ordered. ordered_units and the backorder figures always keep what was
/// ordered. A SKU the user marks as recurring bulk demand (`restock-recurring.txt`) is not
/// judged.
public enum OneOffBulkRule {
    /// How many times the usual line size a line must exceed to be a one-off: 10. Shops sell
    /// in packs and to trade customers, so lines of 2 to 5 times the usual size are ordinary
    /// demand; 10 times is rare enough to be worth a look.
    public static let factor = 10.0
    /// How many times the largest line of any other day a one-off's line must exceed: 5. On
    /// SKUs whose lines run large now and then (lognormal sizes), the largest line of a year
    /// is seldom 5 times the next largest; an order that is a shop's whole year over again is.
    public static let apart = 5.0
    /// The fewest order lines in the SKU's demand history that make a usual size: 10. With fewer, one line
    /// is a tenth or more of everything known and the median says little.
    public static let minimumLines = 10

    /// The usual size of one of the SKU's order lines, units: the median over its lines in
    /// `days`, each day's lines counted at the day's mean size (the lower middle line for an
    /// even count); nil with fewer than `minimumLines` lines.
    public static func usualLineUnits(_ days: [OrderDay]) -> Double? {
        let total = days.reduce(0) { $0 + $1.lines }
        guard total >= minimumLines else { return nil }
        // One list, sorted in place (this runs for every SKU of a run).
        var sizes: [(size: Double, lines: Int)] = []
        sizes.reserveCapacity(days.count)
        for d in days where d.lines > 0 { sizes.append((size: d.units / Double(d.lines), lines: d.lines)) }
        sizes.sort { $0.size < $1.size }
        let middle = (total + 1) / 2
        var seen = 0
        for s in sizes {
            seen += s.lines
            if seen >= middle { return s.size }
        }
        return sizes.last?.size
    }

    /// The most bulk days in the SKU's demand history that are one-offs: 1. A single bulk order in two years
    /// tells nothing of when the next comes; two or more are a pattern the reorder point
    /// must see (the shop's trade customers, a yearly event).
    public static let maxOneOffDays = 1

    /// The days the forecast and the reorder point see, and the bulk days (set aside or not).
    ///
    /// - Parameter recurring: the user marks the SKU's bulk lines as recurring demand: every
    ///   day is seen as ordered and none is flagged.
    public static func apply(_ days: [OrderDay], recurring: Bool) -> (seen: [OrderDay], flagged: [OneOffDay]) {
        guard !recurring, let usual = usualLineUnits(days), usual > 0 else { return (days, []) }
        let bulk = days.indices.filter { days[$0].units > factor * usual * Double(days[$0].lines) }
        // Only a lone bulk day can be a one-off; it is measured against the other days' lines.
        let lone = bulk.count <= maxOneOffDays ? bulk.first : nil
        let others = lone.map { largestOtherLine(days, except: $0) } ?? 0
        var seen = days
        var flagged: [OneOffDay] = []
        for i in bulk {
            let d = days[i]
            let oneOff = i == lone && d.units > apart * others * Double(d.lines)
            let counted = oneOff ? max(usual, others) * Double(d.lines) : d.units
            flagged.append(OneOffDay(day: d.day, lines: d.lines, units: d.units, usualLineUnits: usual, countedUnits: counted))
            seen[i].units = counted
        }
        return (seen, flagged)
    }

    /// The largest mean line size of the days other than `index`, units (0 without any).
    static func largestOtherLine(_ days: [OrderDay], except index: Int) -> Double {
        var largest = 0.0
        for (i, d) in days.enumerated() where i != index && d.lines > 0 {
            largest = max(largest, d.units / Double(d.lines))
        }
        return largest
    }
}
