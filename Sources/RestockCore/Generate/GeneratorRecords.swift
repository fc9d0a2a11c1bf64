/// Compact rows the generator keeps between its stages. Times are instants in seconds since
/// 1970-01-01T00:00:00Z (so `time / 86_400` is the UTC day number); SKUs are 1-based numbers.

/// One order line a SKU's demand stream drew, before it is put into an order.
struct DemandDraw: Sendable {
    /// Day offset from the first day of the block.
    var dayOffset: Int32
    var sku: Int32
    var quantity: Int32
    var priceCents: Int32
}

/// One row of orders.csv.
struct OrderLineRecord: Sendable {
    var time: Int64
    var order: Int32
    var sku: Int32
    var quantity: Int32
    var priceCents: Int32
    /// 1-based line within the order.
    var line: UInt8
    /// `OrderLineRecord.cancelled`, `.paid`, `.offset` bits.
    var flags: UInt8

    /// The order is cancelled: status `cancelled`; not demand for the simulation.
    static let cancelled: UInt8 = 1
    /// Status `paid` (else empty, unless cancelled).
    static let paid: UInt8 = 2
    /// ordered_at is written with a `+01:00` offset (the same instant).
    static let offset: UInt8 = 4

    var isCancelled: Bool { flags & OrderLineRecord.cancelled != 0 }
}

/// One row of backorders.csv (its backorder_id is given when the rows are sorted).
struct BackorderRecord: Sendable {
    var backorderedAt: Int64
    /// fulfilled_at or cancelled_at; `Int64.max` while open.
    var closedAt: Int64
    var order: Int32
    var sku: Int32
    var quantity: Int32
    var line: UInt8
    var cancelled: Bool

    static let open: Int64 = .max

    /// File order: by backordered_at, order, line, then the filled part of a split before
    /// the part still waiting.
    static func precedes(_ a: BackorderRecord, _ b: BackorderRecord) -> Bool {
        if a.backorderedAt != b.backorderedAt { return a.backorderedAt < b.backorderedAt }
        if a.order != b.order { return a.order < b.order }
        if a.line != b.line { return a.line < b.line }
        if a.closedAt != b.closedAt { return a.closedAt < b.closedAt }
        if a.cancelled != b.cancelled { return !a.cancelled }
        return a.quantity < b.quantity
    }
}

/// One row of receipts.csv (its po_id is given when the rows are sorted).
struct ReceiptRecord: Sendable {
    var orderedAt: Int64
    var receivedAt: Int64
    var sku: Int32
    var quantity: Int32

    /// File order: by ordered_at, then SKU, then received_at.
    static func precedes(_ a: ReceiptRecord, _ b: ReceiptRecord) -> Bool {
        if a.orderedAt != b.orderedAt { return a.orderedAt < b.orderedAt }
        if a.sku != b.sku { return a.sku < b.sku }
        return a.receivedAt < b.receivedAt
    }
}
