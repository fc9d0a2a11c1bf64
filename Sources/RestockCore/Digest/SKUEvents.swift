/// What the store keeps of one SKU's backorders and receipts, in one compact record that a
/// run reads instead of the rows: every backorder and receipt by its key, and the order lines
/// of every order that has a backorder of the SKU (they decide `matched` and backorder_rate's
/// numerator).
///
/// An ingest edits the record (`SKUEvents.Edit`): a stored or replaced row overwrites its key's
/// entry, and the order lines of an order are read again when one of them changed. The bytes
/// the store keeps of it: `SKUEventsCodec`.
public struct SKUEvents: Sendable, Hashable {
    /// One backorder row of the SKU.
    public struct Backorder: Sendable, Hashable {
        public var orderId: String
        public var quantity: Double
        public var backorderedDay: Day
        public var fulfilledDay: Day?
        public var cancelledDay: Day?

        public init(orderId: String, quantity: Double, backorderedDay: Day, fulfilledDay: Day? = nil, cancelledDay: Day? = nil) {
            self.orderId = orderId
            self.quantity = quantity
            self.backorderedDay = backorderedDay
            self.fulfilledDay = fulfilledDay
            self.cancelledDay = cancelledDay
        }
    }

    /// One order line of (order_id, this SKU).
    public struct Line: Sendable, Hashable, Comparable {
        public var day: Day
        public var cancelled: Bool

        public init(day: Day, cancelled: Bool) {
            self.day = day
            self.cancelled = cancelled
        }

        public static func < (a: Line, b: Line) -> Bool { (a.day, a.cancelled ? 1 : 0) < (b.day, b.cancelled ? 1 : 0) }
    }

    /// Backorders by key (backorder_id, or the order_id/sku/day fallback key).
    public var backorders: [String: Backorder]
    /// For each order_id of a backorder: that order's lines of this SKU (empty when none is stored).
    public var lines: [String: [Line]]
    /// Receipts by po_id.
    public var receipts: [String: ReceiptFact]

    public init(backorders: [String: Backorder] = [:], lines: [String: [Line]] = [:], receipts: [String: ReceiptFact] = [:]) {
        self.backorders = backorders
        self.lines = lines
        self.receipts = receipts
    }

    public var isEmpty: Bool { backorders.isEmpty && receipts.isEmpty }

    /// Receipts' order: by received day, then ordered day, then quantity (none first).
    public static func older(_ a: ReceiptFact, _ b: ReceiptFact) -> Bool {
        (a.receivedDay, a.orderedDay, a.quantity ?? 0) < (b.receivedDay, b.orderedDay, b.quantity ?? 0)
    }
}
