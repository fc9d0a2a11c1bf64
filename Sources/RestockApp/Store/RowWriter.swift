import RestockCore
import SQLite

/// What storing one row did.
enum StoreOutcome {
    case new, replaced, duplicate
}

/// Writes parsed input rows to the store with prepared UPSERTs that replace a stored row only
/// when a known column differs (README, "Bad rows, keys and loading again").
///
/// `INSERT OR IGNORE` tells a new key (one change) from a stored one; for a stored key an
/// `UPDATE ... WHERE column IS NOT value OR ...` tells a replaced row (one change) from a duplicate.
final class RowWriter {
    /// One kind's pair of statements: insert a new key, else update a stored row that differs.
    private struct Pair {
        let insert: Statement
        let update: Statement
    }

    private let orders: Pair
    private let backorders: Pair
    private let products: Pair
    private let receipts: Pair
    private let reject: Statement
    private let storedOrder: Statement
    private let storedBackorder: Statement
    /// The digests this writer keeps in step; `finish()` them before the transaction commits.
    let digests: DigestWriter

    /// `table(columns)` keyed by `key`: `INSERT OR IGNORE` for a new key (changes() = 1), then,
    /// when the key was stored, `UPDATE ... WHERE` some column `IS NOT` the new value
    /// (changes() = 1: replaced, 0: duplicate). Parameters are numbered by column position,
    /// so both statements bind the same values.
    private static func pair(_ db: Connection, table: String, columns: [String], key: [String]) throws -> Pair {
        let placeholders = columns.indices.map { "?\($0 + 1)" }.joined(separator: ", ")
        let insert = try db.prepare("INSERT OR IGNORE INTO \(table)(\(columns.joined(separator: ", "))) VALUES(\(placeholders))")
        let others = columns.enumerated().filter { !key.contains($0.element) }
        let set = others.map { "\($0.element)=?\($0.offset + 1)" }.joined(separator: ", ")
        let differs = others.map { "\($0.element) IS NOT ?\($0.offset + 1)" }.joined(separator: " OR ")
        let match = columns.enumerated().filter { key.contains($0.element) }.map { "\($0.element)=?\($0.offset + 1)" }.joined(separator: " AND ")
        let update = try db.prepare("UPDATE \(table) SET \(set), version=version+1 WHERE \(match) AND (\(differs))")
        return Pair(insert: insert, update: update)
    }

    /// `digestFlushThreshold`: pending daily deltas that make `DigestWriter` merge early (tests use a small one).
    init(_ db: Connection, digestFlushThreshold: Int = 1_000_000) throws {
        self.db = db
        orders = try Self.pair(db, table: "order_lines",
                               columns: ["order_id", "line_key", "sku", "day", "at", "quantity", "unit_price", "cancelled"],
                               key: ["order_id", "line_key"])
        backorders = try Self.pair(db, table: "backorders",
                                   columns: ["key", "order_id", "sku", "quantity", "b_day", "b_at", "f_day", "f_at", "c_day", "c_at"],
                                   key: ["key"])
        products = try Self.pair(db, table: "products",
                                 columns: ["sku", "name", "category", "supplier", "unit_cost", "unit_price", "on_hand", "on_order",
                                           "reorder_point", "order_quantity", "lead_time_days", "service_level", "case_pack"],
                                 key: ["sku"])
        receipts = try Self.pair(db, table: "receipts",
                                 columns: ["po_id", "sku", "supplier", "o_day", "o_at", "r_day", "r_at", "quantity"],
                                 key: ["po_id", "sku"])
        storedOrder = try db.prepare("SELECT sku, day, at, quantity, cancelled, unit_price FROM order_lines WHERE order_id=? AND line_key=?")
        storedBackorder = try db.prepare("""
            SELECT order_id, sku, quantity, b_day, b_at, f_day, f_at, c_day, c_at FROM backorders WHERE key=?
            """)
        digests = try DigestWriter(db, flushThreshold: digestFlushThreshold)
        reject = try db.prepare("INSERT INTO rejects(ingest_id, file, line, column_name, value, reason) VALUES(?, ?, ?, ?, ?, ?)")
    }

    private let db: Connection

    /// Stores one row; tells whether it was new, replaced a stored row, or changed nothing.
    /// Keeps the digests (`DigestWriter`) in step with every change.
    func write(_ row: InputRow) throws -> StoreOutcome {
        switch row {
        case .order(let o): return try write(o)
        case .backorder(let b): return try write(b)
        case .product(let row):
            let p = row.product
            let s = products.insert
            try s.bind(text: p.sku, at: 1)
            try s.bind(text: p.name, at: 2)
            try s.bind(text: p.category, at: 3)
            try s.bind(text: p.supplier, at: 4)
            try s.bind(real: p.unitCost, at: 5)
            try s.bind(real: p.unitPrice, at: 6)
            try s.bind(real: p.onHand, at: 7)
            try s.bind(real: p.onOrder, at: 8)
            try s.bind(real: p.reorderPoint, at: 9)
            try s.bind(real: p.orderQuantity, at: 10)
            try s.bind(real: p.leadTimeDays, at: 11)
            try s.bind(real: p.serviceLevel, at: 12)
            try s.bind(int: p.casePack.map { Int64($0) }, at: 13)
            return try insertOrUpdate(products)
        case .receipt(let r):
            let s = receipts.insert
            try s.bind(text: r.poId, at: 1)
            try s.bind(text: r.sku, at: 2)
            try s.bind(text: r.supplier, at: 3)
            try s.bind(int: Int64(r.orderedAt.day), at: 4)
            try s.bind(int: r.orderedAt.instant, at: 5)
            try s.bind(int: Int64(r.receivedAt.day), at: 6)
            try s.bind(int: r.receivedAt.instant, at: 7)
            try s.bind(real: r.quantity, at: 8)
            let outcome = try insertOrUpdate(receipts)
            if outcome != .duplicate {
                digests.receipt(poId: r.poId, sku: r.sku, ReceiptFact(supplier: r.supplier, orderedDay: r.orderedAt.day,
                                                                     receivedDay: r.receivedAt.day, quantity: r.quantity))
            }
            return outcome
        }
    }

    /// `INSERT OR IGNORE`, then for a stored key the `UPDATE ... WHERE` some column differs.
    private func insertOrUpdate(_ pair: Pair) throws -> StoreOutcome {
        // The insert's bindings carry over to the update: same values, same parameter numbers.
        defer { pair.insert.resetKeepingBindings() }
        try pair.insert.run()
        if db.changes == 1 { return .new }
        defer { pair.update.resetKeepingBindings() }
        try pair.insert.transferBindings(to: pair.update)
        try pair.update.run()
        return db.changes == 1 ? .replaced : .duplicate
    }

    /// An order line: for a stored key the stored values are read first, because the digests
    /// must take the old line out before counting the new one.
    private func write(_ o: OrderRow) throws -> StoreOutcome {
        let s = orders.insert
        // A sku fallback key is marked with U+001F so it can never equal a real line_id.
        let lineKey = o.lineKeyIsLineId ? o.lineKey : "\u{1F}" + o.lineKey
        try s.bind(text: o.orderId, at: 1)
        try s.bind(text: lineKey, at: 2)
        try s.bind(text: o.sku, at: 3)
        try s.bind(int: Int64(o.orderedAt.day), at: 4)
        try s.bind(int: o.orderedAt.instant, at: 5)
        try s.bind(real: o.quantity, at: 6)
        try s.bind(real: o.unitPrice, at: 7)
        try s.bind(int: o.cancelled ? 1 : 0, at: 8)
        defer { s.resetKeepingBindings() }
        try s.run()
        let line = DigestWriter.OrderLine(orderId: o.orderId, sku: o.sku, day: o.orderedAt.day, cancelled: o.cancelled,
                                          quantity: o.quantity, unitPrice: o.unitPrice)
        if db.changes == 1 {
            try digests.orderLine(old: nil, new: line)
            return .new
        }
        let q = storedOrder
        defer { q.reset() }
        try q.bind(text: o.orderId, at: 1)
        try q.bind(text: lineKey, at: 2)
        guard try q.step() else { throw RunError("order line \(o.orderId)/\(o.lineKey) was neither new nor stored") }
        let stored = DigestWriter.OrderLine(orderId: o.orderId, sku: q.text(0) ?? "", day: q.int(1), cancelled: q.int(4) != 0,
                                            quantity: q.double(3), unitPrice: q.optionalDouble(5))
        if stored == line && q.optionalInt(2).map(Int64.init) == o.orderedAt.instant { return .duplicate }
        q.reset()
        defer { orders.update.resetKeepingBindings() }
        try s.transferBindings(to: orders.update)
        try orders.update.run()
        try digests.orderLine(old: stored, new: line)
        return .replaced
    }

    /// A backorder: for a stored key the stored values are read first (a replaced row's old
    /// SKU loses it), and an identical row is a duplicate without an update.
    private func write(_ b: BackorderRow) throws -> StoreOutcome {
        let s = backorders.insert
        let key = b.keyIsBackorderId ? b.key : "\u{1F}" + b.key
        try s.bind(text: key, at: 1)
        try s.bind(text: b.orderId, at: 2)
        try s.bind(text: b.sku, at: 3)
        try s.bind(real: b.quantity, at: 4)
        try s.bind(int: Int64(b.backorderedAt.day), at: 5)
        try s.bind(int: b.backorderedAt.instant, at: 6)
        try s.bind(int: b.fulfilledAt.map { Int64($0.day) }, at: 7)
        try s.bind(int: b.fulfilledAt?.instant, at: 8)
        try s.bind(int: b.cancelledAt.map { Int64($0.day) }, at: 9)
        try s.bind(int: b.cancelledAt?.instant, at: 10)
        defer { s.resetKeepingBindings() }
        try s.run()
        let entry = SKUEvents.Backorder(orderId: b.orderId, quantity: b.quantity, backorderedDay: b.backorderedAt.day,
                                        fulfilledDay: b.fulfilledAt?.day, cancelledDay: b.cancelledAt?.day)
        if db.changes == 1 {
            digests.backorder(key: key, oldSKU: nil, sku: b.sku, entry)
            return .new
        }
        let q = storedBackorder
        defer { q.reset() }
        try q.bind(text: key, at: 1)
        guard try q.step() else { throw RunError("backorder \(b.key) was neither new nor stored") }
        let oldSKU = q.text(1) ?? ""
        let same = q.text(0) == b.orderId && oldSKU == b.sku && q.double(2) == b.quantity
            && q.int(3) == b.backorderedAt.day && q.optionalInt(4).map(Int64.init) == b.backorderedAt.instant
            && q.optionalInt(5) == b.fulfilledAt?.day && q.optionalInt(6).map(Int64.init) == b.fulfilledAt?.instant
            && q.optionalInt(7) == b.cancelledAt?.day && q.optionalInt(8).map(Int64.init) == b.cancelledAt?.instant
        if same { return .duplicate }
        q.reset()
        defer { backorders.update.resetKeepingBindings() }
        try s.transferBindings(to: backorders.update)
        try backorders.update.run()
        digests.backorder(key: key, oldSKU: oldSKU, sku: b.sku, entry)
        return .replaced
    }

    /// Stores a rejected row with the ingest that saw it.
    func write(_ r: Rejection, ingest: Int64) throws {
        defer { reject.reset() }
        try reject.bind([.integer(ingest), .text(r.file), .integer(Int64(r.line)), .text(r.column), .text(r.value), .text(r.reason)])
        try reject.run()
    }
}
