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

    /// The contribution of one order line: nothing for a cancelled line, `sign` -1 to remove it.
    public init(day: Day, cancelled: Bool, units: Double, price: Double?, sign: Int32 = 1) {
        self.init(day: day)
        guard !cancelled else { return }
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
}

/// The store keeps a SKU's daily totals in blocks of 64 consecutive days, one row per SKU and
/// block: a night's new order lines rewrite one small block per SKU, and a run reads only the
/// blocks its window overlaps.
///
/// Encoding: a format byte (1), then per day with lines, in day order: day - first day of the
/// block (1 byte), lines, priced lines (4 bytes each), units, price sum (8 bytes each).
public enum DailyTotalsBlock {
    public static let days = 64
    static let format: UInt8 = 1

    /// The block holding `day` (floor division, so days before 1970 work too).
    public static func block(of day: Day) -> Int { day >= 0 ? day / days : -((-day + days - 1) / days) }

    /// The first day of `block`.
    public static func firstDay(of block: Int) -> Day { block * days }

    /// Encodes one block's totals (all within the block, sorted by day, none empty).
    public static func encode(_ totals: [DailyTotal], block: Int) -> [UInt8] {
        var w = ByteWriter(capacity: 1 + totals.count * 25)
        w.u8(format)
        let first = firstDay(of: block)
        for t in totals {
            precondition(t.day >= first && t.day < first + days, "day \(t.day) outside block \(block)")
            w.u8(UInt8(t.day - first))
            w.i32(t.lines)
            w.i32(t.pricedLines)
            w.f64(t.units)
            w.f64(t.priceSum)
        }
        return w.bytes
    }

    /// Decodes one block's totals, calling `body` with each in day order.
    public static func decode(_ bytes: UnsafeRawBufferPointer, block: Int, _ body: (DailyTotal) -> Void) throws(DigestError) {
        var r = ByteReader(bytes)
        guard try r.u8() == format else { throw DigestError("daily totals of block \(block) in an unknown format") }
        let first = firstDay(of: block)
        while !r.isAtEnd {
            let offset = Int(try r.u8())
            guard offset < days else { throw DigestError("day offset \(offset) in block \(block)") }
            body(DailyTotal(day: first + offset, lines: try r.i32(), pricedLines: try r.i32(), units: try r.f64(), priceSum: try r.f64()))
        }
    }

    /// Decodes one block's totals into an array.
    public static func decode(_ bytes: UnsafeRawBufferPointer, block: Int) throws(DigestError) -> [DailyTotal] {
        var out: [DailyTotal] = []
        try decode(bytes, block: block) { out.append($0) }
        return out
    }

    /// Adds `deltas` (sorted by day, one per day) to `stored` (sorted by day): days whose lines
    /// all went away are dropped.
    public static func merge(_ stored: [DailyTotal], _ deltas: [DailyTotal]) -> [DailyTotal] {
        var out: [DailyTotal] = []
        out.reserveCapacity(stored.count + deltas.count)
        var i = 0, j = 0
        while i < stored.count || j < deltas.count {
            var next: DailyTotal
            if j == deltas.count || (i < stored.count && stored[i].day < deltas[j].day) {
                next = stored[i]; i += 1
            } else if i == stored.count || deltas[j].day < stored[i].day {
                next = deltas[j]; j += 1
            } else {
                next = stored[i]; next.add(deltas[j]); i += 1; j += 1
            }
            if !next.isEmpty { out.append(next) }
        }
        return out
    }

    /// Sorts totals by day and adds up those of the same day (deltas arrive nearly in day order).
    public static func coalesce(_ totals: [DailyTotal]) -> [DailyTotal] {
        var sorted = totals
        if !zip(sorted, sorted.dropFirst()).allSatisfy({ $0.day < $1.day }) {
            sorted.sort { $0.day < $1.day }
        }
        var out: [DailyTotal] = []
        out.reserveCapacity(sorted.count)
        for t in sorted {
            if let last = out.indices.last, out[last].day == t.day { out[last].add(t) } else { out.append(t) }
        }
        return out
    }
}
