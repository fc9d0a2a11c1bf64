import Foundation
import RestockCore
import SQLite

/// Reads the facts of a run from the store, SKU by SKU in byte order of the SKU, a chunk at
/// a time. What of them counts for the run, and which SKUs get a row, is decided by
/// `WindowRules` (RestockCore); this type only reads.
///
/// It reads the per-SKU digests `DigestWriter` keeps, not the rows: each SKU's daily totals
/// in the 64-day blocks the demand history overlaps (the last 730 days, or the window where
/// longer), and each SKU's backorders and receipts record. The work so grows with the number
/// of SKUs and those days, not with all of history.
///
/// Memory stays flat however many SKUs there are: opening reads every record's receipts
/// once, for the supplier pools (bounded per supplier, `SupplierPoolCollector`); `next` then
/// merges SKU by SKU the products, the records, the window's blocks, the order lines that
/// may have gone on backorder, the credits and the not-stock marks, each a query in SKU
/// order (`SKUOrderedRows`), so only the chunk handed out is in memory.
final class FactsReader {
    /// Page cache of a connection that streams through the tables once, KiB: a small one is
    /// enough, and the memory is better left to the facts.
    static let streamingCacheKiB = 16_384

    let rules: WindowRules
    /// First and last day with any loaded row (for the report header), nil for an empty store.
    let firstDay: Day?
    let lastDay: Day?
    /// The newest day with a non-cancelled order line in the window, among SKUs read so far.
    private(set) var lastOrderDay: Day?
    /// Each supplier's recent receipts, for pooling thin lead-time evidence.
    let pools: SupplierPools
    /// SKUs with a products row or a backorders-and-receipts record: what the progress counts
    /// towards (SKUs with order lines alone are met while reading).
    let candidates: Int

    private let products: SKUOrderedRows
    private let events: SKUOrderedRows
    private let totals: WindowTotals
    /// Per SKU without backorders-file rows, its order lines that may have gone on backorder
    /// (README, "Backorders inferred from orders"): a SKU with such lines gets a row.
    private let lateLines: SKUOrderedRows
    /// The credits dated in the demand history (the last 730 days, or the window where longer;
    /// README, "Returns and cancellations"), by SKU then day.
    private let credits: SKUOrderedRows
    /// The SKUs the export marks not stock (README, "Non-stock lines").
    private let exportNotStocked: SKUOrderedRows
    /// The exclude and recurring lists (README, "Non-stock lines", "One-off bulk orders").
    /// The streams whose SKUs may get a row, merged SKU by SKU by `next`.
    private let leading: [SKUOrderedRows]
    private let exclude: SKUList?
    private let recurring: SKUList?
    /// Supplier names repeat on every SKU: one shared String per name.
    private var supplierNames: [String: String] = [:]

    private enum ProductColumn: Int32, SQLColumn {
        case sku, name, category, supplier, unitCost, unitPrice, onHand, onOrder, reorderPoint, orderQuantity,
             leadTimeDays, serviceLevel, casePack, stocked
    }
    private enum SupplierColumn: Int32, SQLColumn { case sku, supplier }
    private enum EventsColumn: Int32, SQLColumn { case sku, data }
    private enum BlockColumn: Int32, SQLColumn { case block, data }
    private enum CreditColumn: Int32, SQLColumn { case sku, day, units, isCancellation }
    private enum LateLineColumn: Int32, SQLColumn {
        case sku, orderId, day, quantity, cancelled, fDay, cDay, shipping, shipped, backordered
    }

    /// Reads every record's receipts (the supplier pools) and the SKU lists, and opens the
    /// SKU-ordered streams `next` merges.
    ///
    /// - Parameters:
    ///   - only: limits everything to one SKU (the supplier pools still hold every SKU's
    ///     receipts).
    init(_ db: Connection, settings: RunSettings, sku only: String? = nil) throws {
        let rules = WindowRules(settings: settings)
        self.rules = rules
        Trace.mark("start")
        var range = DayRange()
        var collector = SupplierPoolCollector()
        candidates = try Self.readPools(db, rules: rules, into: &collector, range: &range)
        pools = collector.finish()
        Trace.mark("supplier pools")
        try Self.readOrderLineEdges(db, into: &range)
        firstDay = range.first
        lastDay = range.last
        let lists = try SKUListFiles.read(db)
        exclude = lists[SKUListFiles.exclude]
        recurring = lists[SKUListFiles.recurring]
        products = try SKUOrderedRows(Self.sorted(db, "SELECT \(ProductColumn.selectList) FROM products", sku: only))
        events = try SKUOrderedRows(Self.sorted(db, "SELECT \(EventsColumn.selectList) FROM sku_events", sku: only))
        totals = try WindowTotals(db, rules: rules, sku: only)
        lateLines = try SKUOrderedRows(Self.lateLines(db, rules: rules, sku: only))
        credits = try SKUOrderedRows(Self.credits(db, rules: rules, sku: only))
        exportNotStocked = try SKUOrderedRows(SKUListFiles.exportNotStocked(db, sku: only))
        leading = [products, events, lateLines] + totals.blocks
    }

    /// The next `count` SKUs that get a row in skus.csv (fewer at the end, possibly none),
    /// nil when every SKU was read.
    func next(_ count: Int) throws -> [SKUFacts]? {
        var chunk: [SKUFacts] = []
        chunk.reserveCapacity(count)
        var met = false
        while chunk.count < count, let sku = SKUOrderedRows.smallest(leading) {
            met = true
            let product = products.isAt(sku) ? Self.product(products.row) : nil
            if product != nil { try products.advance() }
            let counted = try takeEvents(sku)
            let lines = try takeLateLines(sku)
            let nonStock = NonStockRule.nonStock(sku: sku, stocked: product?.stocked, name: product?.name,
                                                 exportSaysNotStock: try takeExportNotStocked(sku), exclude: exclude)
            guard var facts = rules.facts(sku: sku, product: product, dailyTotals: try totals.take(sku),
                                          backorderedLineDays: counted.backorderedLineDays,
                                          backorders: counted.backorders, receipts: counted.receipts,
                                          credits: try takeCredits(sku), hasFileBackorders: counted.hasFileBackorders,
                                          lines: counted.hasFileBackorders ? [] : lines, nonStock: nonStock) else { continue }
            if let last = facts.orderDays.last(where: { rules.contains($0.day) })?.day {
                lastOrderDay = max(lastOrderDay ?? last, last)
            }
            facts.recurringBulk = recurring?.lists(sku) ?? false
            chunk.append(facts)
        }
        return met ? chunk : nil
    }

    /// One SKU's backorders, backordered lines and receipts that count for the run.
    private struct CountedEvents {
        var backorders: [BackorderFact] = []
        /// The day of each order line with a backorder that counts, one entry per line.
        var backorderedLineDays: [Day] = []
        var receipts: [ReceiptFact] = []
        /// Whether the SKU has any backorders-file row in the store, of any date: nothing is
        /// inferred for it.
        var hasFileBackorders = false
    }

    /// `sku`'s record, decoded and cut to what counts, when the record stream is at it.
    private func takeEvents(_ sku: String) throws -> CountedEvents {
        guard events.isAt(sku) else { return CountedEvents() }
        let record = try events.row.withBlob(EventsColumn.data) { bytes throws in
            try SKUEvents.facts(bytes, name: share)
        }
        try events.advance()
        return CountedEvents(backorders: record.backorders.filter(rules.counts),
                             backorderedLineDays: record.backorderedLines.filter(rules.counts).map(\.day),
                             receipts: record.receipts.filter(rules.counts), hasFileBackorders: !record.backorders.isEmpty)
    }

    /// `sku`'s order lines that may have gone on backorder, by day then order.
    private func takeLateLines(_ sku: String) throws -> [FulfilmentLine] {
        var lines: [FulfilmentLine] = []
        typealias C = LateLineColumn
        while lateLines.isAt(sku) {
            let row = lateLines.row
            lines.append(FulfilmentLine(
                orderId: row.text(C.orderId) ?? "", day: row.int(C.day), quantity: row.optionalDouble(C.quantity) ?? 0,
                cancelled: row.int(C.cancelled) != 0, fulfilledDay: row.optionalInt(C.fDay), cancelledDay: row.optionalInt(C.cDay),
                shipped: row.optionalInt(C.shipping).map { $0 != 0 }, shippedUnits: row.optionalDouble(C.shipped),
                backorderedUnits: row.optionalDouble(C.backordered)))
            try lateLines.advance()
        }
        return lines
    }

    /// `sku`'s credits dated in the demand history, in day order; the credits of SKUs before it that
    /// get no row are stepped past.
    private func takeCredits(_ sku: String) throws -> [CreditLine] {
        try credits.skip(before: sku)
        var lines: [CreditLine] = []
        typealias C = CreditColumn
        while credits.isAt(sku) {
            let row = credits.row
            lines.append(CreditLine(day: row.int(C.day), units: row.double(C.units), isCancellation: row.int(C.isCancellation) != 0))
            try credits.advance()
        }
        return lines
    }

    /// Whether the export marks one of `sku`'s order lines not stock.
    private func takeExportNotStocked(_ sku: String) throws -> Bool {
        try exportNotStocked.skip(before: sku)
        guard exportNotStocked.isAt(sku) else { return false }
        try exportNotStocked.advance()
        return true
    }

    private func share(_ name: String) -> String {
        if let shared = supplierNames[name] { return shared }
        supplierNames[name] = name
        return name
    }

    /// `select` (whose first column is the SKU) in SKU order, of `only` when given.
    private static func sorted(_ db: Connection, _ select: String, sku only: String?) throws -> Statement {
        let row = try db.prepare("\(select) WHERE ?1 IS NULL OR sku = ?1 ORDER BY sku")
        try row.bind([.optional(only)])
        return row
    }

    /// Sets the connection's page cache to `streamingCacheKiB`.
    static func useStreamingCache(_ db: Connection) throws {
        try db.execute("PRAGMA cache_size=-\(streamingCacheKiB)")
    }

    /// The products row `row` is at.
    private static func product(_ row: Statement) -> ProductFact {
        var p = ProductFact(sku: row.text(ProductColumn.sku) ?? "")
        p.name = row.text(ProductColumn.name)
        p.category = row.text(ProductColumn.category)
        p.supplier = row.text(ProductColumn.supplier)
        p.unitCost = row.optionalDouble(ProductColumn.unitCost)
        p.unitPrice = row.optionalDouble(ProductColumn.unitPrice)
        p.onHand = row.optionalDouble(ProductColumn.onHand)
        p.onOrder = row.optionalDouble(ProductColumn.onOrder)
        p.reorderPoint = row.optionalDouble(ProductColumn.reorderPoint)
        p.orderQuantity = row.optionalDouble(ProductColumn.orderQuantity)
        p.leadTimeDays = row.optionalDouble(ProductColumn.leadTimeDays)
        p.serviceLevel = row.optionalDouble(ProductColumn.serviceLevel)
        p.casePack = row.optionalInt(ProductColumn.casePack)
        p.stocked = row.optionalInt(ProductColumn.stocked).map { $0 != 0 }
        return p
    }

    /// Reads every SKU's backorders-and-receipts record, in SKU order beside the products'
    /// suppliers: adds every receipt that counts to its supplier's pool and every backorder's
    /// and receipt's day to `range`. Returns the number of SKUs with a products row or a record.
    private static func readPools(_ db: Connection, rules: WindowRules, into pools: inout SupplierPoolCollector,
                                  range: inout DayRange) throws -> Int {
        var supplierNames: [String: String] = [:]
        let share: (String) -> String = { name in
            if let shared = supplierNames[name] { return shared }
            supplierNames[name] = name
            return name
        }
        let suppliers = try SKUOrderedRows(sorted(db, "SELECT \(SupplierColumn.selectList) FROM products", sku: nil))
        let records = try SKUOrderedRows(sorted(db, "SELECT \(EventsColumn.selectList) FROM sku_events", sku: nil))
        var skus = 0
        while let sku = SKUOrderedRows.smallest([suppliers, records]) {
            skus += 1
            var supplier: String?
            if suppliers.isAt(sku) {
                supplier = suppliers.row.text(SupplierColumn.supplier).map(share)
                try suppliers.advance()
            }
            guard records.isAt(sku) else { continue }
            let record = try records.row.withBlob(EventsColumn.data) { bytes throws in
                try SKUEventsCodec.receiptsAndBackorderDays(bytes, name: share)
            }
            try records.advance()
            if let days = record.backorderDays { range.see(days.lowerBound); range.see(days.upperBound) }
            for r in record.receipts {
                range.see(r.receivedDay)
                guard rules.counts(r), let pool = SupplierPools.supplier(of: r, productSupplier: supplier) else { continue }
                pools.add(PooledReceipt(sku: sku, receipt: r), supplier: pool)
            }
        }
        return skus
    }

    /// Every credit (order line with a negative quantity) dated in the demand history
    /// (`WindowRules.counts`: the window, or two years where it is shorter), by SKU then
    /// day (`CreditColumn`): a cancellation when its line is cancelled or its order has a sale
    /// of the SKU (README, "Returns and cancellations"). Read through the partial index of
    /// credits.
    private static func credits(_ db: Connection, rules: WindowRules, sku only: String?) throws -> Statement {
        let row = try db.prepare("""
            SELECT c.sku, c.day, -c.quantity, c.cancelled OR EXISTS(SELECT 1 FROM order_lines s
                   WHERE s.order_id_width = c.order_id_width AND s.order_id = c.order_id
                   AND s.sku = c.sku AND s.quantity > 0)
            FROM order_lines c WHERE c.quantity < 0 AND c.day BETWEEN ?1 AND ?2 AND (?3 IS NULL OR c.sku = ?3)
            ORDER BY c.sku, c.day
            """)
        try row.bind([.integer(Int64(rules.demandStart)), .integer(Int64(rules.asOf)), only.map { .text($0) } ?? .null])
        return row
    }

    /// Every order line that may have gone on backorder (`Schema.lateLineCondition`) ordered
    /// by as-of, by SKU, then day and order: what `BackorderInference` reads. A line ordered
    /// before the window and fulfilled before it is left out (it counts for nothing).
    private static func lateLines(_ db: Connection, rules: WindowRules, sku only: String?) throws -> Statement {
        let row = try db.prepare("""
            SELECT \(LateLineColumn.selectList) FROM order_lines WHERE \(Schema.lateLineCondition)
            AND day <= ?1 AND (day >= ?2 OR f_day IS NULL OR f_day >= ?2) AND (?3 IS NULL OR sku = ?3)
            ORDER BY sku, day, order_id, line_key
            """)
        try row.bind([.integer(Int64(rules.asOf)), .integer(Int64(rules.start)), only.map { .text($0) } ?? .null])
        return row
    }

    /// Widens `range` by the days of order lines: the first day of the oldest daily-totals
    /// block and the last day of the newest.
    private static func readOrderLineEdges(_ db: Connection, into range: inout DayRange) throws {
        let row = try db.prepare("""
            SELECT \(BlockColumn.selectList) FROM sku_days
            WHERE block = (SELECT min(block) FROM sku_days) OR block = (SELECT max(block) FROM sku_days)
            """)
        while try row.step() {
            let block = row.int(BlockColumn.block)
            try row.withBlob(BlockColumn.data) { bytes throws in try DailyTotalsBlock.decode(bytes, block: block) { range.see($0.day) } }
        }
    }
}

/// The first and last of the days seen, nil before any.
private struct DayRange {
    private(set) var first: Day?
    private(set) var last: Day?

    mutating func see(_ day: Day) {
        first = min(first ?? day, day)
        last = max(last ?? day, day)
    }
}
