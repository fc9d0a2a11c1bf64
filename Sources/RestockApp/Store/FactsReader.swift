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
    /// Whether the SKU belongs in skus.csv: in products, or with an order line, backorder or
    /// receipt dated in the window (CONTRACT.md §3). A SKU seen only through a backorder
    /// opened before the window is read (for completeness) but not listed.
    var listed = false
}

/// Everything a run computes from, read from the store in a few scans.
struct RunFacts: Sendable {
    var skus: [SKUInput]
    /// Receipts received in the window per supplier, with the SKU each belongs to, oldest first.
    var supplierReceipts: [String: [(sku: String, receipt: ReceiptFact)]]
    /// First and last day with any loaded row (for the report header), nil for an empty store.
    var firstDay: Day?
    var lastDay: Day?
    var lastOrderDay: Day?
}

/// Reads the facts of a run from the store (CONTRACT.md §3: which rows each figure counts).
enum FactsReader {
    /// Reads every SKU's facts, or only `sku`'s (supplier receipts are always read whole).
    static func read(_ db: Connection, settings: RunSettings, sku only: String? = nil) throws -> RunFacts {
        let ws = Int64(settings.windowStart), asOf = Int64(settings.asOf)
        var index: [String: Int] = [:]
        var inputs: [SKUInput] = []
        func slot(_ sku: String) -> Int {
            if let i = index[sku] { return i }
            index[sku] = inputs.count
            inputs.append(SKUInput(sku: sku, product: nil, orderDays: [], backorders: [], receipts: [], supplier: nil))
            return inputs.count - 1
        }

        // Products: every SKU in products is in skus.csv.
        let products = try db.prepare("""
            SELECT sku, name, category, supplier, unit_cost, unit_price, on_hand, on_order, reorder_point,
                   order_quantity, lead_time_days, service_level, case_pack FROM products WHERE ?1 IS NULL OR sku=?1 ORDER BY sku
            """)
        try products.bind([.optional(only)])
        while try products.step() {
            let sku = products.text(0) ?? ""
            var p = ProductFact(sku: sku)
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
            let i = slot(sku)
            inputs[i].listed = true
            inputs[i].product = p
            inputs[i].supplier = p.supplier
        }

        // Order lines in the window, per SKU and day; cancelled ones only make the SKU appear.
        // A line "has a backorder" when one with the same order_id and sku was opened by as-of.
        let orders = try db.prepare("""
            SELECT o.sku, o.day, o.cancelled, count(*), total(o.quantity),
                   total(EXISTS(SELECT 1 FROM backorders b WHERE b.order_id=o.order_id AND b.sku=o.sku AND b.b_day<=?3)),
                   total(o.unit_price), count(o.unit_price)
            FROM order_lines o WHERE o.day BETWEEN ?1 AND ?2 AND (?4 IS NULL OR o.sku=?4)
            GROUP BY o.sku, o.day, o.cancelled ORDER BY o.sku, o.day
            """)
        try orders.bind([.integer(ws), .integer(asOf), .integer(asOf), .optional(only)])
        var lastOrderDay: Day?
        while try orders.step() {
            let i = slot(orders.text(0) ?? "")
            inputs[i].listed = true
            guard orders.int(2) == 0 else { continue }
            let day = orders.int(1)
            lastOrderDay = max(lastOrderDay ?? day, day)
            inputs[i].orderDays.append(OrderDay(day: day, lines: orders.int(3), units: orders.double(4),
                                                backorderedLines: Int(orders.double(5)),
                                                priceSum: orders.double(6), pricedLines: orders.int(7)))
        }

        // Backorders that matter to the window: opened by as-of and not closed before it began.
        let backorders = try db.prepare("""
            SELECT b.sku, b.order_id, b.quantity, b.b_day, b.f_day, b.c_day,
                   EXISTS(SELECT 1 FROM order_lines o WHERE o.order_id=b.order_id AND o.sku=b.sku)
            FROM backorders b
            WHERE (?3 IS NULL OR b.sku=?3) AND b.b_day <= ?2 AND (COALESCE(b.f_day, b.c_day) IS NULL OR COALESCE(b.f_day, b.c_day) >= ?1)
            ORDER BY b.sku, b.b_day, b.key
            """)
        try backorders.bind([.integer(ws), .integer(asOf), .optional(only)])
        while try backorders.step() {
            let i = slot(backorders.text(0) ?? "")
            if backorders.int(3) >= settings.windowStart { inputs[i].listed = true }
            inputs[i].backorders.append(BackorderFact(orderId: backorders.text(1) ?? "", quantity: backorders.double(2),
                                                      backorderedDay: backorders.int(3), fulfilledDay: backorders.optionalInt(4),
                                                      cancelledDay: backorders.optionalInt(5), matched: backorders.int(6) != 0))
        }

        // Receipts received in the window.
        var supplierReceipts: [String: [(sku: String, receipt: ReceiptFact)]] = [:]
        let receipts = try db.prepare("""
            SELECT sku, supplier, o_day, r_day, quantity FROM receipts WHERE r_day BETWEEN ?1 AND ?2
            ORDER BY r_day, o_day, po_id, sku
            """)
        try receipts.bind([.integer(ws), .integer(asOf)])
        var receiptRows: [(Int, ReceiptFact)] = []
        while try receipts.step() {
            let sku = receipts.text(0) ?? ""
            let fact0 = ReceiptFact(supplier: receipts.text(1), orderedDay: receipts.int(2), receivedDay: receipts.int(3),
                                    quantity: receipts.optionalDouble(4))
            if let only, sku != only {
                if let s = fact0.supplier { supplierReceipts[s, default: []].append((sku, fact0)) }
                continue
            }
            let i = slot(sku)
            inputs[i].listed = true
            let fact = ReceiptFact(supplier: receipts.text(1), orderedDay: receipts.int(2), receivedDay: receipts.int(3),
                                   quantity: receipts.optionalDouble(4))
            inputs[i].receipts.append(fact)
            receiptRows.append((i, fact))
        }
        for (i, fact) in receiptRows {
            if inputs[i].product?.supplier == nil, let s = fact.supplier { inputs[i].supplier = s }
        }
        for (i, fact) in receiptRows {
            guard let supplier = inputs[i].supplier ?? fact.supplier else { continue }
            supplierReceipts[supplier, default: []].append((inputs[i].sku, fact))
        }

        let range = try db.prepare("""
            SELECT min(d), max(d) FROM (
              SELECT min(day) AS d FROM order_lines UNION ALL SELECT max(day) FROM order_lines
              UNION ALL SELECT min(b_day) FROM backorders UNION ALL SELECT max(b_day) FROM backorders
              UNION ALL SELECT min(r_day) FROM receipts UNION ALL SELECT max(r_day) FROM receipts)
            """)
        var firstDay: Day?, lastDay: Day?
        if try range.step() {
            firstDay = range.optionalInt(0)
            lastDay = range.optionalInt(1)
        }
        inputs.removeAll { !$0.listed }
        inputs.sort { Array($0.sku.utf8).lexicographicallyPrecedes(Array($1.sku.utf8)) }
        return RunFacts(skus: inputs, supplierReceipts: supplierReceipts, firstDay: firstDay, lastDay: lastDay, lastOrderDay: lastOrderDay)
    }
}
