import Foundation
import RestockCore
import SQLite

/// Each SKU's daily order-line totals that a run reads (its demand history, `WindowRules.demandStart`
/// to as-of: the window, or two years where the window is shorter), read from the store's 64-day blocks
/// (`sku_days`), the largest part of what a run reads, a SKU at a time in byte order: one
/// cursor per block the window overlaps (the table's key is (block, sku), so each walks its
/// block in SKU order), merged by SKU. Memory holds the SKUs handed out, not the window.
final class WindowTotals {
    private let rules: WindowRules
    /// One stream per block of the demand history, oldest block first.
    let blocks: [SKUOrderedRows]

    private enum Column: Int32, SQLColumn { case sku, data }

    /// Opens a cursor on every block the demand history overlaps (of `only`, when given).
    init(_ db: Connection, rules: WindowRules, sku only: String?) throws {
        self.rules = rules
        var blocks: [SKUOrderedRows] = []
        for block in stride(from: DailyTotalsBlock.block(of: rules.demandStart), through: DailyTotalsBlock.block(of: rules.asOf), by: 1) {
            let row = try db.prepare("""
                SELECT \(Column.selectList) FROM sku_days WHERE block = ?1 AND (?2 IS NULL OR sku = ?2) ORDER BY sku
                """)
            try row.bind([.integer(Int64(block)), .optional(only)])
            blocks.append(try SKUOrderedRows(row))
        }
        self.blocks = blocks
    }

    /// `sku`'s totals that count (`WindowRules.counts`), in day order, empty when no block
    /// holds it; each block at `sku` steps past it. Call with SKUs in byte order.
    func take(_ sku: String) throws -> [DailyTotal] {
        var days: [DailyTotal] = []
        for (offset, stream) in blocks.enumerated() where stream.isAt(sku) {
            let block = DailyTotalsBlock.block(of: rules.demandStart) + offset
            try stream.row.withBlob(Column.data) { bytes throws in
                try DailyTotalsBlock.decode(bytes, block: block) { t in
                    if rules.counts(t) { days.append(t) }
                }
            }
            try stream.advance()
        }
        return days
    }
}
