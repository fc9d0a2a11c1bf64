/// One order line as the store keeps what the shop recorded of its shipping (README,
/// "Backorders inferred from orders"). Days are `Day` numbers in the store's time zone.
public struct FulfilmentLine: Sendable, Hashable {
    public var orderId: String
    /// The day it was ordered.
    public var day: Day
    /// Units ordered (> 0).
    public var quantity: Double
    /// Whether the line is cancelled (status `cancelled`, or the order has a cancelled_at).
    public var cancelled: Bool
    /// fulfilled_at's day, nil when not given.
    public var fulfilledDay: Day?
    /// cancelled_at's day, nil when not given.
    public var cancelledDay: Day?
    /// The statuses' verdict (`ShippingStatus`): shipped, not yet, or unknown (nil).
    public var shipped: Bool?
    /// Units shipped so far (shipped_quantity), nil when not given.
    public var shippedUnits: Double?
    /// Units the shop system put on backorder (backordered_quantity), nil when not given.
    public var backorderedUnits: Double?

    public init(orderId: String, day: Day, quantity: Double, cancelled: Bool = false, fulfilledDay: Day? = nil,
                cancelledDay: Day? = nil, shipped: Bool? = nil, shippedUnits: Double? = nil, backorderedUnits: Double? = nil) {
        self.orderId = orderId
        self.day = day
        self.quantity = quantity
        self.cancelled = cancelled
        self.fulfilledDay = fulfilledDay
        self.cancelledDay = cancelledDay
        self.shipped = shipped
        self.shippedUnits = shippedUnits
        self.backorderedUnits = backorderedUnits
    }
}

/// Where a SKU's backorders came from (skus.csv `backorder_source`).
public enum BackorderSource: String, Sendable, Hashable, CaseIterable {
    /// The SKU has rows in a backorders file: they are its backorders, nothing is inferred.
    case file
    /// No backorders file rows; backorders were inferred from its order lines.
    case inferred
    /// Neither: no backorder is known.
    case none
}

/// Backorders inferred from order lines where the shop has no backorders file (README,
/// "Backorders inferred from orders"). Pure: the same lines, handling days and as-of always
/// give the same backorders, so a run with other `--handling-days` recounts from the stored
/// facts and nothing is written back.
public enum BackorderInference {
    /// The default `--handling-days`: 3 calendar days, a weekend plus a working day.
    public static let defaultHandlingDays = 3

    /// The backorder a line went on, as of `asOf`; nil when it did not (or not yet), or when
    /// its record cannot tell.
    ///
    /// - A line whose statuses say it shipped (or say nothing) and that has a fulfilled day F
    ///   shipped in full on F; one without F, or with neither status nor F, cannot tell.
    /// - A line shipped in full on day F went on backorder when F - ordered > `handlingDays`:
    ///   opened on the order day, filled on F.
    /// - A line not shipped (in full) went on backorder once as-of - ordered > handling days:
    ///   open, or lost on its cancelled day C when the order was cancelled first (C - ordered
    ///   > handling days; a cancellation within the handling days is no backorder).
    /// - A line with units the shop put on backorder (backordered_quantity > 0) went on
    ///   backorder with those units whatever the handling days; 0 says it did not. Without a
    ///   status that says it shipped and without a fulfilled day it has not shipped yet.
    /// - Units: backordered_quantity, else those not shipped (quantity - shipped_quantity) of
    ///   a line not shipped in full, else the line's quantity.
    /// - A close after as-of has not happened yet: the line counts as open on as-of.
    public static func backorder(of line: FulfilmentLine, handlingDays: Int, asOf: Day) -> BackorderFact? {
        guard line.day <= asOf, line.quantity > 0, line.backorderedUnits.map({ $0 > 0 }) ?? true else { return nil }
        let shortShipped = line.shippedUnits.map { $0 < line.quantity } ?? false
        // Shipped in full on its fulfilled day; shipped on a day not given, or nothing
        // recorded, cannot tell, unless the shop put the line on backorder: then no status or
        // day saying it shipped means it has not (open, or lost when cancelled first).
        var fulfilled: Day?
        if !shortShipped && line.shipped != false {
            if let f = line.fulfilledDay {
                fulfilled = max(f, line.day)
            } else if line.backorderedUnits == nil || line.shipped == true {
                return nil
            }
        }
        // Cancelled before it shipped: lost on the cancelled day; on a day not given: unknown.
        var lost: Day?
        if line.cancelled || line.cancelledDay != nil {
            guard let c = line.cancelledDay else { return nil }
            if fulfilled.map({ c < $0 }) ?? true {
                lost = max(c, line.day)
                fulfilled = nil
            }
        }
        let closed = (fulfilled ?? lost).flatMap { $0 <= asOf ? $0 : nil }
        let waited = (closed ?? asOf) - line.day
        guard line.backorderedUnits != nil || waited > handlingDays else { return nil }
        let units = line.backorderedUnits.map { min($0, line.quantity) }
            ?? (shortShipped ? line.quantity - max(0, line.shippedUnits ?? 0) : line.quantity)
        return BackorderFact(orderId: line.orderId, quantity: units, backorderedDay: line.day,
                             fulfilledDay: fulfilled, cancelledDay: lost, matched: true)
    }

    /// The backorders of a SKU's lines (`backorder(of:handlingDays:asOf:)`), in the lines' order.
    public static func backorders(_ lines: [FulfilmentLine], handlingDays: Int, asOf: Day) -> [BackorderFact] {
        lines.compactMap { backorder(of: $0, handlingDays: handlingDays, asOf: asOf) }
    }
}
