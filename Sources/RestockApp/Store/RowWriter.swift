import RestockCore
import SQLite

/// What storing one row did.
enum StoreOutcome {
    case new, replaced, duplicate
}

/// Writes parsed input rows to the store with prepared UPSERTs that replace a stored row only
/// when a known column differs (CONTRACT.md §1 "keys and re-loading").
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

    init(_ db: Connection) throws {
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
        reject = try db.prepare("INSERT INTO rejects(ingest_id, file, line, column_name, value, reason) VALUES(?, ?, ?, ?, ?, ?)")
    }

    private let db: Connection

    /// Stores one row; tells whether it was new, replaced a stored row, or changed nothing.
    func write(_ row: InputRow) throws -> StoreOutcome {
        let pair: Pair
        switch row {
        case .order(let o):
            pair = orders
            let s = pair.insert
            try s.bind(text: o.orderId, at: 1)
            // A sku fallback key is marked with U+001F so it can never equal a real line_id.
            try s.bind(text: o.lineKeyIsLineId ? o.lineKey : "\u{1F}" + o.lineKey, at: 2)
            try s.bind(text: o.sku, at: 3)
            try s.bind(int: Int64(o.orderedAt.day), at: 4)
            try s.bind(int: o.orderedAt.instant, at: 5)
            try s.bind(real: o.quantity, at: 6)
            try s.bind(real: o.unitPrice, at: 7)
            try s.bind(int: o.cancelled ? 1 : 0, at: 8)
        case .backorder(let b):
            pair = backorders
            let s = pair.insert
            try s.bind(text: b.keyIsBackorderId ? b.key : "\u{1F}" + b.key, at: 1)
            try s.bind(text: b.orderId, at: 2)
            try s.bind(text: b.sku, at: 3)
            try s.bind(real: b.quantity, at: 4)
            try s.bind(int: Int64(b.backorderedAt.day), at: 5)
            try s.bind(int: b.backorderedAt.instant, at: 6)
            try s.bind(int: b.fulfilledAt.map { Int64($0.day) }, at: 7)
            try s.bind(int: b.fulfilledAt?.instant, at: 8)
            try s.bind(int: b.cancelledAt.map { Int64($0.day) }, at: 9)
            try s.bind(int: b.cancelledAt?.instant, at: 10)
        case .product(let row):
            let p = row.product
            pair = products
            let s = pair.insert
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
        case .receipt(let r):
            pair = receipts
            let s = pair.insert
            try s.bind(text: r.poId, at: 1)
            try s.bind(text: r.sku, at: 2)
            try s.bind(text: r.supplier, at: 3)
            try s.bind(int: Int64(r.orderedAt.day), at: 4)
            try s.bind(int: r.orderedAt.instant, at: 5)
            try s.bind(int: Int64(r.receivedAt.day), at: 6)
            try s.bind(int: r.receivedAt.instant, at: 7)
            try s.bind(real: r.quantity, at: 8)
        }
        // The insert's bindings carry over to the update: same values, same parameter numbers.
        defer { pair.insert.resetKeepingBindings() }
        try pair.insert.run()
        if db.changes == 1 { return .new }
        defer { pair.update.resetKeepingBindings() }
        try pair.insert.transferBindings(to: pair.update)
        try pair.update.run()
        return db.changes == 1 ? .replaced : .duplicate
    }

    /// Stores a rejected row with the ingest that saw it.
    func write(_ r: Rejection, ingest: Int64) throws {
        defer { reject.reset() }
        try reject.bind([.integer(ingest), .text(r.file), .integer(Int64(r.line)), .text(r.column), .text(r.value), .text(r.reason)])
        try reject.run()
    }
}
