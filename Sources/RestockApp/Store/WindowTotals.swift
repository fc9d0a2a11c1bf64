import Foundation
import RestockCore
import SQLite

/// Each SKU's daily order-line totals in a run's window, read from the store's 64-day blocks
/// (`sku_days`): the largest part of what a run reads.
struct WindowTotals: Sendable {
    /// The SKUs met, numbered in the order read.
    var intern: SKUIntern
    /// Per SKU id, its totals that count (`WindowRules.counts`), in day order.
    var days: [[DailyTotal]]

    private enum Column: Int32, SQLColumn { case sku, block, data }

    /// Reads the blocks the window overlaps, block by block (so each SKU's days arrive in day
    /// order); SKUs are interned from the column's bytes, without a `String` per row.
    ///
    /// - Parameters:
    ///   - only: limits the read to one SKU.
    ///   - progress: hears the number of blocks read, every 100,000.
    static func read(_ db: Connection, rules: WindowRules, sku only: String?,
                     progress: ((Int64) -> Void)?) throws -> WindowTotals {
        let scan = try db.prepare("""
            SELECT \(Column.selectList) FROM sku_days WHERE block BETWEEN ?1 AND ?2 AND (?3 IS NULL OR sku=?3)
            """)
        try scan.bind([.integer(Int64(DailyTotalsBlock.block(of: rules.start))),
                       .integer(Int64(DailyTotalsBlock.block(of: rules.asOf))), .optional(only)])
        var totals = WindowTotals(intern: SKUIntern(), days: [])
        var blocks: Int64 = 0
        while try scan.step() {
            blocks += 1
            if blocks % 100_000 == 0 { progress?(blocks) }
            let id = scan.withText(Column.sku) { totals.intern.id(for: $0) }
            if id == totals.days.count { totals.days.append([]) }
            let block = scan.int(Column.block)
            try scan.withBlob(Column.data) { bytes throws in
                try DailyTotalsBlock.decode(bytes, block: block) { t in
                    if rules.counts(t) { totals.days[id].append(t) }
                }
            }
        }
        return totals
    }

    /// Starts `read` on a second, read-only connection to the store at `path`, on its own
    /// thread: the daily totals are most of a run's read, and this way they are read while
    /// the calling thread reads products, backorders and receipts.
    static func readInBackground(path: String, rules: WindowRules, sku only: String?) -> BackgroundWork<WindowTotals> {
        BackgroundWork {
            let db = try Connection(path: path, readOnly: true, create: false, busyTimeoutMilliseconds: 30_000)
            try FactsReader.useStreamingCache(db)
            return try WindowTotals.read(db, rules: rules, sku: only, progress: nil)
        }
    }
}
