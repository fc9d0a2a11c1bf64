import RestockCore
import SQLite

/// Keeps the store's per-SKU digests (`sku_days`, `sku_events`) equal to what its rows reduce
/// to, inside the ingest's transaction: a run then reads the digests, and a night's work grows
/// with the night's new rows and the number of SKUs, not with all of history.
///
/// - Order lines: every stored, replaced or taken-out line adds its `DailyTotal` delta; the
///   deltas are summed in memory and merged into the stored 64-day blocks when they grow
///   large and at the end.
/// - Backorders and receipts: a stored or replaced row becomes an edit of its SKU's
///   `SKUEvents` record (by key); an order whose lines may have changed is marked, and its
///   lines of the SKU are read again at the end. Each touched record is then read, edited and
///   written once.
final class DigestWriter {
    private let db: Connection
    private var intern = SKUIntern()
    /// Per SKU id, the delta of the day it is on (`Int.min`: none yet); earlier days' deltas
    /// move to `spilled` (order lines arrive nearly in day order, so each SKU is mostly on
    /// one day at a time).
    private var current: [DailyTotal] = []
    private var spilled: [(id: Int32, total: DailyTotal)] = []
    /// Deltas of lines not yet numbered by SKU (see `note`).
    private var noted: [(sku: String, total: DailyTotal)] = []
    /// Pending edits of the SKUs' event records, per SKU id.
    private var edits: [EventEdits?] = []
    /// Merge pending deltas into the store beyond this many (bounds memory on a first load).
    private let flushThreshold: Int
    /// Whether the store held backorders before this ingest: only then can a new order line
    /// belong to a backorder that this ingest did not write (and so must be looked up).
    private var hadBackorders: Bool
    /// Whether the store held event records before this ingest (else there is nothing to read back).
    private var hadEvents: Bool
    /// Whether the store held daily totals before this ingest; if not, only the blocks an
    /// earlier flush of this ingest wrote (`written`, as block << 32 | SKU id) can be there.
    private var hadDays: Bool
    private var written = Set<Int64>()

    /// What an ingest changes in one SKU's `SKUEvents`: a log of edits in the order of the
    /// rows (later wins), kept as bytes (`EventEdit`) so a first load of millions of rows fits.
    private typealias EventEdits = ByteWriter
    /// Edits held in memory; beyond `eventFlushThreshold` they are written out.
    private var editCount = 0
    private let eventFlushThreshold: Int
    /// Orders whose lines of a SKU must be read again at the end (when every line is in).
    private var marks: [(order: String, sku: Int32)] = []

    private let probeBackorder: Statement
    private let readBlock: Statement
    private let writeBlock: Statement
    private let deleteBlock: Statement
    private let orderLines: Statement
    private let readEvents: Statement
    private let writeEvents: Statement
    /// Rewrites a stored record in place (keeps its row, unlike REPLACE's delete and insert).
    private let updateEvents: Statement
    private let deleteEvents: Statement

    init(_ db: Connection, flushThreshold: Int = 1_000_000, eventFlushThreshold: Int = 4_000_000) throws {
        self.db = db
        self.flushThreshold = flushThreshold
        self.eventFlushThreshold = eventFlushThreshold
        hadBackorders = try db.scalarInt("SELECT EXISTS(SELECT 1 FROM backorders)") == 1
        hadEvents = try db.scalarInt("SELECT EXISTS(SELECT 1 FROM sku_events)") == 1
        hadDays = try db.scalarInt("SELECT EXISTS(SELECT 1 FROM sku_days)") == 1
        probeBackorder = try db.prepare("SELECT 1 FROM backorders WHERE order_id=? AND sku=? LIMIT 1")
        readBlock = try db.prepare("SELECT data FROM sku_days WHERE block=? AND sku=?")
        writeBlock = try db.prepare("INSERT OR REPLACE INTO sku_days(block, sku, data) VALUES(?, ?, ?)")
        deleteBlock = try db.prepare("DELETE FROM sku_days WHERE block=? AND sku=?")
        orderLines = try db.prepare("SELECT day, cancelled FROM order_lines WHERE order_id=? AND sku=?")
        readEvents = try db.prepare("SELECT data FROM sku_events WHERE sku=?")
        writeEvents = try db.prepare("INSERT OR REPLACE INTO sku_events(sku, data) VALUES(?, ?)")
        updateEvents = try db.prepare("UPDATE sku_events SET data=?2 WHERE sku=?1")
        deleteEvents = try db.prepare("DELETE FROM sku_events WHERE sku=?")
    }

    /// The values of an order line that the digests depend on.
    struct OrderLine: Equatable {
        var orderId: String
        var sku: String
        var day: Day
        var cancelled: Bool
        var quantity: Double
        var unitPrice: Double?
    }

    /// An order line was stored (`old` nil) or replaced.
    func orderLine(old: OrderLine?, new: OrderLine) throws {
        // What a backordered order's lines keep of a line: its SKU, day and cancellation.
        let moved = old.map { $0.sku != new.sku || $0.day != new.day || $0.cancelled != new.cancelled } ?? true
        if let old {
            note(old.sku, DailyTotal(day: old.day, cancelled: old.cancelled, units: old.quantity, price: old.unitPrice, sign: -1))
            if moved { try lineChanged(orderId: old.orderId, sku: old.sku) }
        }
        if moved { try lineChanged(orderId: new.orderId, sku: new.sku) }
        note(new.sku, DailyTotal(day: new.day, cancelled: new.cancelled, units: new.quantity, price: new.unitPrice))
    }

    /// A backorder was stored or replaced; `oldSKU` is the SKU a replaced row had.
    func backorder(key: String, oldSKU: String?, sku: String, _ b: SKUEvents.Backorder) {
        if let oldSKU, oldSKU != sku { editEvents(id(oldSKU)) { EventEdit.removeBackorder(key: key, into: &$0) } }
        let skuId = id(sku)
        editEvents(skuId) { EventEdit.setBackorder(key: key, b, into: &$0) }
        marks.append((b.orderId, Int32(skuId)))
    }

    /// A receipt was stored or replaced.
    func receipt(poId: String, sku: String, _ r: ReceiptFact) {
        editEvents(id(sku)) { EventEdit.setReceipt(key: poId, r, into: &$0) }
    }

    /// Merges the pending daily deltas into `sku_days` and writes the edited `sku_events`.
    func finish() throws {
        try flush()
        Trace.mark("digests: daily totals merged")
        try readMarkedOrders()
        try writeEditedEvents()
        Trace.mark("digests: backorders and receipts")
    }

    /// Counts every stored row afresh: empties both digests, then adds every row. Used when a
    /// store gains digests (schema 2).
    func rebuildAll() throws {
        try db.execute("DELETE FROM sku_days; DELETE FROM sku_events")
        hadEvents = false
        hadBackorders = false
        hadDays = false
        written = []
        let lines = try db.prepare("SELECT sku, day, cancelled, quantity, unit_price FROM order_lines")
        while try lines.step() {
            let sku = lines.withText(0) { intern.id(for: $0) }
            growTo(sku)
            add(sku, DailyTotal(day: lines.int(1), cancelled: lines.int(2) != 0, units: lines.double(3), price: lines.optionalDouble(4)))
            try flushIfLarge()
        }
        let backorders = try db.prepare("SELECT key, sku, order_id, quantity, b_day, f_day, c_day FROM backorders")
        while try backorders.step() {
            backorder(key: backorders.text(0) ?? "", oldSKU: nil, sku: backorders.text(1) ?? "",
                      SKUEvents.Backorder(orderId: backorders.text(2) ?? "", quantity: backorders.double(3),
                                          backorderedDay: backorders.int(4), fulfilledDay: backorders.optionalInt(5),
                                          cancelledDay: backorders.optionalInt(6)))
        }
        let receipts = try db.prepare("SELECT po_id, sku, supplier, o_day, r_day, quantity FROM receipts")
        while try receipts.step() {
            receipt(poId: receipts.text(0) ?? "", sku: receipts.text(1) ?? "",
                    ReceiptFact(supplier: receipts.text(2), orderedDay: receipts.int(3), receivedDay: receipts.int(4),
                                quantity: receipts.optionalDouble(5)))
        }
        try finish()
    }

    // MARK: - SKU ids

    private func id(_ sku: String) -> Int {
        var text = sku
        let id = text.withUTF8 { intern.id(for: $0) }
        growTo(id)
        return id
    }

    private func growTo(_ id: Int) {
        while current.count <= id {
            current.append(DailyTotal(day: Int.min))
            edits.append(nil)
        }
    }

    // MARK: - Daily totals

    /// Notes a line's delta as it comes. SKUs are numbered later, in bulk (`absorb`): looking
    /// a SKU up between two SQLite writes costs several cache misses, in a tight loop far less.
    private func note(_ sku: String, _ delta: DailyTotal) {
        if delta.isEmpty && delta.units == 0 && delta.priceSum == 0 { return }
        noted.append((sku, delta))
    }

    /// Numbers the noted deltas' SKUs and adds them up per SKU and day.
    private func absorb() {
        // A bulk load: room for a whole flush's deltas at once (growing by doubling would overshoot).
        let room = flushThreshold + noted.count + current.count
        if noted.count >= 200_000 && spilled.capacity < room { spilled.reserveCapacity(room) }
        for (sku, delta) in noted { add(id(sku), delta) }
        noted.removeAll(keepingCapacity: true)
    }

    private func add(_ id: Int, _ delta: DailyTotal) {
        if delta.isEmpty && delta.units == 0 && delta.priceSum == 0 { return }
        if current[id].day == delta.day {
            current[id].add(delta)
        } else {
            if current[id].day != Int.min { spilled.append((Int32(id), current[id])) }
            current[id] = delta
        }
    }

    /// Merges the pending deltas into the store when they outgrew the threshold (called
    /// between rows, so memory stays bounded however large the load).
    func flushIfLarge() throws {
        if noted.count >= min(200_000, flushThreshold) { absorb() }
        if spilled.count >= flushThreshold { try flush() }
        if editCount >= eventFlushThreshold { try writeEditedEvents() }
    }

    /// Merges the pending deltas into their stored blocks, in (block, sku) order.
    private func flush() throws {
        absorb()
        for id in current.indices where current[id].day != Int.min {
            spilled.append((Int32(id), current[id]))
            current[id] = DailyTotal(day: Int.min)
        }
        guard !spilled.isEmpty else { return }
        Trace.mark("digests: \(spilled.count) daily deltas pending")
        defer { Trace.mark("digests: flushed") }
        // Group by SKU (counting sort), then per SKU sum the days and cut them into blocks.
        var counts = [Int](repeating: 0, count: current.count + 1)
        for d in spilled { counts[Int(d.id) + 1] += 1 }
        for i in 1..<counts.count { counts[i] += counts[i - 1] }
        var grouped = [DailyTotal](repeating: DailyTotal(day: 0), count: spilled.count)
        var next = counts
        for d in spilled {
            grouped[next[Int(d.id)]] = d.total
            next[Int(d.id)] += 1
        }
        spilled = []
        // Each SKU's deltas summed per day in place (at the front of its range of `grouped`),
        // then cut into blocks: work items are ranges of `grouped`.
        var work: [(block: Int, sku: Int32, start: Int32, end: Int32)] = []
        for id in current.indices where counts[id + 1] > counts[id] {
            let totals = DailyTotalsBlock.coalesce(Array(grouped[counts[id]..<counts[id + 1]]))
            let base = counts[id]
            for (k, t) in totals.enumerated() { grouped[base + k] = t }
            var start = 0
            while start < totals.count {
                let block = DailyTotalsBlock.block(of: totals[start].day)
                var end = start + 1
                while end < totals.count && DailyTotalsBlock.block(of: totals[end].day) == block { end += 1 }
                work.append((block, Int32(id), Int32(base + start), Int32(base + end)))
                start = end
            }
        }
        let names = intern.names
        let order = names.indices.sorted { names[$0].utf8.lexicographicallyPrecedes(names[$1].utf8) }
        var rank = [Int](repeating: 0, count: names.count)
        for (r, id) in order.enumerated() { rank[id] = r }
        work.sort { $0.block != $1.block ? $0.block < $1.block : rank[Int($0.sku)] < rank[Int($1.sku)] }
        for item in work {
            let sku = names[Int(item.sku)]
            var stored: [DailyTotal] = []
            let key = Int64(item.block) << 32 | Int64(item.sku)
            if hadDays || !written.insert(key).inserted {
                readBlock.reset()
                try readBlock.bind(.integer(Int64(item.block)), at: 1)
                try readBlock.bind(text: sku, at: 2)
                if try readBlock.step() {
                    stored = try readBlock.withBlob(0) { bytes throws in try DailyTotalsBlock.decode(bytes, block: item.block) }
                }
                readBlock.reset()
            }
            let merged = DailyTotalsBlock.merge(stored, Array(grouped[Int(item.start)..<Int(item.end)]))
            if merged.isEmpty {
                if !stored.isEmpty {
                    deleteBlock.reset()
                    try deleteBlock.bind([.integer(Int64(item.block)), .text(sku)])
                    try deleteBlock.run()
                }
            } else if merged != stored {
                writeBlock.reset()
                try writeBlock.bind(.integer(Int64(item.block)), at: 1)
                try writeBlock.bind(text: sku, at: 2)
                try writeBlock.bind(blob: DailyTotalsBlock.encode(merged, block: item.block), at: 3)
                try writeBlock.run()
            }
        }
    }

    // MARK: - Events

    private func editEvents(_ id: Int, _ body: (inout EventEdits) -> Void) {
        var e = edits[id] ?? EventEdits()
        edits[id] = nil
        body(&e)
        edits[id] = e
        editCount += 1
    }

    /// An order line of (order_id, sku) came, went or changed: when a backorder of that order
    /// and SKU was stored before this ingest, the SKU's record must read the order's lines
    /// again. (Backorders this ingest writes mark their order themselves.)
    private func lineChanged(orderId: String, sku: String) throws {
        guard hadBackorders else { return }
        probeBackorder.reset()
        try probeBackorder.bind(text: orderId, at: 1)
        try probeBackorder.bind(text: sku, at: 2)
        let hit = try probeBackorder.step()
        probeBackorder.reset()
        if hit { marks.append((orderId, Int32(id(sku)))) }
    }

    /// Reads the lines of every marked order, in order_id order (neighbouring keys share pages).
    private func readMarkedOrders() throws {
        guard !marks.isEmpty else { return }
        let names = intern.names
        marks.sort { $0.order != $1.order ? $0.order.utf8.lexicographicallyPrecedes($1.order.utf8) : $0.sku < $1.sku }
        var previous: (order: String, sku: Int32)?
        for mark in marks {
            if let previous, previous.order == mark.order && previous.sku == mark.sku { continue }
            previous = mark
            var lines: [SKUEvents.Line] = []
            orderLines.reset()
            try orderLines.bind(text: mark.order, at: 1)
            try orderLines.bind(text: names[Int(mark.sku)], at: 2)
            while try orderLines.step() { lines.append(SKUEvents.Line(day: orderLines.int(0), cancelled: orderLines.int(1) != 0)) }
            orderLines.reset()
            editEvents(Int(mark.sku)) { EventEdit.setLines(order: mark.order, lines, into: &$0) }
        }
        Trace.mark("digests: \(marks.count) orders' lines read")
        marks = []
    }

    /// Applies the held edits to the SKUs' records, in SKU order: read, edit, write once each.
    private func writeEditedEvents() throws {
        let names = intern.names
        let touched = edits.indices.filter { $0 < names.count && edits[$0] != nil }
            .sorted { names[$0].utf8.lexicographicallyPrecedes(names[$1].utf8) }
        for id in touched {
            let sku = names[id]
            let e = edits[id]!
            edits[id] = nil
            var events = SKUEvents()
            var stored = false
            if hadEvents {
                readEvents.reset()
                try readEvents.bind(text: sku, at: 1)
                if try readEvents.step() {
                    events = try readEvents.withBlob(0) { bytes throws in try SKUEvents.decode(bytes) }
                    stored = true
                }
                readEvents.reset()
            }
            try e.bytes.withUnsafeBytes { bytes throws in try EventEdit.apply(bytes, to: &events) }
            if events.isEmpty {
                if hadEvents {
                    deleteEvents.reset()
                    try deleteEvents.bind([.text(sku)])
                    try deleteEvents.run()
                }
            } else {
                let write = stored ? updateEvents : writeEvents
                write.reset()
                try write.bind(text: sku, at: 1)
                try write.bind(blob: events.encode(), at: 2)
                try write.run()
            }
        }
        editCount = 0
        if !touched.isEmpty { hadEvents = true }
        Trace.mark("digests: \(touched.count) SKUs' backorders and receipts written")
    }
}
