import RestockCore
import SQLite

/// The order lines of each SKU and day, kept up to date at ingest in table `sku_days`, so
/// that a run reads what history reduces to instead of every order line again.
///
/// The table is keyed by (day, sku id): order exports arrive roughly in time order, so new
/// totals land at the end of the table. Changes are collected in memory as deltas and
/// applied in key order. Everything happens inside the ingest's transaction, so the table
/// always matches `order_lines`.
final class SKUDays {
    struct Delta {
        var lines = 0
        var units = 0.0
        var priceSum = 0.0
        var pricedLines = 0
        var cancelledLines = 0
        var removed = false
    }

    /// Deltas by `day << 32 | sku id`.
    private var deltas: [Int64: Delta] = [:]
    private var ids: [String: Int64] = [:]
    private let db: Connection
    private let upsert: Statement
    private let prune: Statement
    private let addSKU: Statement
    /// Deltas held before they are written (about 100 bytes each).
    private let limit: Int

    init(_ db: Connection, limit: Int = 200_000) throws {
        self.db = db
        self.limit = limit
        upsert = try db.prepare("""
            INSERT INTO sku_days(day, sku_id, lines, units, price_sum, priced_lines, cancelled_lines)
            VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)
            ON CONFLICT(day, sku_id) DO UPDATE SET lines=lines+?3, units=units+?4, price_sum=price_sum+?5,
              priced_lines=priced_lines+?6, cancelled_lines=cancelled_lines+?7
            """)
        prune = try db.prepare("DELETE FROM sku_days WHERE day=?1 AND sku_id=?2 AND lines<=0 AND cancelled_lines<=0")
        addSKU = try db.prepare("INSERT INTO skus(sku) VALUES(?1)")
        let all = try db.prepare("SELECT id, sku FROM skus")
        while try all.step() { ids[all.text(1) ?? ""] = all.int64(0) }
    }

    /// The SKU's id in `skus`, added when new.
    private func id(of sku: String) throws -> Int64 {
        if let id = ids[sku] { return id }
        try addSKU.bind(text: sku, at: 1)
        try addSKU.run()
        addSKU.resetKeepingBindings()
        let id = db.lastInsertRowID
        ids[sku] = id
        return id
    }

    /// Counts an order line in (`sign` 1) or out (`sign` -1, a replaced row's old values).
    func add(sku: String, day: Int, quantity: Double, unitPrice: Double?, cancelled: Bool, sign: Int) throws {
        let key = Int64(day) << 32 | (try id(of: sku))
        var d = deltas[key] ?? Delta()
        if cancelled {
            d.cancelledLines += sign
        } else {
            d.lines += sign
            d.units += Double(sign) * quantity
            if let unitPrice {
                d.priceSum += Double(sign) * unitPrice
                d.pricedLines += sign
            }
        }
        if sign < 0 { d.removed = true }
        deltas[key] = d
        if deltas.count >= limit { try flush() }
    }

    /// Writes the collected deltas in key order.
    func flush() throws {
        guard !deltas.isEmpty else { return }
        for key in deltas.keys.sorted() {
            let d = deltas[key]!
            let day = key >> 32, sku = key & 0xFFFF_FFFF
            try upsert.bind(int: day, at: 1)
            try upsert.bind(int: sku, at: 2)
            try upsert.bind(int: Int64(d.lines), at: 3)
            try upsert.bind(real: d.units, at: 4)
            try upsert.bind(real: d.priceSum, at: 5)
            try upsert.bind(int: Int64(d.pricedLines), at: 6)
            try upsert.bind(int: Int64(d.cancelledLines), at: 7)
            try upsert.run()
            upsert.resetKeepingBindings()
            if d.removed {
                try prune.bind(int: day, at: 1)
                try prune.bind(int: sku, at: 2)
                try prune.run()
                prune.resetKeepingBindings()
            }
        }
        deltas.removeAll(keepingCapacity: true)
    }
}
