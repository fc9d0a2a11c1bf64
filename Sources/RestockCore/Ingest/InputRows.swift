/// A date or date-time value as stored: its day in the configured time zone and, when it
/// carried a time, its instant (microseconds since 1970-01-01T00:00:00Z).
public struct Stamp: Sendable, Hashable {
    public var day: Day
    public var instant: Int64?

    public init(day: Day, instant: Int64?) {
        self.day = day
        self.instant = instant
    }

    /// `self >= other` as README, "The CSV dialect" compares: instants when both carry a time,
    /// else days.
    public func isAtOrAfter(_ other: Stamp) -> Bool {
        if let a = instant, let b = other.instant { return a >= b }
        return day >= other.day
    }
}

/// One valid order line (README, "orders").
public struct OrderRow: Sendable, Hashable {
    public var orderId: String
    /// The key's second part: `line_id`, or the sku where line_id is absent or empty.
    public var lineKey: String
    /// Whether `lineKey` is a line_id (true) or the sku fallback (false).
    public var lineKeyIsLineId: Bool
    public var sku: String
    public var orderedAt: Stamp
    /// Negative for a credit: a return or cancellation (README, "Returns and cancellations").
    public var quantity: Double
    public var unitPrice: Double?
    public var cancelled: Bool
    /// The line's `stocked` column: false when the export marks it not stock (README,
    /// "Non-stock lines"), nil when it says nothing.
    public var stocked: Bool? = nil
    /// What the shop recorded of shipping the line (README, "Backorders inferred from orders").
    public var fulfilment = LineFulfilmentRecord()

    /// Appended to the sku to key a credit line that has no line_id.
    public static let creditKeySuffix = "\u{1F}credit"
}

/// What an order row records of the line's shipping, each nil where the file says nothing
/// (README, "Backorders inferred from orders").
public struct LineFulfilmentRecord: Sendable, Hashable {
    /// fulfilled_at: when the line (or its order) shipped.
    public var fulfilledAt: Stamp?
    /// cancelled_at: when the order was cancelled.
    public var cancelledAt: Stamp?
    /// The statuses read by `ShippingStatus`: shipped (true), not yet (false), or unknown.
    public var shipped: Bool?
    /// shipped_quantity: units of the line shipped so far.
    public var shippedUnits: Double?
    /// backordered_quantity: units the shop system put on backorder.
    public var backorderedUnits: Double?

    public init(fulfilledAt: Stamp? = nil, cancelledAt: Stamp? = nil, shipped: Bool? = nil,
                shippedUnits: Double? = nil, backorderedUnits: Double? = nil) {
        self.fulfilledAt = fulfilledAt
        self.cancelledAt = cancelledAt
        self.shipped = shipped
        self.shippedUnits = shippedUnits
        self.backorderedUnits = backorderedUnits
    }
}

/// One valid backorder row (README, "backorders").
public struct BackorderRow: Sendable, Hashable {
    /// backorder_id, or "order_id␟sku␟day" where it is absent.
    public var key: String
    public var keyIsBackorderId: Bool
    public var orderId: String
    public var sku: String
    public var quantity: Double
    public var backorderedAt: Stamp
    public var fulfilledAt: Stamp?
    public var cancelledAt: Stamp?
}

/// One valid products row (README, "products").
public struct ProductRow: Sendable, Hashable {
    public var product: ProductFact
}

/// One valid receipt row (README, "receipts").
public struct ReceiptRow: Sendable, Hashable {
    public var poId: String
    public var sku: String
    public var supplier: String?
    public var orderedAt: Stamp
    public var receivedAt: Stamp
    public var quantity: Double?
}

/// A parsed input row of any kind.
public enum InputRow: Sendable, Hashable {
    case order(OrderRow)
    case backorder(BackorderRow)
    case product(ProductRow)
    case receipt(ReceiptRow)
}
