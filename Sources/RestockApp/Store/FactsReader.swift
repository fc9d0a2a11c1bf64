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

/// `RESTOCK_TRACE=1` prints each step's time and the process's resident memory on stderr,
/// for profiling a run.
enum Trace {
    static let enabled = ProcessInfo.processInfo.environment["RESTOCK_TRACE"] == "1"
    nonisolated(unsafe) static var last = Date()

    static func mark(_ step: String) {
        guard enabled else { return }
        let now = Date()
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let rss = status.split(separator: "\n").first { $0.hasPrefix("VmRSS") }.map(String.init) ?? ""
        FileHandle.standardError.write(Data(String(format: "trace %-28@ %7.2f s  %@\n", step, now.timeIntervalSince(last), rss).utf8))
        last = now
    }
}

/// Reads the facts of a run from the store (CONTRACT.md §3: which rows each figure counts),
/// SKU by SKU in byte order of the SKU, a chunk at a time, so that memory holds one chunk's
/// daily history rather than every SKU's.
///
/// Order lines are reduced to compact daily totals per SKU in one scan; backorders, receipts
/// and products are read whole once (they are small next to order lines).
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
    /// The window's daily totals per SKU id, in day order, compactly.
    private var days: [[CompactDay]] = []
    /// SKU -> index into `days` (SKUs with order lines in the window).
    private var ids: [String: Int] = [:]
    private var position = 0

    /// One day of one SKU's order lines, in 32 bytes.
    struct CompactDay {
        var offset: Int32      // day - window start
        var lines: Int32
        var pricedLines: Int32
        var cancelledLines: Int32
        var units: Double
        var priceSum: Double

        mutating func add(cancelled: Bool, units: Double, price: Double?) {
            if cancelled {
                cancelledLines += 1
                return
            }
            lines += 1
            self.units += units
            if let price {
                priceSum += price
                pricedLines += 1
            }
        }
    }

    /// Reads products, backorders and receipts; `only` limits everything to one SKU.
    /// `progress` hears the number of order lines scanned, every million.
    init(_ db: Connection, settings: RunSettings, sku only: String? = nil, progress: ((Int64) -> Void)? = nil) throws {
        self.settings = settings
        let ws = Int64(settings.windowStart), asOf = Int64(settings.asOf)
        var candidateSet = Set<String>()
        Trace.mark("start")

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
        // Backorders that matter to the window: opened by as-of and not closed before it began.
        let backorders = try db.prepare("""
            SELECT b.sku, b.order_id, b.quantity, b.b_day, b.f_day, b.c_day,
                   EXISTS(SELECT 1 FROM order_lines o WHERE o.order_id=b.order_id AND o.sku=b.sku)
            FROM backorders b
            WHERE (?3 IS NULL OR b.sku=?3) AND b.b_day <= ?2 AND (COALESCE(b.f_day, b.c_day) IS NULL OR COALESCE(b.f_day, b.c_day) >= ?1)
            """)
        try backorders.bind([.integer(ws), .integer(asOf), .optional(only)])
        while try backorders.step() {
            let sku = backorders.text(0) ?? ""
            let fact = BackorderFact(orderId: backorders.text(1) ?? "", quantity: backorders.double(2),
                                     backorderedDay: backorders.int(3), fulfilledDay: backorders.optionalInt(4),
                                     cancelledDay: backorders.optionalInt(5), matched: backorders.int(6) != 0)
            self.backorders[sku, default: []].append(fact)
            if fact.backorderedDay >= settings.windowStart { candidateSet.insert(sku) }
        }
        for sku in Array(self.backorders.keys) {
            self.backorders[sku]!.sort { ($0.backorderedDay, $0.orderId, $0.quantity) < ($1.backorderedDay, $1.orderId, $1.quantity) }
        }

        Trace.mark("backorders")
        // backorder_rate's numerator: order lines of the window with a backorder of the same
        // order_id and sku opened by as-of, each counted once even when its backorder was split.
        let matched = try db.prepare("""
            SELECT DISTINCT o.order_id, o.line_key, o.sku, o.day FROM backorders b
            JOIN order_lines o ON o.order_id = b.order_id AND o.sku = b.sku
            WHERE b.b_day <= ?2 AND o.day BETWEEN ?1 AND ?2 AND o.cancelled = 0 AND (?3 IS NULL OR b.sku=?3)
            """)
        try matched.bind([.integer(ws), .integer(asOf), .optional(only)])
        while try matched.step() {
            self.matched[matched.text(2) ?? "", default: []].append(Int32(matched.int(3)))
        }

        Trace.mark("matched order lines")
        // Receipts received in the window.
        var supplierReceipts: [String: [(sku: String, receipt: ReceiptFact)]] = [:]
        let receipts = try db.prepare("""
            SELECT sku, supplier, o_day, r_day, quantity FROM receipts WHERE r_day BETWEEN ?1 AND ?2
            """)
        try receipts.bind([.integer(ws), .integer(asOf)])
        // Supplier names repeat on every receipt: one shared String per name.
        var supplierNames: [String: String] = [:]
        while try receipts.step() {
            let sku = receipts.text(0) ?? ""
            let supplierName = receipts.text(1).map { name in
                if let shared = supplierNames[name] { return shared }
                supplierNames[name] = name
                return name
            }
            let fact = ReceiptFact(supplier: supplierName, orderedDay: receipts.int(2), receivedDay: receipts.int(3),
                                   quantity: receipts.optionalDouble(4))
            if only == nil || sku == only {
                self.receipts[sku, default: []].append(fact)
                candidateSet.insert(sku)
            }
            // The supplier is products', else the receipt's own.
            if let supplier = self.products[sku]?.supplier ?? fact.supplier {
                supplierReceipts[supplier, default: []].append((sku, fact))
            }
        }
        // Oldest first; a supplier's pool keeps its latest 1,000 receipts (pooling uses the 200
        // most recent of the other SKUs).
        func older(_ a: ReceiptFact, _ b: ReceiptFact) -> Bool {
            (a.receivedDay, a.orderedDay, a.quantity ?? 0) < (b.receivedDay, b.orderedDay, b.quantity ?? 0)
        }
        for sku in Array(self.receipts.keys) { self.receipts[sku]!.sort(by: older) }
        for supplier in Array(supplierReceipts.keys) {
            supplierReceipts[supplier]!.sort { older($0.receipt, $1.receipt) || (!older($1.receipt, $0.receipt) && $0.sku < $1.sku) }
            let count = supplierReceipts[supplier]!.count
            if count > 1_000 { supplierReceipts[supplier]!.removeFirst(count - 1_000) }
        }
        self.supplierReceipts = supplierReceipts
        Trace.mark("receipts")

        // The window's order lines, reduced to daily totals per SKU in one sequential scan
        // of the table (no sort): SKUs are interned from the raw bytes of the column, and
        // each SKU's days kept compactly.
        let scan = try db.prepare("""
            SELECT sku, day, cancelled, quantity, unit_price FROM order_lines
            WHERE day BETWEEN ?1 AND ?2 AND (?3 IS NULL OR sku=?3)
            """)
        try scan.bind([.integer(ws), .integer(asOf), .optional(only)])
        var intern = SKUIntern()
        var scanned: Int64 = 0
        while try scan.step() {
            scanned += 1
            if scanned % 1_000_000 == 0 { progress?(scanned) }
            let id = scan.withText(0) { intern.id(for: $0) }
            if id == days.count { days.append([]) }
            let offset = Int32(scan.int(1) - settings.windowStart)
            let cancelled = scan.int(2) != 0
            let units = scan.double(3)
            let price = scan.optionalDouble(4)
            if let last = days[id].indices.last, days[id][last].offset == offset {
                days[id][last].add(cancelled: cancelled, units: units, price: price)
            } else {
                var c = CompactDay(offset: offset, lines: 0, pricedLines: 0, cancelledLines: 0, units: 0, priceSum: 0)
                c.add(cancelled: cancelled, units: units, price: price)
                days[id].append(c)
            }
        }
        Trace.mark("order lines scan")
        for (name, id) in intern.names.enumerated().map({ ($0.element, $0.offset) }) {
            ids[name] = id
            candidateSet.insert(name)
        }
        if let only { candidateSet.insert(only) }
        candidates = candidateSet.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }

        let range = try db.prepare("""
            SELECT min(d), max(d) FROM (
              SELECT min(day) AS d FROM order_lines UNION ALL SELECT max(day) FROM order_lines
              UNION ALL SELECT min(b_day) FROM backorders UNION ALL SELECT max(b_day) FROM backorders
              UNION ALL SELECT min(r_day) FROM receipts UNION ALL SELECT max(r_day) FROM receipts)
            """)
        if try range.step() {
            firstDay = range.optionalInt(0)
            lastDay = range.optionalInt(1)
        }
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
            var matchedDays: [Day: Int] = [:]
            for day in matched[sku] ?? [] { matchedDays[Int(day), default: 0] += 1 }
            if let id = ids[sku] {
                listed = true
                // Rows came in order_id order, which is nearly but not quite day order.
                var compact = days[id]
                if !zip(compact, compact.dropFirst()).allSatisfy({ $0.offset < $1.offset }) {
                    compact.sort { $0.offset < $1.offset }
                    var merged: [CompactDay] = []
                    for c in compact {
                        if let last = merged.indices.last, merged[last].offset == c.offset {
                            merged[last].lines += c.lines
                            merged[last].pricedLines += c.pricedLines
                            merged[last].cancelledLines += c.cancelledLines
                            merged[last].units += c.units
                            merged[last].priceSum += c.priceSum
                        } else {
                            merged.append(c)
                        }
                    }
                    compact = merged
                }
                orderDays.reserveCapacity(compact.count)
                for c in compact where c.lines > 0 {
                    let day = ws + Int(c.offset)
                    orderDays.append(OrderDay(day: day, lines: Int(c.lines), units: c.units,
                                              backorderedLines: matchedDays[day] ?? 0,
                                              priceSum: c.priceSum, pricedLines: Int(c.pricedLines)))
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
