/// One open backorder with the days it is expected to ship: a row of `open_backorders.csv`
/// (README, "When each waiting customer gets the goods").
public struct OpenBackorderDates: Sendable, Hashable {
    /// Where the units that fill it come from, first in, first out.
    public enum Supply: String, Sendable, Hashable {
        /// Units on hand: it can ship at once.
        case onHand = "on_hand"
        /// The purchase order on order (products' on_order).
        case onOrder = "on_order"
        /// An order not yet placed: one placed on the run's day.
        case nextOrder = "next_order"
    }

    public var orderId: String
    public var units: Double
    /// The day it went on backorder.
    public var waitingSince: Day
    public var supply: Supply
    /// The expected ship day.
    public var expected: Day
    /// The day by which it ships with probability 50% and 90%.
    public var shipsByP50: Day
    public var shipsByP90: Day
}

/// When each of a SKU's open backorders is expected to ship (README, "When each waiting
/// customer gets the goods"): the one place restock dates open backorders, for
/// `open_backorders.csv` and skus.csv's `backorder_eta`. Pure.
///
/// The open backorders queue first in, first out (by the day they went on backorder, then by
/// order_id in byte order). Units on hand fill the head of the queue, then the units on
/// order, then an order placed on the run's day; a backorder ships when the supply that
/// covers its last unit arrives.
/// - On hand: the day after as-of, for all three days.
/// - On order: the purchase order was placed, at the latest, on the day the oldest open
///   backorder arose (the stock position was then at or below the reorder point), and had
///   not arrived by the end of as-of. Of the lead times the model allows (equally likely
///   values), those that would have brought it by as-of are ruled out; with the rest, the
///   expected day is that day + the mean lead time (the forecast's, while none is ruled
///   out), the 50% and 90% days that day + the lead time that at least 50% (90%) of the rest
///   do not exceed, each rounded up to whole days. When every lead time is ruled out (the
///   order is later than the model allows), all three are the day after as-of.
/// - Next order: placed on as-of + 1, so as-of + 1 + the forecast's mean lead time, and the
///   lead times that 50% and 90% of the values do not exceed, rounded up.
/// No day is before as-of + 1.
public enum BackorderQueue {
    /// The open backorders in queue order, each with its days.
    ///
    /// - Parameters:
    ///   - open: the SKU's backorders open at the end of as-of (any order).
    ///   - onHand, onOrder: from products, units (nil or negative counts as 0).
    ///   - leadTimes: the lead-time model's equally likely values, days (`LeadTimeDistribution`).
    ///   - meanLeadTime: the forecast's lead time, days (`lead_time_days`).
    public static func dates(open: [BackorderFact], onHand: Double?, onOrder: Double?, leadTimes: [Double],
                             meanLeadTime: Double, asOf: Day) -> [OpenBackorderDates] {
        let queue = open.sorted { a, b in
            a.backorderedDay != b.backorderedDay ? a.backorderedDay < b.backorderedDay
                : ByteOrder.precedes(a.orderId, b.orderId)
        }
        guard let oldest = queue.first?.backorderedDay else { return [] }
        let values = leadTimes.filter(\.isFinite).sorted()
        let mean = meanLeadTime.isFinite ? max(0, meanLeadTime) : 0
        let tomorrow = asOf + 1
        let inStock = max(0, onHand ?? 0), covered = inStock + max(0, onOrder ?? 0)
        let onOrderDays = purchaseOrderDays(placed: oldest, values: values, mean: mean, asOf: asOf)
        let nextDays = (expected: tomorrow + whole(mean), p50: tomorrow + whole(quantile(values, 0.5) ?? mean),
                        p90: tomorrow + whole(quantile(values, 0.9) ?? mean))
        var cumulative = 0.0
        return queue.map { b in
            cumulative += b.quantity
            let supply: OpenBackorderDates.Supply = cumulative <= inStock + PolicyFigures.tolerance ? .onHand
                : cumulative <= covered + PolicyFigures.tolerance ? .onOrder : .nextOrder
            let d = switch supply {
            case .onHand: (expected: tomorrow, p50: tomorrow, p90: tomorrow)
            case .onOrder: onOrderDays
            case .nextOrder: nextDays
            }
            return OpenBackorderDates(orderId: b.orderId, units: b.quantity, waitingSince: b.backorderedDay, supply: supply,
                                      expected: d.expected, shipsByP50: d.p50, shipsByP90: d.p90)
        }
    }

    /// `backorder_eta`: the day by which all of a SKU's open backorders are expected to ship
    /// (the latest expected day of `dates`); nil without open backorders.
    public static func eta(_ dates: [OpenBackorderDates]) -> Day? { dates.map(\.expected).max() }

    /// The days of a purchase order placed on `placed` that had not arrived by as-of.
    static func purchaseOrderDays(placed: Day, values: [Double], mean: Double, asOf: Day) -> (expected: Day, p50: Day, p90: Day) {
        let tomorrow = asOf + 1
        // Lead times L with placed + ceil(L) <= as-of would have brought it already.
        let still = values.filter { placed + whole($0) > asOf }
        guard !values.isEmpty else {
            let day = max(tomorrow, placed + whole(mean))
            return (day, day, day)
        }
        guard !still.isEmpty else { return (tomorrow, tomorrow, tomorrow) }
        let expected = still.count == values.count ? mean : still.reduce(0, +) / Double(still.count)
        return (max(tomorrow, placed + whole(expected)), max(tomorrow, placed + whole(quantile(still, 0.5)!)),
                max(tomorrow, placed + whole(quantile(still, 0.9)!)))
    }

    /// The smallest of `sorted` values that at least a share `p` of them do not exceed (the
    /// value at position ceil(p x n), 1-based); nil for none.
    static func quantile(_ sorted: [Double], _ p: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let position = Int((p * Double(sorted.count) - PolicyFigures.tolerance).rounded(.up))
        return sorted[min(sorted.count, max(1, position)) - 1]
    }

    /// Days rounded up to a whole number (noise below `PolicyFigures.tolerance` ignored).
    static func whole(_ days: Double) -> Int { Int(saturating: PolicyFigures.roundUp(max(0, days))) }
}
