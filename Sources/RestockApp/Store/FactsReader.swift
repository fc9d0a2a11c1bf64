import Foundation
import RestockCore
import SQLite

/// Reads the facts of a run from the store, SKU by SKU in byte order of the SKU, a chunk at
/// a time. What of them counts for the run, and which SKUs get a row, is decided by
/// `WindowRules` (RestockCore); this type only reads.
///
/// It reads the per-SKU digests `DigestWriter` keeps, not the rows: each SKU's daily totals
/// in the 64-day blocks the window overlaps, and each SKU's backorders and receipts record.
/// The work so grows with the number of SKUs and the window, not with all of history.
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
    /// Every SKU that may get a row in skus.csv, in byte order; `next` walks through it.
    let candidates: [String]

    private var products: [String: ProductFact]
    /// The exclude and recurring lists, and the SKUs the export marks not stock (README,
    /// "Non-stock lines", "One-off bulk orders").
    private let exclude: SKUList?
    private let recurring: SKUList?
    private let exportNotStocked: Set<String>
    private var events: [String: CountedEvents]
    /// Per SKU, its credits dated in the window (README, "Returns and cancellations").
    private var credits: [String: [CreditLine]]
    /// SKUs with any backorders-file row in the store, of any date: nothing is inferred for them.
    private var fileBackorderSKUs: Set<String> = []
    /// Per SKU without backorders-file rows, its order lines that may have gone on backorder
    /// (README, "Backorders inferred from orders").
    private var lateLines: [String: [FulfilmentLine]] = [:]
    /// Per SKU id, its daily totals in the window (`WindowTotals.days`).
    private var dailyTotals: [[DailyTotal]]
    /// SKU -> id in `dailyTotals` (SKUs with daily totals in the window).
    private var totalsIds: [String: Int] = [:]
    private var position = 0

    /// One SKU's backorders, backordered lines and receipts that count for the run.
    private struct CountedEvents {
        var backorders: [BackorderFact] = []
        /// The day of each order line with a backorder that counts, one entry per line.
        var backorderedLineDays: [Int32] = []
        var receipts: [ReceiptFact] = []
    }

    private enum ProductColumn: Int32, SQLColumn {
        case sku, name, category, supplier, unitCost, unitPrice, onHand, onOrder, reorderPoint, orderQuantity,
             leadTimeDays, serviceLevel, casePack, stocked
    }
    private enum SupplierColumn: Int32, SQLColumn { case sku, supplier }
    private enum EventsColumn: Int32, SQLColumn { case sku, data }
    private enum BlockColumn: Int32, SQLColumn { case block, data }
    private enum LateLineColumn: Int32, SQLColumn {
        case sku, orderId, day, quantity, cancelled, fDay, cDay, shipping, shipped, backordered
    }

    /// Reads products, backorders, receipts and the window's daily totals.
    ///
    /// - Parameters:
    ///   - only: limits everything to one SKU (the supplier pools still hold every SKU's
    ///     receipts).
    ///   - path: the store's file, to read the daily totals on a second connection meanwhile
    ///     (`WindowTotals.readInBackground`); nil reads them after the rest.
    ///   - progress: hears the number of daily-total blocks read, every 100,000.
    init(_ db: Connection, settings: RunSettings, sku only: String? = nil, path: String? = nil,
         progress: ((Int64) -> Void)? = nil) throws {
        let rules = WindowRules(settings: settings)
        self.rules = rules
        Trace.mark("start")
        let background = path.map { WindowTotals.readInBackground(path: $0, rules: rules, sku: only) }
        products = try Self.readProducts(db, sku: only)
        Trace.mark("products")
        var range = DayRange()
        let suppliers = try only == nil ? products.compactMapValues(\.supplier) : Self.readSuppliers(db)
        var pooled: [String: [PooledReceipt]] = [:]
        var fileSKUs: Set<String> = []
        events = try Self.readEvents(db, rules: rules, sku: only, suppliers: suppliers, pooled: &pooled, range: &range,
                                     fileBackorderSKUs: &fileSKUs)
        pools = SupplierPools(pooled)
        credits = try Self.readCredits(db, rules: rules, sku: only)
        fileBackorderSKUs = fileSKUs
        lateLines = try Self.readLateLines(db, rules: rules, sku: only).filter { !fileSKUs.contains($0.key) }
        let lists = try SKUListFiles.read(db)
        exclude = lists[SKUListFiles.exclude]
        recurring = lists[SKUListFiles.recurring]
        exportNotStocked = try SKUListFiles.exportNotStocked(db, sku: only)
        Trace.mark("backorders and receipts")
        let totals = try background?.wait() ?? WindowTotals.read(db, rules: rules, sku: only, progress: progress)
        Trace.mark("daily totals")
        dailyTotals = totals.days
        for (id, name) in totals.intern.names.enumerated() where !totals.days[id].isEmpty { totalsIds[name] = id }
        var skus = Set(products.keys).union(events.keys).union(totalsIds.keys).union(lateLines.keys)
        if let only { skus.insert(only) }
        candidates = skus.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        try Self.readOrderLineEdges(db, into: &range)
        firstDay = range.first
        lastDay = range.last
    }

    /// The next `count` candidate SKUs that get a row in skus.csv (fewer at the end), nil
    /// when every SKU was read. What a SKU needed is freed as it is handed out.
    func next(_ count: Int) throws -> [SKUFacts]? {
        guard position < candidates.count else { return nil }
        var chunk: [SKUFacts] = []
        chunk.reserveCapacity(count)
        while position < candidates.count && chunk.count < count {
            let sku = candidates[position]
            position += 1
            let counted = events.removeValue(forKey: sku) ?? CountedEvents()
            var totals: [DailyTotal] = []
            if let id = totalsIds[sku] { swap(&totals, &dailyTotals[id]) }
            let product = products[sku]
            let nonStock = NonStockRule.nonStock(sku: sku, stocked: product?.stocked, name: product?.name,
                                                 exportSaysNotStock: exportNotStocked.contains(sku), exclude: exclude)
            guard var facts = rules.facts(sku: sku, product: product, dailyTotals: totals,
                                          backorderedLineDays: counted.backorderedLineDays.map { Day($0) },
                                          backorders: counted.backorders, receipts: counted.receipts,
                                          credits: credits.removeValue(forKey: sku) ?? [],
                                          hasFileBackorders: fileBackorderSKUs.contains(sku),
                                          lines: lateLines.removeValue(forKey: sku) ?? [], nonStock: nonStock) else { continue }
            if let last = facts.orderDays.last?.day { lastOrderDay = max(lastOrderDay ?? last, last) }
            facts.recurringBulk = recurring?.lists(sku) ?? false
            chunk.append(facts)
        }
        return chunk
    }

    /// Sets the connection's page cache to `streamingCacheKiB`.
    static func useStreamingCache(_ db: Connection) throws {
        try db.execute("PRAGMA cache_size=-\(streamingCacheKiB)")
    }

    /// The products rows (one, with `only`), by SKU.
    private static func readProducts(_ db: Connection, sku only: String?) throws -> [String: ProductFact] {
        let row = try db.prepare("SELECT \(ProductColumn.selectList) FROM products WHERE ?1 IS NULL OR sku=?1")
        try row.bind([.optional(only)])
        var products: [String: ProductFact] = [:]
        while try row.step() {
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
            products[p.sku] = p
        }
        return products
    }

    /// Every SKU's products supplier, by SKU (SKUs without one left out).
    private static func readSuppliers(_ db: Connection) throws -> [String: String] {
        let row = try db.prepare("SELECT \(SupplierColumn.selectList) FROM products WHERE supplier IS NOT NULL")
        var suppliers: [String: String] = [:]
        while try row.step() { suppliers[row.text(SupplierColumn.sku) ?? ""] = row.text(SupplierColumn.supplier) }
        return suppliers
    }

    /// Reads every SKU's backorders-and-receipts record: keeps the facts that count (of
    /// `only`, when given), adds every receipt that counts to its supplier's pool and every
    /// backorder's and receipt's day to `range`.
    private static func readEvents(_ db: Connection, rules: WindowRules, sku only: String?, suppliers: [String: String],
                                   pooled: inout [String: [PooledReceipt]], range: inout DayRange,
                                   fileBackorderSKUs: inout Set<String>) throws -> [String: CountedEvents] {
        // Supplier names repeat on every SKU: one shared String per name.
        var supplierNames: [String: String] = [:]
        let share: (String) -> String = { name in
            if let shared = supplierNames[name] { return shared }
            supplierNames[name] = name
            return name
        }
        var events: [String: CountedEvents] = [:]
        let row = try db.prepare("SELECT \(EventsColumn.selectList) FROM sku_events")
        while try row.step() {
            let sku = row.text(EventsColumn.sku) ?? ""
            let record = try row.withBlob(EventsColumn.data) { bytes throws in try SKUEvents.facts(bytes, name: share) }
            for b in record.backorders { range.see(b.backorderedDay) }
            if !record.backorders.isEmpty { fileBackorderSKUs.insert(sku) }
            for r in record.receipts {
                range.see(r.receivedDay)
                guard rules.counts(r), let supplier = SupplierPools.supplier(of: r, productSupplier: suppliers[sku]) else { continue }
                pooled[supplier, default: []].append(PooledReceipt(sku: sku, receipt: r))
            }
            guard only == nil || sku == only else { continue }
            let counted = CountedEvents(backorders: record.backorders.filter(rules.counts),
                                        backorderedLineDays: record.backorderedLines.filter(rules.counts).map { Int32($0.day) },
                                        receipts: record.receipts.filter(rules.counts))
            if !counted.backorders.isEmpty || !counted.backorderedLineDays.isEmpty || !counted.receipts.isEmpty {
                events[sku] = counted
            }
        }
        return events
    }

    /// Every credit (order line with a negative quantity) dated in the window, per SKU, in
    /// day order: a cancellation when its line is cancelled or its order has a sale of the
    /// SKU (README, "Returns and cancellations"). Read through the partial index of credits.
    private static func readCredits(_ db: Connection, rules: WindowRules, sku only: String?) throws -> [String: [CreditLine]] {
        let row = try db.prepare("""
            SELECT c.sku, c.day, -c.quantity, c.cancelled OR EXISTS(SELECT 1 FROM order_lines s
                   WHERE s.order_id = c.order_id AND s.sku = c.sku AND s.quantity > 0)
            FROM order_lines c WHERE c.quantity < 0 AND c.day BETWEEN ?1 AND ?2 AND (?3 IS NULL OR c.sku = ?3)
            ORDER BY c.sku, c.day
            """)
        try row.bind([.integer(Int64(rules.start)), .integer(Int64(rules.asOf)), only.map { .text($0) } ?? .null])
        var credits: [String: [CreditLine]] = [:]
        while try row.step() {
            credits[row.text(0) ?? "", default: []].append(CreditLine(day: row.int(1), units: row.double(2), isCancellation: row.int(3) != 0))
        }
        return credits
    }

    /// Every order line that may have gone on backorder (`Schema.lateLineCondition`) ordered
    /// by as-of, per SKU, by day then order: what `BackorderInference` reads. A line ordered
    /// before the window and fulfilled before it is left out (it counts for nothing).
    private static func readLateLines(_ db: Connection, rules: WindowRules, sku only: String?) throws -> [String: [FulfilmentLine]] {
        let row = try db.prepare("""
            SELECT \(LateLineColumn.selectList) FROM order_lines WHERE \(Schema.lateLineCondition)
            AND day <= ?1 AND (day >= ?2 OR f_day IS NULL OR f_day >= ?2) AND (?3 IS NULL OR sku = ?3)
            ORDER BY sku, day, order_id, line_key
            """)
        try row.bind([.integer(Int64(rules.asOf)), .integer(Int64(rules.start)), only.map { .text($0) } ?? .null])
        var lines: [String: [FulfilmentLine]] = [:]
        typealias C = LateLineColumn
        while try row.step() {
            lines[row.text(C.sku) ?? "", default: []].append(FulfilmentLine(
                orderId: row.text(C.orderId) ?? "", day: row.int(C.day), quantity: row.optionalDouble(C.quantity) ?? 0,
                cancelled: row.int(C.cancelled) != 0, fulfilledDay: row.optionalInt(C.fDay), cancelledDay: row.optionalInt(C.cDay),
                shipped: row.optionalInt(C.shipping).map { $0 != 0 }, shippedUnits: row.optionalDouble(C.shipped),
                backorderedUnits: row.optionalDouble(C.backordered)))
        }
        return lines
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
