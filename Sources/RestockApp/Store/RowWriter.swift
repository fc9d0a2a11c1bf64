import RestockCore
import SQLite

/// What storing one row did.
enum StoreOutcome {
    case new, replaced, duplicate
}

/// Writes parsed input rows to the store with prepared UPSERTs that replace a stored row only
/// when a known column differs (CONTRACT.md §1 "keys and re-loading").
///
/// `RETURNING version` tells the three cases apart: 0 for a new row, 1+ for a replaced one,
/// no row at all when the `WHERE` of `DO UPDATE` found nothing different (a duplicate).
final class RowWriter {
    private let orders: Statement
    private let backorders: Statement
    private let products: Statement
    private let receipts: Statement
    private let reject: Statement

    init(_ db: Connection) throws {
        orders = try db.prepare("""
            INSERT INTO order_lines(order_id, line_key, sku, day, at, quantity, unit_price, cancelled)
            VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
            ON CONFLICT(order_id, line_key) DO UPDATE SET
              sku=excluded.sku, day=excluded.day, at=excluded.at, quantity=excluded.quantity,
              unit_price=excluded.unit_price, cancelled=excluded.cancelled, version=version+1
            WHERE sku IS NOT excluded.sku OR day IS NOT excluded.day OR at IS NOT excluded.at
              OR quantity IS NOT excluded.quantity OR unit_price IS NOT excluded.unit_price
              OR cancelled IS NOT excluded.cancelled
            RETURNING version
            """)
        backorders = try db.prepare("""
            INSERT INTO backorders(key, order_id, sku, quantity, b_day, b_at, f_day, f_at, c_day, c_at)
            VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
            ON CONFLICT(key) DO UPDATE SET
              order_id=excluded.order_id, sku=excluded.sku, quantity=excluded.quantity,
              b_day=excluded.b_day, b_at=excluded.b_at, f_day=excluded.f_day, f_at=excluded.f_at,
              c_day=excluded.c_day, c_at=excluded.c_at, version=version+1
            WHERE order_id IS NOT excluded.order_id OR sku IS NOT excluded.sku
              OR quantity IS NOT excluded.quantity OR b_day IS NOT excluded.b_day
              OR b_at IS NOT excluded.b_at OR f_day IS NOT excluded.f_day OR f_at IS NOT excluded.f_at
              OR c_day IS NOT excluded.c_day OR c_at IS NOT excluded.c_at
            RETURNING version
            """)
        products = try db.prepare("""
            INSERT INTO products(sku, name, category, supplier, unit_cost, unit_price, on_hand, on_order,
                                 reorder_point, order_quantity, lead_time_days, service_level, case_pack)
            VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
            ON CONFLICT(sku) DO UPDATE SET
              name=excluded.name, category=excluded.category, supplier=excluded.supplier,
              unit_cost=excluded.unit_cost, unit_price=excluded.unit_price, on_hand=excluded.on_hand,
              on_order=excluded.on_order, reorder_point=excluded.reorder_point,
              order_quantity=excluded.order_quantity, lead_time_days=excluded.lead_time_days,
              service_level=excluded.service_level, case_pack=excluded.case_pack, version=version+1
            WHERE name IS NOT excluded.name OR category IS NOT excluded.category
              OR supplier IS NOT excluded.supplier OR unit_cost IS NOT excluded.unit_cost
              OR unit_price IS NOT excluded.unit_price OR on_hand IS NOT excluded.on_hand
              OR on_order IS NOT excluded.on_order OR reorder_point IS NOT excluded.reorder_point
              OR order_quantity IS NOT excluded.order_quantity OR lead_time_days IS NOT excluded.lead_time_days
              OR service_level IS NOT excluded.service_level OR case_pack IS NOT excluded.case_pack
            RETURNING version
            """)
        receipts = try db.prepare("""
            INSERT INTO receipts(po_id, sku, supplier, o_day, o_at, r_day, r_at, quantity)
            VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
            ON CONFLICT(po_id, sku) DO UPDATE SET
              supplier=excluded.supplier, o_day=excluded.o_day, o_at=excluded.o_at,
              r_day=excluded.r_day, r_at=excluded.r_at, quantity=excluded.quantity, version=version+1
            WHERE supplier IS NOT excluded.supplier OR o_day IS NOT excluded.o_day OR o_at IS NOT excluded.o_at
              OR r_day IS NOT excluded.r_day OR r_at IS NOT excluded.r_at OR quantity IS NOT excluded.quantity
            RETURNING version
            """)
        reject = try db.prepare("INSERT INTO rejects(ingest_id, file, line, column_name, value, reason) VALUES(?, ?, ?, ?, ?, ?)")
    }

    /// Stores one row; tells whether it was new, replaced a stored row, or changed nothing.
    func write(_ row: InputRow) throws -> StoreOutcome {
        let s: Statement
        switch row {
        case .order(let o):
            s = orders
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
            s = backorders
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
            s = products
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
            s = receipts
            try s.bind(text: r.poId, at: 1)
            try s.bind(text: r.sku, at: 2)
            try s.bind(text: r.supplier, at: 3)
            try s.bind(int: Int64(r.orderedAt.day), at: 4)
            try s.bind(int: r.orderedAt.instant, at: 5)
            try s.bind(int: Int64(r.receivedAt.day), at: 6)
            try s.bind(int: r.receivedAt.instant, at: 7)
            try s.bind(real: r.quantity, at: 8)
        }
        defer { s.reset() }
        guard try s.step() else { return .duplicate }
        let version = s.int64(0)
        while try s.step() {}
        return version == 0 ? .new : .replaced
    }

    /// Stores a rejected row with the ingest that saw it.
    func write(_ r: Rejection, ingest: Int64) throws {
        defer { reject.reset() }
        try reject.bind([.integer(ingest), .text(r.file), .integer(Int64(r.line)), .text(r.column), .text(r.value), .text(r.reason)])
        try reject.run()
    }
}
