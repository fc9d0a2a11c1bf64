import Foundation
import RestockCore
import SQLite

/// One SKU's loaded facts for a run: the values the pure per-SKU computations take.
struct SKUInput: Sendable {
    var sku: String
    var product: ProductFact?
    /// Non-cancelled order lines per day in the window, by day.
    var orderDays: [OrderDay]
    /// Backorders opened by as-of that were still open at the window's start or later.
    var backorders: [BackorderFact]
    /// The SKU's receipts received in the window, oldest first.
    var receipts: [ReceiptFact]
    /// The SKU's supplier: products', else that of its latest receipt.
    var supplier: String?
}

/// A batch of SKUs to compute, with what pooling across SKUs needs.
struct RunFacts: Sendable {
    var skus: [SKUInput]
    /// Receipts received in the window per supplier, with the SKU each belongs to, oldest first.
    var supplierReceipts: [String: [(sku: String, receipt: ReceiptFact)]]
}

/// Reads the facts of a run from the store (README, "The figures": which rows each figure counts),
/// SKU by SKU in byte order of the SKU, a chunk at a time.
///
/// It reads the per-SKU digests `DigestWriter` keeps, not the rows: each SKU's daily totals
/// in the 64-day blocks the window overlaps, and each SKU's backorders and receipts record.
/// The work so grows with the number of SKUs and the window, not with all of history.
final class FactsReader {
    let settings: RunSettings
    /// First and last day with any loaded row (for the report header), nil for an empty store.
    private(set) var firstDay: Day?
    private(set) var lastDay: Day?
    /// The newest day with a non-cancelled order line in the window, among SKUs read so far.
    private(set) var lastOrderDay: Day?
    /// Receipts received in the window per supplier, for pooling thin lead-time evidence.
    let supplierReceipts: [String: [(sku: String, receipt: ReceiptFact)]]
    /// Every SKU that may belong in skus.csv, sorted; `next` walks through it.
    let candidates: [String]

    private var products: [String: ProductFact] = [:]
    private var backorders: [String: [BackorderFact]] = [:]
    private var receipts: [String: [ReceiptFact]] = [:]
    /// Per SKU: the days of its order lines with a backorder, one entry per line (backorder_rate's numerator).
    private var matched: [String: [Int32]] = [:]
    /// The window's daily totals per SKU id, in day order.
    private var days: [[DailyTotal]] = []
    /// SKU -> index into `days` (SKUs with order lines in the window).
    private var ids: [String: Int] = [:]
    private var position = 0

    /// Reads products, backorders and receipts; `only` limits everything to one SKU (the
    /// supplier pools still hold every SKU's receipts).
    /// `progress` hears the number of daily-total blocks read, every 100,000.
    /// `path`: the store's file, to read the daily totals in parallel on a second connection.
    init(_ db: Connection, settings: RunSettings, sku only: String? = nil, path: String? = nil,
         progress: ((Int64) -> Void)? = nil) throws {
        self.settings = settings
        let ws = settings.windowStart, asOf = settings.asOf
        var candidateSet = Set<String>()
        var first: Day?, last: Day?
        func seen(_ day: Day) {
            first = min(first ?? day, day)
            last = max(last ?? day, day)
        }
        Trace.mark("start")
        // With the store's path, the daily totals are read on a second connection by another
        // thread while this one reads products, backorders and receipts.
        let background = path.map { path in
            BackgroundWork {
                let db = try Connection(path: path, readOnly: true, create: false, busyTimeoutMilliseconds: 30_000)
                try db.execute("PRAGMA cache_size=-16384")
                return try FactsReader.readWindowTotals(db, settings: settings, sku: only, progress: nil)
            }
        }

        let products = try db.prepare("""
            SELECT sku, name, category, supplier, unit_cost, unit_price, on_hand, on_order, reorder_point,
                   order_quantity, lead_time_days, service_level, case_pack FROM products WHERE ?1 IS NULL OR sku=?1
            """)
        try products.bind([.optional(only)])
        while try products.step() {
            var p = ProductFact(sku: products.text(0) ?? "")
            p.name = products.text(1)
            p.category = products.text(2)
            p.supplier = products.text(3)
            p.unitCost = products.optionalDouble(4)
            p.unitPrice = products.optionalDouble(5)
            p.onHand = products.optionalDouble(6)
            p.onOrder = products.optionalDouble(7)
            p.reorderPoint = products.optionalDouble(8)
            p.orderQuantity = products.optionalDouble(9)
            p.leadTimeDays = products.optionalDouble(10)
            p.serviceLevel = products.optionalDouble(11)
            p.casePack = products.optionalInt(12)
            self.products[p.sku] = p
            candidateSet.insert(p.sku)
        }
        Trace.mark("products")

        // Backorders and receipts, one record per SKU.
        var supplierReceipts: [String: [(sku: String, receipt: ReceiptFact)]] = [:]
        var supplierSKU: [String: String] = [:]
        if only != nil {
            let s = try db.prepare("SELECT sku, supplier FROM products WHERE supplier IS NOT NULL")
            while try s.step() { supplierSKU[s.text(0) ?? ""] = s.text(1) }
        } else {
            for (sku, p) in self.products { if let supplier = p.supplier { supplierSKU[sku] = supplier } }
        }
        // Supplier names repeat on every SKU: one shared String per name.
        var supplierNames: [String: String] = [:]
        let share: (String) -> String = { name in
            if let shared = supplierNames[name] { return shared }
            supplierNames[name] = name
            return name
        }
        let events = try db.prepare("SELECT sku, data FROM sku_events")
        while try events.step() {
            let sku = events.text(0) ?? ""
            let record = try events.withBlob(1) { bytes throws in try SKUEvents.facts(bytes, name: share) }
            let own = only == nil || sku == only
            // Backorders that matter to the window: opened by as-of and not closed before it began.
            var kept: [BackorderFact] = []
            for b in record.backorders {
                seen(b.backorderedDay)
                guard own, b.backorderedDay <= asOf, (b.closedDay.map { $0 >= ws } ?? true) else { continue }
                kept.append(b)
                if b.backorderedDay >= ws { candidateSet.insert(sku) }
            }
            if !kept.isEmpty { self.backorders[sku] = kept }
            // backorder_rate's numerator: order lines of the window with a backorder of the same
            // order_id and sku opened by as-of, each counted once even when its backorder was split.
            if own {
                let lines = record.backorderedLines.filter { $0.day >= ws && $0.day <= asOf && $0.firstBackorderDay <= asOf }
                if !lines.isEmpty { self.matched[sku] = lines.map { Int32($0.day) } }
            }
            // Receipts received in the window.
            var keptReceipts: [ReceiptFact] = []
            for r in record.receipts {
                seen(r.receivedDay)
                guard r.receivedDay >= ws && r.receivedDay <= asOf else { continue }
                if own {
                    keptReceipts.append(r)
                    candidateSet.insert(sku)
                }
                // The supplier is products', else the receipt's own.
                if let supplier = supplierSKU[sku] ?? r.supplier {
                    supplierReceipts[supplier, default: []].append((sku, r))
                }
            }
            if !keptReceipts.isEmpty { self.receipts[sku] = keptReceipts }
        }
        // Oldest first; a supplier's pool keeps its latest 1,000 receipts (pooling uses the 200
        // most recent of the other SKUs).
        for supplier in Array(supplierReceipts.keys) {
            var pool = supplierReceipts.removeValue(forKey: supplier)!
            // Receipts received before the day of the 1,000th newest sort before all kept ones:
            // drop them before sorting (the order is by received day first).
            if pool.count > 1_000 {
                let cutoff = Self.dayOfNewest(1_000, pool.map(\.receipt.receivedDay))
                pool.removeAll { $0.receipt.receivedDay < cutoff }
            }
            pool.sort { SKUEvents.older($0.receipt, $1.receipt)
                || (!SKUEvents.older($1.receipt, $0.receipt) && $0.sku < $1.sku) }
            if pool.count > 1_000 { pool.removeFirst(pool.count - 1_000) }
            supplierReceipts[supplier] = pool
        }
        self.supplierReceipts = supplierReceipts
        Trace.mark("backorders and receipts")

        // The window's daily totals (started on their own connection and thread above, or read here).
        let totals: WindowTotals
        if let background {
            totals = try background.wait()
        } else {
            totals = try Self.readWindowTotals(db, settings: settings, sku: only, progress: progress)
        }
        let intern = totals.intern
        days = totals.days
        Trace.mark("daily totals")
        for (name, id) in intern.names.enumerated().map({ ($0.element, $0.offset) }) where !days[id].isEmpty {
            ids[name] = id
            candidateSet.insert(name)
        }
        if let only { candidateSet.insert(only) }
        candidates = candidateSet.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }

        // The first and last day of order lines: the first day of the oldest block, the last of the newest.
        let edges = try db.prepare("SELECT block, data FROM sku_days WHERE block = (SELECT min(block) FROM sku_days) OR block = (SELECT max(block) FROM sku_days)")
        while try edges.step() {
            let block = edges.int(0)
            try edges.withBlob(1) { bytes throws in try DailyTotalsBlock.decode(bytes, block: block) { seen($0.day) } }
        }
        firstDay = first
        lastDay = last
    }

    /// The received day of the `n`th newest of `days` (n <= days.count): every day after it
    /// holds fewer than `n`.
    static func dayOfNewest(_ n: Int, _ days: [Day]) -> Day {
        guard let low = days.min(), let high = days.max() else { return 0 }
        var counts = [Int](repeating: 0, count: high - low + 1)
        for d in days { counts[d - low] += 1 }
        var seen = 0
        var day = high
        while day > low {
            seen += counts[day - low]
            if seen >= n { return day }
            day -= 1
        }
        return low
    }

    /// Each SKU's daily totals within the window, by SKU id.
    struct WindowTotals: Sendable {
        var intern: SKUIntern
        var days: [[DailyTotal]]
    }

    /// Reads the window's daily totals, block by block (so each SKU's days arrive in day
    /// order); SKUs are interned from the raw bytes of the column.
    static func readWindowTotals(_ db: Connection, settings: RunSettings, sku only: String?,
                                 progress: ((Int64) -> Void)?) throws -> WindowTotals {
        let ws = settings.windowStart, asOf = settings.asOf
        let scan = try db.prepare("""
            SELECT sku, block, data FROM sku_days WHERE block BETWEEN ?1 AND ?2 AND (?3 IS NULL OR sku=?3)
            """)
        try scan.bind([.integer(Int64(DailyTotalsBlock.block(of: ws))), .integer(Int64(DailyTotalsBlock.block(of: asOf))),
                       .optional(only)])
        var intern = SKUIntern()
        var blocks: Int64 = 0
        var days: [[DailyTotal]] = []
        while try scan.step() {
            blocks += 1
            if blocks % 100_000 == 0 { progress?(blocks) }
            let id = scan.withText(0) { intern.id(for: $0) }
            if id == days.count { days.append([]) }
            let block = scan.int(1)
            try scan.withBlob(2) { bytes throws in
                try DailyTotalsBlock.decode(bytes, block: block) { t in
                    if t.day >= ws && t.day <= asOf { days[id].append(t) }
                }
            }
        }
        return WindowTotals(intern: intern, days: days)
    }

    /// The next `count` candidate SKUs that belong in skus.csv (fewer at the end), nil when
    /// every SKU was read.
    func next(_ count: Int) throws -> [SKUInput]? {
        guard position < candidates.count else { return nil }
        var chunk: [SKUInput] = []
        chunk.reserveCapacity(count)
        let ws = settings.windowStart
        while position < candidates.count && chunk.count < count {
            let sku = candidates[position]
            position += 1
            var listed = products[sku] != nil || receipts[sku] != nil
                || (backorders[sku]?.contains { $0.backorderedDay >= ws } ?? false)
            var orderDays: [OrderDay] = []
            if let id = ids[sku] {
                listed = true
                var matchedDays: [Day: Int] = [:]
                for day in matched[sku] ?? [] { matchedDays[Int(day), default: 0] += 1 }
                orderDays.reserveCapacity(days[id].count)
                for t in days[id] where t.lines > 0 {
                    orderDays.append(OrderDay(day: t.day, lines: Int(t.lines), units: t.units,
                                              backorderedLines: matchedDays[t.day] ?? 0,
                                              priceSum: t.priceSum, pricedLines: Int(t.pricedLines)))
                }
                days[id] = []
            }
            guard listed else { continue }
            if let last = orderDays.last?.day { lastOrderDay = max(lastOrderDay ?? last, last) }
            let own = receipts[sku] ?? []
            chunk.append(SKUInput(sku: sku, product: products[sku], orderDays: orderDays, backorders: backorders[sku] ?? [],
                                  receipts: own, supplier: products[sku]?.supplier ?? own.last(where: { $0.supplier != nil })?.supplier))
            // What this SKU needed is not needed again: free it as we go.
            backorders[sku] = nil
            self.matched[sku] = nil
        }
        return chunk
    }
}
