/// The bytes of one `SKUEvents` record (`sku_events.data`), format (version) 1: one encoder,
/// and one decoder whose `keys` option says whether the record's keys are read (to edit it)
/// or skipped (a run, which decodes every SKU's record).
///
/// Field types as in `BinaryEncoding.swift`: integers, days and doubles little-endian, strings
/// length-prefixed UTF-8. Five parts follow one another; each starts with an i32 count and
/// repeats its entry that many times. Offsets are from the start of the record for the
/// header, from the start of the entry otherwise (n: the preceding string's byte count).
///
/// | Part       | Offset    | Size  | Type    | Meaning                                         |
/// |------------|-----------|-------|---------|-------------------------------------------------|
/// | header     | 0         | 1     | u8      | format: 1                                       |
/// | orders     | 1         | 4     | i32     | count O: the orders of the backorders           |
/// | - order    | +0        | 4 + n | string  | order_id                                        |
/// |            | +4+n      | 4     | i32     | count L: the order's lines of this SKU (0: none)|
/// |   - line   | +0        | 4     | day     | the line's ordered day                          |
/// |            | +4        | 1     | u8      | 1 if cancelled, else 0                          |
/// | backorders |           | 4     | i32     | count B                                         |
/// | - backorder| +0        | 4 + n | string  | key: backorder_id or the fallback key           |
/// |            | +4+n      | 4     | i32     | its order_id's index among the orders, 0..<O    |
/// |            | +8+n      | 8     | f64     | quantity                                        |
/// |            | +16+n     | 4     | day     | backordered day                                 |
/// |            | +20+n     | 4     | day?    | fulfilled day, or none (Int32.min)              |
/// |            | +24+n     | 4     | day?    | cancelled day, or none (Int32.min)              |
/// | suppliers  |           | 4     | i32     | count S: the receipts' supplier names, each once|
/// | - supplier | +0        | 4 + n | string  | supplier name                                   |
/// | receipts   |           | 4     | i32     | count R                                         |
/// | - receipt  | +0        | 4 + n | string  | po_id                                           |
/// |            | +4+n      | 4     | i32     | supplier index 0..<S, or -1 for none            |
/// |            | +8+n      | 4     | day     | ordered day                                     |
/// |            | +12+n     | 4     | day     | received day                                    |
/// |            | +16+n     | 1     | u8      | 1 if the quantity is given, else 0              |
/// |            | +17+n     | 8     | f64     | quantity (0 when not given)                     |
///
/// Nothing follows the receipts. The same content always gives the same bytes: orders by
/// order_id, each order's lines by (day, cancelled), backorders by (backordered day, order_id,
/// quantity, key), suppliers in order of first use, receipts oldest first (`SKUEvents.older`,
/// then po_id). Orders no backorder refers to are left out. A new layout takes a new format
/// byte (and a decoder that still reads format 1, or a migration of the stored records).
public enum SKUEventsCodec {
    static let format: UInt8 = 1

    /// The record's bytes.
    public static func encode(_ events: SKUEvents) -> [UInt8] {
        var w = ByteWriter(capacity: 16 + events.backorders.count * 48 + events.receipts.count * 32)
        w.u8(format)
        let orderIndex = writeOrders(events, &w)
        writeBackorders(events.backorders, orderIndex: orderIndex, &w)
        writeReceipts(events.receipts, &w)
        return w.bytes
    }

    /// A record as stored, in its stored order. The keys are empty unless decoded with `keys`.
    public struct Decoded: Sendable {
        /// The orders' order_ids.
        public var orderIds: [String] = []
        /// Every order's lines, one order after another: see `lines(ofOrder:)`.
        public var lines: [SKUEvents.Line] = []
        /// Order i's lines are `lines[lineStarts[i] ..< lineStarts[i + 1]]`.
        public var lineStarts: [Int] = [0]
        /// Per order, the day of its earliest backorder (nil when no backorder refers to it).
        public var firstBackorderDay: [Day?] = []
        /// Backorders, `matched` set when their order has lines.
        public var backorders: [BackorderFact] = []
        public var backorderKeys: [String] = []
        public var receipts: [ReceiptFact] = []
        public var receiptKeys: [String] = []

        /// Order i's lines.
        public func lines(ofOrder i: Int) -> ArraySlice<SKUEvents.Line> { lines[lineStarts[i] ..< lineStarts[i + 1]] }
    }

    /// Decodes a record, checking every count, index and bound and that nothing follows.
    /// - Parameters:
    ///   - keys: read the backorders' keys and receipts' po_ids (else skip them).
    ///   - name: lets a caller share one `String` per supplier name across records.
    public static func decode(_ bytes: UnsafeRawBufferPointer, keys: Bool,
                              name: (String) -> String = { $0 }) throws(DigestError) -> Decoded {
        var r = ByteReader(bytes)
        guard try r.u8() == format else { throw DigestError("backorders and receipts in an unknown format") }
        var d = Decoded()
        try readOrders(&r, into: &d)
        try readBackorders(&r, keys: keys, into: &d)
        try readReceipts(&r, keys: keys, name: name, into: &d)
        guard r.isAtEnd else { throw DigestError("trailing bytes after backorders and receipts") }
        return d
    }

    /// What a run's first pass over every record needs (`FactsReader`): the receipts, for the
    /// supplier pools, and the first and last backordered day, for the data's range. The
    /// orders and backorders are stepped over without being kept.
    public struct ReceiptsAndBackorderDays: Sendable {
        public var receipts: [ReceiptFact] = []
        /// The earliest and latest backordered day, nil without backorders.
        public var backorderDays: ClosedRange<Day>?
    }

    /// Decodes a record's receipts and its backorders' first and last day, checking every
    /// count and bound read and that nothing follows.
    public static func receiptsAndBackorderDays(_ bytes: UnsafeRawBufferPointer,
                                                name: (String) -> String = { $0 }) throws(DigestError) -> ReceiptsAndBackorderDays {
        var r = ByteReader(bytes)
        guard try r.u8() == format else { throw DigestError("backorders and receipts in an unknown format") }
        let orders = try r.count(minimumBytesEach: 8)
        for _ in 0..<orders {
            try r.skipString()
            try r.skip(try r.count(minimumBytesEach: 5) * 5)
        }
        var result = ReceiptsAndBackorderDays()
        let backorders = try r.count(minimumBytesEach: 28)
        for _ in 0..<backorders {
            try r.skipString()
            try r.skip(12)
            let day = try r.day()
            result.backorderDays = result.backorderDays.map { min($0.lowerBound, day)...max($0.upperBound, day) } ?? day...day
            try r.skip(8)
        }
        var d = Decoded()
        try readReceipts(&r, keys: false, name: name, into: &d)
        guard r.isAtEnd else { throw DigestError("trailing bytes after backorders and receipts") }
        result.receipts = d.receipts
        return result
    }
}

// MARK: - Encoding, part by part

extension SKUEventsCodec {
    /// Writes the orders of the backorders, with their lines; returns each order_id's index.
    private static func writeOrders(_ events: SKUEvents, _ w: inout ByteWriter) -> [String: Int32] {
        // String order (deterministic; the fast path for ASCII keys).
        let orderIds = Set(events.backorders.values.map(\.orderId)).sorted()
        var orderIndex: [String: Int32] = [:]
        w.i32(Int32(orderIds.count))
        for (i, id) in orderIds.enumerated() {
            orderIndex[id] = Int32(i)
            w.string(id)
            let own = (events.lines[id] ?? []).sorted()
            w.i32(Int32(own.count))
            for l in own {
                w.day(l.day)
                w.u8(l.cancelled ? 1 : 0)
            }
        }
        return orderIndex
    }

    private static func writeBackorders(_ backorders: [String: SKUEvents.Backorder], orderIndex: [String: Int32],
                                        _ w: inout ByteWriter) {
        let sorted = backorders.sorted { a, b in
            let x = a.value, y = b.value
            if x.backorderedDay != y.backorderedDay { return x.backorderedDay < y.backorderedDay }
            if x.orderId != y.orderId { return x.orderId < y.orderId }
            if x.quantity != y.quantity { return x.quantity < y.quantity }
            return a.key < b.key
        }
        w.i32(Int32(sorted.count))
        for (key, b) in sorted {
            w.string(key)
            w.i32(orderIndex[b.orderId]!)
            w.f64(b.quantity)
            w.day(b.backorderedDay)
            w.optionalDay(b.fulfilledDay)
            w.optionalDay(b.cancelledDay)
        }
    }

    private static func writeReceipts(_ receipts: [String: ReceiptFact], _ w: inout ByteWriter) {
        let sorted = receipts.sorted { a, b in
            if SKUEvents.older(a.value, b.value) { return true }
            if SKUEvents.older(b.value, a.value) { return false }
            return a.key < b.key
        }
        var suppliers: [String] = []
        var supplierIndex: [String: Int32] = [:]
        for (_, r) in sorted {
            if let s = r.supplier, supplierIndex[s] == nil {
                supplierIndex[s] = Int32(suppliers.count)
                suppliers.append(s)
            }
        }
        w.i32(Int32(suppliers.count))
        for s in suppliers { w.string(s) }
        w.i32(Int32(sorted.count))
        for (poId, r) in sorted {
            w.string(poId)
            w.i32(r.supplier.map { supplierIndex[$0]! } ?? -1)
            w.day(r.orderedDay)
            w.day(r.receivedDay)
            w.u8(r.quantity == nil ? 0 : 1)
            w.f64(r.quantity ?? 0)
        }
    }
}

// MARK: - Decoding, part by part

extension SKUEventsCodec {
    private static func readOrders(_ r: inout ByteReader, into d: inout Decoded) throws(DigestError) {
        let count = try r.count(minimumBytesEach: 8)
        d.orderIds.reserveCapacity(count)
        d.lineStarts.reserveCapacity(count + 1)
        for _ in 0..<count {
            d.orderIds.append(try r.string())
            let n = try r.count(minimumBytesEach: 5)
            for _ in 0..<n { d.lines.append(SKUEvents.Line(day: try r.day(), cancelled: try r.u8() != 0)) }
            d.lineStarts.append(d.lines.count)
        }
        d.firstBackorderDay = Array(repeating: nil, count: count)
    }

    private static func readBackorders(_ r: inout ByteReader, keys: Bool, into d: inout Decoded) throws(DigestError) {
        let count = try r.count(minimumBytesEach: 28)
        d.backorders.reserveCapacity(count)
        if keys { d.backorderKeys.reserveCapacity(count) }
        for _ in 0..<count {
            if keys { d.backorderKeys.append(try r.string()) } else { try r.skipString() }
            let order = Int(try r.i32())
            guard order >= 0 && order < d.orderIds.count else { throw DigestError("order \(order) of \(d.orderIds.count)") }
            let b = BackorderFact(orderId: d.orderIds[order], quantity: try r.f64(), backorderedDay: try r.day(),
                                  fulfilledDay: try r.optionalDay(), cancelledDay: try r.optionalDay(),
                                  matched: d.lineStarts[order + 1] > d.lineStarts[order])
            d.firstBackorderDay[order] = min(d.firstBackorderDay[order] ?? b.backorderedDay, b.backorderedDay)
            d.backorders.append(b)
        }
    }

    private static func readReceipts(_ r: inout ByteReader, keys: Bool, name: (String) -> String,
                                     into d: inout Decoded) throws(DigestError) {
        let supplierCount = try r.count(minimumBytesEach: 4)
        var suppliers: [String] = []
        suppliers.reserveCapacity(supplierCount)
        for _ in 0..<supplierCount { suppliers.append(name(try r.string())) }
        let count = try r.count(minimumBytesEach: 25)
        d.receipts.reserveCapacity(count)
        if keys { d.receiptKeys.reserveCapacity(count) }
        for _ in 0..<count {
            if keys { d.receiptKeys.append(try r.string()) } else { try r.skipString() }
            let s = Int(try r.i32())
            guard s >= -1 && s < suppliers.count else { throw DigestError("supplier \(s) of \(suppliers.count)") }
            let ordered = try r.day()
            let received = try r.day()
            let hasQuantity = try r.u8() != 0
            let quantity = try r.f64()
            d.receipts.append(ReceiptFact(supplier: s >= 0 ? suppliers[s] : nil, orderedDay: ordered, receivedDay: received,
                                          quantity: hasQuantity ? quantity : nil))
        }
    }
}

// MARK: - The record's two readings

extension SKUEvents {
    /// The record's bytes (`SKUEventsCodec`).
    public func encode() -> [UInt8] { SKUEventsCodec.encode(self) }

    /// Decodes a record, keys and all, for editing.
    public static func decode(_ bytes: UnsafeRawBufferPointer) throws(DigestError) -> SKUEvents {
        let d = try SKUEventsCodec.decode(bytes, keys: true)
        var events = SKUEvents()
        for i in d.orderIds.indices { events.lines[d.orderIds[i]] = Array(d.lines(ofOrder: i)) }
        for (key, b) in zip(d.backorderKeys, d.backorders) {
            events.backorders[key] = Backorder(orderId: b.orderId, quantity: b.quantity, backorderedDay: b.backorderedDay,
                                               fulfilledDay: b.fulfilledDay, cancelledDay: b.cancelledDay)
        }
        for (key, receipt) in zip(d.receiptKeys, d.receipts) { events.receipts[key] = receipt }
        return events
    }

    /// Decodes a record straight into what a run needs, without keys. `name` lets a caller
    /// share one `String` per supplier name across SKUs.
    public static func facts(_ bytes: UnsafeRawBufferPointer, name: (String) -> String = { $0 }) throws(DigestError) -> Facts {
        Facts(try SKUEventsCodec.decode(bytes, keys: false, name: name))
    }
}
