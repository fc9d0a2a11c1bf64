import RestockCore
import SQLite

/// What storing one row did.
enum StoreOutcome {
    case new, replaced, duplicate
}

/// Writes parsed input rows to the store, one `KeyedTable` per kind, and keeps the digests in
/// step (README, "Bad rows, keys and loading again").
///
/// Every kind tells a new, replaced or duplicate row the same way (`KeyedTable.write`):
/// `INSERT OR IGNORE`; for a stored key, a select finds the stored row only when some column
/// `IS NOT` the new value, and only then is it updated. Order lines and backorders read what
/// the replaced row held, because the digests take the old row out before counting the new.
final class RowWriter {
    private let orders: KeyedTable<OrderRow>
    private let backorders: KeyedTable<BackorderRow>
    private let products: KeyedTable<ProductFact>
    private let receipts: KeyedTable<ReceiptRow>
    private let reject: Statement
    /// The digests this writer keeps in step; `finish()` the writer before the transaction commits.
    let digests: DigestWriter

    /// `digestFlushThreshold`, `eventFlushThreshold` and `eventFlushBytes`: pending daily
    /// deltas, record edits and their encoded bytes that make `DigestWriter` write early (tests
    /// use small ones; by default the record edits' bytes decide).
    init(_ db: Connection, digestFlushThreshold: Int = 1_000_000, eventFlushThreshold: Int = .max,
         eventFlushBytes: Int = DigestWriter.defaultEventFlushBytes) throws {
        orders = try KeyedTable(db, name: "order_lines", key: ["order_id_width", "order_id", "line_key"], columns: Self.orderLineColumns)
        backorders = try KeyedTable(db, name: "backorders", key: ["key_width", "key"], columns: Self.backorderColumns)
        products = try KeyedTable(db, name: "products", key: ["sku"], columns: Self.productColumns)
        receipts = try KeyedTable(db, name: "receipts", key: ["po_id_width", "po_id", "sku"], columns: Self.receiptColumns)
        digests = try DigestWriter(db, flushThreshold: digestFlushThreshold, eventFlushThreshold: eventFlushThreshold,
                                   eventFlushBytes: eventFlushBytes)
        reject = try db.prepare(RejectRecords.insert)
    }

    /// `order_lines`: one row per order_id and line key, keyed by the id's width first (`KeyWidth`).
    static let orderLineColumns: [StoredColumn<OrderRow>] = [
        .init("order_id_width") { .integer(KeyWidth.of($0.orderId)) },
        .init("order_id") { .text($0.orderId) },
        .init("line_key") { .text($0.storedLineKey) },
        .init("sku") { .text($0.sku) },
        .init("day") { .integer(Int64($0.orderedAt.day)) },
        .init("at") { .optional($0.orderedAt.instant) },
        .init("quantity") { .real($0.quantity) },
        .init("unit_price") { .optional($0.unitPrice) },
        .init("cancelled") { .integer($0.cancelled ? 1 : 0) },
        .init("stocked") { .optional($0.stocked.map { $0 ? 1 : 0 }) },
        .init("f_day") { .optional($0.fulfilment.fulfilledAt?.day) },
        .init("f_at") { .optional($0.fulfilment.fulfilledAt?.instant) },
        .init("c_day") { .optional($0.fulfilment.cancelledAt?.day) },
        .init("c_at") { .optional($0.fulfilment.cancelledAt?.instant) },
        .init("shipping") { .optional($0.fulfilment.shipped.map { $0 ? 1 : 0 }) },
        .init("shipped") { .optional($0.fulfilment.shippedUnits) },
        .init("backordered") { .optional($0.fulfilment.backorderedUnits) },
    ]

    /// `backorders`: one row per backorder key, keyed by its width first (`KeyWidth.ofBackorderKey`).
    static let backorderColumns: [StoredColumn<BackorderRow>] = [
        .init("key_width") { .integer(KeyWidth.ofBackorderKey($0.storedKey)) },
        .init("key") { .text($0.storedKey) },
        .init("order_id") { .text($0.orderId) },
        .init("sku") { .text($0.sku) },
        .init("quantity") { .real($0.quantity) },
        .init("b_day") { .integer(Int64($0.backorderedAt.day)) },
        .init("b_at") { .optional($0.backorderedAt.instant) },
        .init("f_day") { .optional($0.fulfilledAt?.day) },
        .init("f_at") { .optional($0.fulfilledAt?.instant) },
        .init("c_day") { .optional($0.cancelledAt?.day) },
        .init("c_at") { .optional($0.cancelledAt?.instant) },
    ]

    /// `products`: one row per sku.
    static let productColumns: [StoredColumn<ProductFact>] = [
        .init("sku") { .text($0.sku) },
        .init("name") { .optional($0.name) },
        .init("category") { .optional($0.category) },
        .init("supplier") { .optional($0.supplier) },
        .init("unit_cost") { .optional($0.unitCost) },
        .init("unit_price") { .optional($0.unitPrice) },
        .init("on_hand") { .optional($0.onHand) },
        .init("on_order") { .optional($0.onOrder) },
        .init("reorder_point") { .optional($0.reorderPoint) },
        .init("order_quantity") { .optional($0.orderQuantity) },
        .init("lead_time_days") { .optional($0.leadTimeDays) },
        .init("service_level") { .optional($0.serviceLevel) },
        .init("case_pack") { .optional($0.casePack) },
        .init("stocked") { .optional($0.stocked.map { $0 ? 1 : 0 }) },
    ]

    /// `receipts`: one row per po_id and sku, keyed by the po_id's width first (`KeyWidth`).
    static let receiptColumns: [StoredColumn<ReceiptRow>] = [
        .init("po_id_width") { .integer(KeyWidth.of($0.poId)) },
        .init("po_id") { .text($0.poId) },
        .init("sku") { .text($0.sku) },
        .init("supplier") { .optional($0.supplier) },
        .init("o_day") { .integer(Int64($0.orderedAt.day)) },
        .init("o_at") { .optional($0.orderedAt.instant) },
        .init("r_day") { .integer(Int64($0.receivedAt.day)) },
        .init("r_at") { .optional($0.receivedAt.instant) },
        .init("quantity") { .optional($0.quantity) },
    ]

    /// Stores one row; tells whether it was new, replaced a stored row, or changed nothing.
    /// Keeps the digests (`DigestWriter`) in step with every change.
    func write(_ row: InputRow) throws -> StoreOutcome {
        switch row {
        case .order(let o): return try write(o)
        case .backorder(let b): return try write(b)
        case .product(let p): return try products.write(p.product) { _ in }.outcome
        case .receipt(let r):
            let written = try receipts.write(r) { _ in }
            if case .duplicate = written { return .duplicate }
            digests.receipt(poId: r.poId, sku: r.sku, ReceiptFact(supplier: r.supplier, orderedDay: r.orderedAt.day,
                                                                 receivedDay: r.receivedAt.day, quantity: r.quantity))
            return written.outcome
        }
    }

    /// An order line: the digests take a replaced line out of its old day and SKU.
    private func write(_ o: OrderRow) throws -> StoreOutcome {
        let written = try orders.write(o) { stored in
            DigestWriter.OrderLine(orderId: o.orderId, sku: stored.text("sku") ?? "", day: stored.int("day") ?? 0,
                                   cancelled: stored.int("cancelled") != 0, quantity: stored.double("quantity") ?? 0,
                                   unitPrice: stored.double("unit_price"))
        }
        let line = DigestWriter.OrderLine(orderId: o.orderId, sku: o.sku, day: o.orderedAt.day, cancelled: o.cancelled,
                                          quantity: o.quantity, unitPrice: o.unitPrice)
        switch written {
        case .new: try digests.orderLine(old: nil, new: line)
        case .replaced(let old): try digests.orderLine(old: old, new: line)
        case .duplicate: break
        }
        return written.outcome
    }

    /// A backorder: a replaced row's old SKU loses it.
    private func write(_ b: BackorderRow) throws -> StoreOutcome {
        let written = try backorders.write(b) { stored in stored.text("sku") ?? "" }
        let entry = SKUEvents.Backorder(orderId: b.orderId, quantity: b.quantity, backorderedDay: b.backorderedAt.day,
                                        fulfilledDay: b.fulfilledAt?.day, cancelledDay: b.cancelledAt?.day)
        switch written {
        case .new: digests.backorder(key: b.storedKey, oldSKU: nil, sku: b.sku, entry)
        case .replaced(let oldSKU): digests.backorder(key: b.storedKey, oldSKU: oldSKU, sku: b.sku, entry)
        case .duplicate: break
        }
        return written.outcome
    }

    /// Inserts the rows the tables hold back (`KeyOrderAppend`): before anything reads them.
    func flush() throws {
        try orders.flush()
        try backorders.flush()
        try products.flush()
        try receipts.flush()
    }

    /// Flushes the tables, then brings the digests up to date (`DigestWriter.finish`, which
    /// reads order lines): before the transaction commits.
    func finish() throws {
        try flush()
        try digests.finish()
    }

    /// Stores a rejected row with the ingest that saw it.
    func write(_ r: Rejection, ingest: Int64) throws {
        defer { reject.reset() }
        try RejectRecords.bind(r, ingest: ingest, to: reject)
        try reject.run()
    }
}

extension OrderRow {
    /// The line key as stored: a sku fallback is marked with U+001F so that it can never
    /// equal a real line_id.
    var storedLineKey: String { lineKeyIsLineId ? lineKey : "\u{1F}" + lineKey }
}

extension BackorderRow {
    /// The key as stored: an "order_id␟sku␟day" fallback is marked with U+001F so that it can
    /// never equal a real backorder_id.
    var storedKey: String { keyIsBackorderId ? key : "\u{1F}" + key }
}
