extension SKUEvents {
    /// What a run needs of a record: backorders with `matched` set, the backordered lines, and
    /// receipts, in the orders the computations expect.
    public struct Facts: Sendable {
        /// Sorted by (backordered day, order_id, quantity).
        public var backorders: [BackorderFact] = []
        /// Non-cancelled order lines with a backorder, sorted by (day, first backorder day).
        public var backorderedLines: [BackorderedLine] = []
        /// Oldest first.
        public var receipts: [ReceiptFact] = []

        public init() {}

        /// The facts of a decoded record (its stored order is the order a run needs).
        public init(_ d: SKUEventsCodec.Decoded) {
            backorders = d.backorders
            receipts = d.receipts
            for i in d.orderIds.indices {
                guard let first = d.firstBackorderDay[i] else { continue }
                for l in d.lines(ofOrder: i) where !l.cancelled {
                    backorderedLines.append(BackorderedLine(day: l.day, firstBackorderDay: first))
                }
            }
            if backorderedLines.count > 1 {
                backorderedLines.sort { ($0.day, $0.firstBackorderDay) < ($1.day, $1.firstBackorderDay) }
            }
        }
    }

    /// An order line that has a backorder with the same order_id and sku: it counts in
    /// backorder_rate's numerator (README, The figures).
    public struct BackorderedLine: Sendable, Hashable {
        /// The day the line was ordered.
        public var day: Day
        /// The day of the earliest of its order's backorders: it counts for an as-of on or after it.
        public var firstBackorderDay: Day

        public init(day: Day, firstBackorderDay: Day) {
            self.day = day
            self.firstBackorderDay = firstBackorderDay
        }
    }
}
