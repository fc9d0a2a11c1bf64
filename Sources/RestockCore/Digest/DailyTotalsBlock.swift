/// The store keeps a SKU's daily totals in blocks of 64 consecutive days, one row per SKU and
/// block: a night's new order lines rewrite one small block per SKU, and a run reads only the
/// blocks its window overlaps. The bytes of a block: `DailyTotalsBlock+Codec`.
public enum DailyTotalsBlock {
    /// Days per block.
    public static let days = 64

    /// The block holding `day` (floor division, so days before 1970 work too).
    public static func block(of day: Day) -> Int { day >= 0 ? day / days : -((-day + days - 1) / days) }

    /// The first day of `block`.
    public static func firstDay(of block: Int) -> Day { block * days }

    /// Adds `deltas` (sorted by day, one per day) to `stored` (sorted by day): days whose lines
    /// all went away are dropped.
    public static func merge(_ stored: [DailyTotal], _ deltas: ArraySlice<DailyTotal>) -> [DailyTotal] {
        var out: [DailyTotal] = []
        out.reserveCapacity(stored.count + deltas.count)
        var i = stored.startIndex, j = deltas.startIndex
        while i < stored.endIndex || j < deltas.endIndex {
            var next: DailyTotal
            if j == deltas.endIndex || (i < stored.endIndex && stored[i].day < deltas[j].day) {
                next = stored[i]; i += 1
            } else if i == stored.endIndex || deltas[j].day < stored[i].day {
                next = deltas[j]; j += 1
            } else {
                next = stored[i]; next.add(deltas[j]); i += 1; j += 1
            }
            if !next.isEmpty { out.append(next) }
        }
        return out
    }

    /// Adds `deltas` (sorted by day, one per day) to `stored` (sorted by day).
    public static func merge(_ stored: [DailyTotal], _ deltas: [DailyTotal]) -> [DailyTotal] {
        merge(stored, deltas[...])
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
