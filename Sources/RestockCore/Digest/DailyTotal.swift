/// One SKU's non-cancelled order lines on one day, summed: what the store keeps of its order
/// lines so that a run reads a few compact rows per SKU instead of every order line.
///
/// Used as a delta too (negative counts and sums take a line out again).
public struct DailyTotal: Sendable, Hashable {
    public var day: Day
    /// Non-cancelled order lines.
    public var lines: Int32
    /// Of those, lines that carry a unit_price.
    public var pricedLines: Int32
    /// Units ordered on those lines.
    public var units: Double
    /// Sum of unit_price over the priced lines.
    public var priceSum: Double

    public init(day: Day, lines: Int32 = 0, pricedLines: Int32 = 0, units: Double = 0, priceSum: Double = 0) {
        self.day = day
        self.lines = lines
        self.pricedLines = pricedLines
        self.units = units
        self.priceSum = priceSum
    }

    /// The contribution of one order line: nothing for a cancelled line or a credit (negative
    /// `units`: netted at run time, `CreditNetting`), `sign` -1 to remove it.
    public init(day: Day, cancelled: Bool, units: Double, price: Double?, sign: Int32 = 1) {
        self.init(day: day)
        guard !cancelled, units > 0 else { return }
        lines = sign
        self.units = Double(sign) * units
        if let price {
            pricedLines = sign
            priceSum = Double(sign) * price
        }
    }

    /// Adds another total or delta of the same day.
    public mutating func add(_ other: DailyTotal) {
        lines += other.lines
        pricedLines += other.pricedLines
        units += other.units
        priceSum += other.priceSum
    }

    /// Whether nothing is left (every line taken out again).
    public var isEmpty: Bool { lines == 0 && pricedLines == 0 }

    /// Whether adding this changes nothing (a cancelled line's contribution, say).
    public var isZero: Bool { isEmpty && units == 0 && priceSum == 0 }
}
