import RestockCore
import SQLite

/// The order lines of each SKU and day, kept up to date at ingest in table `sku_days`, so
/// that a run reads what history reduces to instead of every order line again.
///
/// Changes are collected in memory as deltas per (sku, day) and applied in key order, which
/// turns millions of scattered updates into one forward sweep through the table. Everything
/// happens inside the ingest's transaction, so the table always matches `order_lines`.
final class SKUDays {
    struct Key: Hashable {
        var sku: String
        var day: Int
    }

    struct Delta {
        var lines = 0
        var units = 0.0
        var priceSum = 0.0
        var pricedLines = 0
        var cancelledLines = 0
        var removed = false
    }

    private var deltas: [Key: Delta] = [:]
    private let upsert: Statement
    private let prune: Statement
    private let addSKU: Statement
    /// Deltas held before they are written (about 100 bytes each).
    private let limit: Int

    init(_ db: Connection, limit: Int = 400_000) throws {
        self.limit = limit
        upsert = try db.prepare("""
            INSERT INTO sku_days(sku, day, lines, units, price_sum, priced_lines, cancelled_lines)
            VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)
            ON CONFLICT(sku, day) DO UPDATE SET lines=lines+?3, units=units+?4, price_sum=price_sum+?5,
              priced_lines=priced_lines+?6, cancelled_lines=cancelled_lines+?7
            """)
        prune = try db.prepare("DELETE FROM sku_days WHERE sku=?1 AND day=?2 AND lines<=0 AND cancelled_lines<=0")
        addSKU = try db.prepare("INSERT OR IGNORE INTO skus(sku) VALUES(?1)")
    }

    /// Counts an order line in (`sign` 1) or out (`sign` -1, a replaced row's old values).
    func add(sku: String, day: Int, quantity: Double, unitPrice: Double?, cancelled: Bool, sign: Int) throws {
        let key = Key(sku: sku, day: day)
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

    /// Writes the collected deltas in (sku, day) order.
    func flush() throws {
        guard !deltas.isEmpty else { return }
        let keys = deltas.keys.sorted { a, b in
            a.sku == b.sku ? a.day < b.day : Array(a.sku.utf8).lexicographicallyPrecedes(Array(b.sku.utf8))
        }
        var lastSKU: String?
        for key in keys {
            let d = deltas[key]!
            if key.sku != lastSKU {
                try addSKU.bind(text: key.sku, at: 1)
                try addSKU.run()
                addSKU.resetKeepingBindings()
                lastSKU = key.sku
            }
            try upsert.bind(text: key.sku, at: 1)
            try upsert.bind(int: Int64(key.day), at: 2)
            try upsert.bind(int: Int64(d.lines), at: 3)
            try upsert.bind(real: d.units, at: 4)
            try upsert.bind(real: d.priceSum, at: 5)
            try upsert.bind(int: Int64(d.pricedLines), at: 6)
            try upsert.bind(int: Int64(d.cancelledLines), at: 7)
            try upsert.run()
            upsert.resetKeepingBindings()
            if d.removed {
                try prune.bind(text: key.sku, at: 1)
                try prune.bind(int: Int64(key.day), at: 2)
                try prune.run()
                prune.resetKeepingBindings()
            }
        }
        deltas.removeAll(keepingCapacity: true)
    }
}
