/// What the store keeps of one SKU's backorders and receipts, in one compact record that a
/// run reads instead of the rows: every backorder and receipt by its key, and the order lines
/// of every order that has a backorder of the SKU (they decide `matched` and backorder_rate's
/// numerator).
///
/// An ingest edits the record in place (`DigestWriter`): a stored or replaced row overwrites
/// its key's entry, and the order lines of an order are read again when one of them changed.
public struct SKUEvents: Sendable, Hashable {
    /// One backorder row of the SKU.
    public struct Backorder: Sendable, Hashable {
        public var orderId: String
        public var quantity: Double
        public var backorderedDay: Day
        public var fulfilledDay: Day?
        public var cancelledDay: Day?

        public init(orderId: String, quantity: Double, backorderedDay: Day, fulfilledDay: Day? = nil, cancelledDay: Day? = nil) {
            self.orderId = orderId
            self.quantity = quantity
            self.backorderedDay = backorderedDay
            self.fulfilledDay = fulfilledDay
            self.cancelledDay = cancelledDay
        }
    }

    /// One order line of (order_id, this SKU).
    public struct Line: Sendable, Hashable, Comparable {
        public var day: Day
        public var cancelled: Bool

        public init(day: Day, cancelled: Bool) {
            self.day = day
            self.cancelled = cancelled
        }

        public static func < (a: Line, b: Line) -> Bool { (a.day, a.cancelled ? 1 : 0) < (b.day, b.cancelled ? 1 : 0) }
    }

    /// Backorders by key (backorder_id, or the order_id/sku/day fallback key).
    public var backorders: [String: Backorder]
    /// For each order_id of a backorder: that order's lines of this SKU (empty when none is stored).
    public var lines: [String: [Line]]
    /// Receipts by po_id.
    public var receipts: [String: ReceiptFact]

    public init(backorders: [String: Backorder] = [:], lines: [String: [Line]] = [:], receipts: [String: ReceiptFact] = [:]) {
        self.backorders = backorders
        self.lines = lines
        self.receipts = receipts
    }

    public var isEmpty: Bool { backorders.isEmpty && receipts.isEmpty }

    /// Receipts' order: by received day, then ordered day, then quantity (none first).
    public static func older(_ a: ReceiptFact, _ b: ReceiptFact) -> Bool {
        (a.receivedDay, a.orderedDay, a.quantity ?? 0) < (b.receivedDay, b.orderedDay, b.quantity ?? 0)
    }

    static let format: UInt8 = 1


    /// The record's bytes, the same for the same content: a format byte (1); orders (count,
    /// then order_id, line count, lines as day and cancelled flag), sorted by order_id;
    /// backorders (count, then key, order index, quantity, backordered, fulfilled and cancelled
    /// day), sorted by (backordered day, order_id, quantity, key); supplier names (count,
    /// names); receipts (count, then po_id, supplier index or -1, ordered day, received day,
    /// has-quantity flag, quantity), oldest first. Orders no backorder refers to are left out.
    public func encode() -> [UInt8] {
        var w = ByteWriter(capacity: 16 + backorders.count * 48 + receipts.count * 32)
        w.u8(Self.format)
        // String order (deterministic; the fast path for ASCII keys).
        let orderIds = Set(backorders.values.map(\.orderId)).sorted()
        var orderIndex: [String: Int32] = [:]
        w.i32(Int32(orderIds.count))
        for (i, id) in orderIds.enumerated() {
            orderIndex[id] = Int32(i)
            w.string(id)
            let own = (lines[id] ?? []).sorted()
            w.i32(Int32(own.count))
            for l in own {
                w.day(l.day)
                w.u8(l.cancelled ? 1 : 0)
            }
        }
        let sortedBackorders = backorders.sorted { a, b in
            let x = a.value, y = b.value
            if x.backorderedDay != y.backorderedDay { return x.backorderedDay < y.backorderedDay }
            if x.orderId != y.orderId { return x.orderId < y.orderId }
            if x.quantity != y.quantity { return x.quantity < y.quantity }
            return a.key < b.key
        }
        w.i32(Int32(sortedBackorders.count))
        for (key, b) in sortedBackorders {
            w.string(key)
            w.i32(orderIndex[b.orderId]!)
            w.f64(b.quantity)
            w.day(b.backorderedDay)
            w.optionalDay(b.fulfilledDay)
            w.optionalDay(b.cancelledDay)
        }
        let sortedReceipts = receipts.sorted { a, b in
            if Self.older(a.value, b.value) { return true }
            if Self.older(b.value, a.value) { return false }
            return a.key < b.key
        }
        var suppliers: [String] = []
        var supplierIndex: [String: Int32] = [:]
        for (_, r) in sortedReceipts {
            if let s = r.supplier, supplierIndex[s] == nil {
                supplierIndex[s] = Int32(suppliers.count)
                suppliers.append(s)
            }
        }
        w.i32(Int32(suppliers.count))
        for s in suppliers { w.string(s) }
        w.i32(Int32(sortedReceipts.count))
        for (poId, r) in sortedReceipts {
            w.string(poId)
            w.i32(r.supplier.map { supplierIndex[$0]! } ?? -1)
            w.day(r.orderedDay)
            w.day(r.receivedDay)
            w.u8(r.quantity == nil ? 0 : 1)
            w.f64(r.quantity ?? 0)
        }
        return w.bytes
    }

    /// Decodes a record written by `encode()`, keys and all, for editing.
    public static func decode(_ bytes: UnsafeRawBufferPointer) throws(DigestError) -> SKUEvents {
        var r = ByteReader(bytes)
        guard try r.u8() == format else { throw DigestError("backorders and receipts in an unknown format") }
        var events = SKUEvents()
        let no = try r.count(minimumBytesEach: 8)
        var orderIds: [String] = []
        for _ in 0..<no {
            let id = try r.string()
            let n = try r.count(minimumBytesEach: 5)
            var lines: [Line] = []
            lines.reserveCapacity(n)
            for _ in 0..<n { lines.append(Line(day: try r.day(), cancelled: try r.u8() != 0)) }
            orderIds.append(id)
            events.lines[id] = lines
        }
        let nb = try r.count(minimumBytesEach: 28)
        for _ in 0..<nb {
            let key = try r.string()
            let index = Int(try r.i32())
            guard index >= 0 && index < no else { throw DigestError("order \(index) of \(no)") }
            events.backorders[key] = Backorder(orderId: orderIds[index], quantity: try r.f64(), backorderedDay: try r.day(),
                                               fulfilledDay: try r.optionalDay(), cancelledDay: try r.optionalDay())
        }
        try readReceipts(&r, keys: true, name: { $0 }) { key, receipt in events.receipts[key] = receipt }
        return events
    }

    /// What a run needs of a record: backorders with `matched` set, the backordered lines, and
    /// receipts, in the orders the computations expect.
    public struct Facts: Sendable {
        /// Sorted by (backordered day, order_id, quantity).
        public var backorders: [BackorderFact] = []
        /// Non-cancelled order lines with a backorder, sorted by (day, first backorder day).
        public var backorderedLines: [BackorderedLine] = []
        /// Oldest first.
        public var receipts: [ReceiptFact] = []
    }

    /// An order line that has a backorder with the same order_id and sku (README, "The
    /// figures": backorder_rate's numerator).
    public struct BackorderedLine: Sendable, Hashable {
        /// The day the line was ordered.
        public var day: Day
        /// The day of the earliest of its order's backorders: it counts for an as-of on or after it.
        public var firstBackorderDay: Day

        public init(day: Day, firstBackorderDay: Day) {
            self.day = day
            self.firstBackorderDay = firstBackorderDay
        }
    }

    /// Decodes a record straight into `Facts`, without keys and without a dictionary or an
    /// array per order (a run decodes every SKU's record). `name` lets a caller share one
    /// `String` per supplier name across SKUs.
    public static func facts(_ bytes: UnsafeRawBufferPointer, name: (String) -> String = { $0 }) throws(DigestError) -> Facts {
        var r = ByteReader(bytes)
        guard try r.u8() == format else { throw DigestError("backorders and receipts in an unknown format") }
        var facts = Facts()
        let no = try r.count(minimumBytesEach: 8)
        var orderIds: [String] = []
        orderIds.reserveCapacity(no)
        // Each order's lines, flat: order i's are lines[starts[i] ..< starts[i + 1]].
        var lines: [Line] = []
        var starts: [Int] = [0]
        starts.reserveCapacity(no + 1)
        for _ in 0..<no {
            orderIds.append(try r.string())
            let n = try r.count(minimumBytesEach: 5)
            for _ in 0..<n { lines.append(Line(day: try r.day(), cancelled: try r.u8() != 0)) }
            starts.append(lines.count)
        }
        var firstDay = [Day](repeating: Int.max, count: no)
        let nb = try r.count(minimumBytesEach: 28)
        facts.backorders.reserveCapacity(nb)
        for _ in 0..<nb {
            _ = try r.skipString()
            let order = Int(try r.i32())
            guard order >= 0 && order < no else { throw DigestError("order \(order) of \(no)") }
            let b = BackorderFact(orderId: orderIds[order], quantity: try r.f64(), backorderedDay: try r.day(),
                                  fulfilledDay: try r.optionalDay(), cancelledDay: try r.optionalDay(),
                                  matched: starts[order + 1] > starts[order])
            firstDay[order] = min(firstDay[order], b.backorderedDay)
            facts.backorders.append(b)
        }
        for i in 0..<no where firstDay[i] != Int.max {
            for l in lines[starts[i]..<starts[i + 1]] where !l.cancelled {
                facts.backorderedLines.append(BackorderedLine(day: l.day, firstBackorderDay: firstDay[i]))
            }
        }
        if facts.backorderedLines.count > 1 {
            facts.backorderedLines.sort { ($0.day, $0.firstBackorderDay) < ($1.day, $1.firstBackorderDay) }
        }
        try readReceipts(&r, keys: false, name: name) { _, receipt in facts.receipts.append(receipt) }
        return facts
    }

    /// The record's last part: supplier names, then receipts (with their po_id when `keys`);
    /// checks that nothing follows.
    private static func readReceipts(_ r: inout ByteReader, keys: Bool, name: (String) -> String,
                                     _ each: (String, ReceiptFact) -> Void) throws(DigestError) {
        let ns = try r.count(minimumBytesEach: 4)
        var suppliers: [String] = []
        for _ in 0..<ns { suppliers.append(name(try r.string())) }
        let nr = try r.count(minimumBytesEach: 25)
        for _ in 0..<nr {
            let key = keys ? try r.string() : try r.skipString()
            let s = Int(try r.i32())
            guard s >= -1 && s < suppliers.count else { throw DigestError("supplier \(s) of \(suppliers.count)") }
            let ordered = try r.day()
            let received = try r.day()
            let hasQuantity = try r.u8() != 0
            let quantity = try r.f64()
            each(key, ReceiptFact(supplier: s >= 0 ? suppliers[s] : nil, orderedDay: ordered, receivedDay: received,
                                  quantity: hasQuantity ? quantity : nil))
        }
        guard r.isAtEnd else { throw DigestError("trailing bytes after backorders and receipts") }
    }
}
