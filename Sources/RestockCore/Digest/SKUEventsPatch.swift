extension SKUEventsCodec {
    /// Edits of one record beyond which `edited` decodes it whole: the patch looks each edited
    /// key up by a scan of the record's entries. A night edits a SKU's record a few times.
    static let patchedEditsLimit = 32

    /// A stored record with `edits` applied in order: the bytes `SKUEvents.decode`, `apply`
    /// and `encode` give, made by patching the stored bytes (`SKUEventsPatch`) when that
    /// gives the same; nil when no backorder and no receipt is left (the row is deleted).
    public static func edited(_ stored: UnsafeRawBufferPointer, applying edits: [SKUEvents.Edit]) throws(DigestError) -> [UInt8]? {
        if var patch = SKUEventsPatch(stored), let outcome = patch.apply(edits) {
            switch outcome {
            case .record(let bytes): return bytes
            case .empty: return nil
            }
        }
        var events = try SKUEvents.decode(stored)
        events.apply(edits)
        return events.isEmpty ? nil : events.encode()
    }
}

/// A night's edits applied to a stored `SKUEvents` record in its bytes (`SKUEventsCodec`):
/// the record's entries are kept as byte ranges, the edited ones are dropped, the new ones
/// merged in at their places, and every untouched entry is copied as it was. A night that
/// edits a few entries of a two-year record so neither makes a `String` and a dictionary entry
/// of every key nor sorts them all again, as `SKUEvents.decode`, `apply` and `encode` do.
///
/// The bytes are those of decode, apply and encode; `SKUEventsCodec.edited` uses them instead
/// whenever this reading could differ: a string with a byte beyond ASCII (Swift orders and
/// equates other strings by their Unicode meaning, not their bytes), a NaN quantity or a day
/// beyond 32 bits, a record not strictly in the codec's order, more than
/// `SKUEventsCodec.patchedEditsLimit` edits (each edited key is looked for by a scan of the
/// record), or bytes that do not decode (decode then says what is wrong).
struct SKUEventsPatch {
    /// The stored record, then the edits' strings and fields in the record's layout.
    private var buffer: [UInt8]
    /// The stored record's length: entries whose fields lie beyond it are the edits'.
    private let storedCount: Int
    private var orders: [Order] = []
    private var backorders: [Backorder] = []
    private var suppliers: [Range<Int>] = []
    /// Suppliers the edits name that the record does not.
    private var newSuppliers: [Range<Int>] = []
    private var receipts: [Receipt] = []
    /// The orders' lines the edits set (`.setLines`), sorted, one entry per order_id.
    private var newLines: [(orderId: Range<Int>, lines: [SKUEvents.Line])] = []

    /// Strings are ranges of `buffer`: a 4-byte count, then the UTF-8 bytes.
    private struct Order {
        var name: Range<Int>
        /// The stored count and lines.
        var lines: Range<Int>
    }

    private struct Backorder {
        var key: Range<Int>
        var orderId: Range<Int>
        /// The stored order's index, -1 for an edit's backorder.
        var storedOrder: Int
        /// Where quantity, backordered, fulfilled and cancelled day (20 bytes) start.
        var fields: Int
        var day: Int32
        var quantity: Double
    }

    private struct Receipt {
        var poId: Range<Int>
        /// A stored supplier's index, -1 for none, -2 - i for the edits' i-th new supplier.
        var supplier: Int
        /// Where ordered day, received day, whether a quantity is given and quantity (17 bytes) start.
        var fields: Int
        var ordered: Int32
        var received: Int32
        /// The quantity, 0 when not given (`SKUEvents.older` orders by `quantity ?? 0`).
        var quantity: Double
    }

    /// What applying the edits gave.
    enum Outcome: Equatable {
        case record([UInt8])
        /// No backorder and no receipt is left.
        case empty
    }

    /// Reads `stored`'s entries; nil unless it reads whole as a record strictly in the codec's
    /// order, with ASCII strings, ordered quantities and distinct suppliers.
    init?(_ stored: UnsafeRawBufferPointer) {
        buffer = Array(stored)
        storedCount = stored.count
        var r = ByteReader(stored)
        guard (try? Self.read(&r, into: &self)) != nil, r.isAtEnd, isInCodecOrder() else { return nil }
    }

    /// The record with `edits` applied in order; nil when the edits are too many or a string
    /// of theirs is not ASCII, a quantity NaN or a day beyond 32 bits.
    mutating func apply(_ edits: [SKUEvents.Edit]) -> Outcome? {
        guard edits.count <= SKUEventsCodec.patchedEditsLimit, take(edits) else { return nil }
        if backorders.isEmpty && receipts.isEmpty { return .empty }
        return buffer.withUnsafeBytes { b in
            var w = ByteWriter(capacity: b.count + 64)
            w.u8(SKUEventsCodec.format)
            let orderIndex = writeOrders(b, &w)
            writeBackorders(b, orderIndex: orderIndex, &w)
            writeReceipts(b, &w)
            return .record(w.bytes)
        }
    }
}

// MARK: - Reading the stored record

extension SKUEventsPatch {
    private static func read(_ r: inout ByteReader, into p: inout SKUEventsPatch) throws(DigestError) {
        guard try r.u8() == SKUEventsCodec.format else { throw DigestError("format") }
        for _ in 0..<(try r.count(minimumBytesEach: 8)) {
            let name = try r.stringRange()
            let start = r.offset
            var previous = (Int32.min, UInt8(0))
            for _ in 0..<(try r.count(minimumBytesEach: 5)) {
                let line = (try r.i32(), try r.u8())
                // Decode reads any non-zero byte as cancelled, and encode sorts the lines.
                guard line.1 <= 1, previous <= line else { throw DigestError("lines") }
                previous = line
            }
            p.orders.append(Order(name: name, lines: start..<r.offset))
        }
        for _ in 0..<(try r.count(minimumBytesEach: 28)) {
            let key = try r.stringRange()
            let order = Int(try r.i32())
            guard order >= 0 && order < p.orders.count else { throw DigestError("order") }
            let fields = r.offset
            let quantity = try r.f64()
            let day = try r.i32()
            try r.skip(8)
            p.backorders.append(Backorder(key: key, orderId: p.orders[order].name, storedOrder: order, fields: fields,
                                          day: day, quantity: quantity))
        }
        for _ in 0..<(try r.count(minimumBytesEach: 4)) { p.suppliers.append(try r.stringRange()) }
        for _ in 0..<(try r.count(minimumBytesEach: 25)) {
            let poId = try r.stringRange()
            let supplier = Int(try r.i32())
            guard supplier >= -1 && supplier < p.suppliers.count else { throw DigestError("supplier") }
            let fields = r.offset
            let ordered = try r.i32(), received = try r.i32()
            let given = try r.u8(), quantity = try r.f64()
            // Decode reads any non-zero byte as given, and encode writes 0 for a quantity not given.
            guard given == 1 || (given == 0 && quantity.bitPattern == 0) else { throw DigestError("quantity") }
            p.receipts.append(Receipt(poId: poId, supplier: supplier, fields: fields, ordered: ordered, received: received,
                                      quantity: quantity))
        }
    }

    /// Whether every string is ASCII, no quantity NaN, the suppliers distinct, and the
    /// orders, backorders and receipts each strictly in the codec's order (a merge keeps it).
    private func isInCodecOrder() -> Bool {
        buffer.withUnsafeBytes { b in
            let strings = orders.map(\.name) + backorders.map(\.key) + suppliers + receipts.map(\.poId)
            guard strings.allSatisfy({ Self.isASCII(b, $0) }),
                  !backorders.contains(where: { $0.quantity.isNaN }), !receipts.contains(where: { $0.quantity.isNaN }) else {
                return false
            }
            let names = suppliers.sorted { Self.less(b, $0, $1) }
            for i in names.indices.dropFirst() where Self.equal(b, names[i - 1], names[i]) { return false }
            for i in orders.indices.dropFirst() where !Self.less(b, orders[i - 1].name, orders[i].name) { return false }
            for i in backorders.indices.dropFirst() where !Self.less(b, backorders[i - 1], backorders[i]) { return false }
            for i in receipts.indices.dropFirst() where !Self.less(b, receipts[i - 1], receipts[i]) { return false }
            return true
        }
    }
}

// MARK: - Taking the edits

extension SKUEventsPatch {
    /// Appends the edited entries (the last edit of a key winning) and drops the stored entries
    /// they replace; false when a string is not ASCII, a quantity NaN or a day beyond 32 bits.
    private mutating func take(_ edits: [SKUEvents.Edit]) -> Bool {
        var backorderEdits: [(String, SKUEvents.Backorder?)] = []
        var receiptEdits: [(String, ReceiptFact)] = []
        var lineEdits: [(String, [SKUEvents.Line])] = []
        for edit in edits {
            switch edit {
            case let .setBackorder(key, b): Self.set(&backorderEdits, key, b)
            case let .removeBackorder(key): Self.set(&backorderEdits, key, nil)
            case let .setReceipt(poId, r): Self.set(&receiptEdits, poId, r)
            case let .setLines(orderId, lines): Self.set(&lineEdits, orderId, lines)
            }
        }
        for (key, b) in backorderEdits {
            guard let key = appendString(key) else { return false }
            Self.drop(&backorders, \.key, equalTo: key, in: buffer)
            if let b, !appendBackorder(key, b) { return false }
        }
        for (poId, r) in receiptEdits {
            guard let poId = appendString(poId) else { return false }
            Self.drop(&receipts, \.poId, equalTo: poId, in: buffer)
            if !appendReceipt(poId, r) { return false }
        }
        for (orderId, lines) in lineEdits {
            guard let orderId = appendString(orderId) else { return false }
            newLines.append((orderId, lines.sorted()))
        }
        return true
    }

    /// Sets `key`'s value in a short list of edits, in place when it is there.
    private static func set<Value>(_ list: inout [(String, Value)], _ key: String, _ value: Value) {
        if let i = list.firstIndex(where: { $0.0 == key }) { list[i].1 = value } else { list.append((key, value)) }
    }

    /// Drops the entries whose string at `path` has `key`'s bytes.
    private static func drop<Entry>(_ entries: inout [Entry], _ path: KeyPath<Entry, Range<Int>>, equalTo key: Range<Int>,
                                    in buffer: [UInt8]) {
        buffer.withUnsafeBytes { b in entries.removeAll { equal(b, $0[keyPath: path], key) } }
    }

    /// Appends a string in the record's layout; nil when it is not ASCII.
    private mutating func appendString(_ s: String) -> Range<Int>? {
        guard s.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        var w = ByteWriter()
        w.string(s)
        let start = buffer.count
        buffer.append(contentsOf: w.bytes)
        return start..<buffer.count
    }

    private mutating func appendBackorder(_ key: Range<Int>, _ b: SKUEvents.Backorder) -> Bool {
        let days = [b.backorderedDay, b.fulfilledDay, b.cancelledDay].compactMap { $0 }
        guard !b.quantity.isNaN, days.allSatisfy({ Int32(exactly: $0).map { $0 != Int32.min } ?? false }),
              let orderId = appendString(b.orderId) else { return false }
        var w = ByteWriter()
        w.f64(b.quantity)
        w.day(b.backorderedDay)
        w.optionalDay(b.fulfilledDay)
        w.optionalDay(b.cancelledDay)
        backorders.append(Backorder(key: key, orderId: orderId, storedOrder: -1, fields: buffer.count,
                                    day: Int32(b.backorderedDay), quantity: b.quantity))
        buffer.append(contentsOf: w.bytes)
        return true
    }

    private mutating func appendReceipt(_ poId: Range<Int>, _ r: ReceiptFact) -> Bool {
        guard !(r.quantity?.isNaN ?? false), let ordered = Int32(exactly: r.orderedDay),
              let received = Int32(exactly: r.receivedDay) else { return false }
        var supplier = -1
        if let name = r.supplier {
            guard let range = appendString(name) else { return false }
            supplier = supplierIndex(range)
        }
        var w = ByteWriter()
        w.day(r.orderedDay)
        w.day(r.receivedDay)
        w.u8(r.quantity == nil ? 0 : 1)
        w.f64(r.quantity ?? 0)
        receipts.append(Receipt(poId: poId, supplier: supplier, fields: buffer.count, ordered: ordered, received: received,
                                quantity: r.quantity ?? 0))
        buffer.append(contentsOf: w.bytes)
        return true
    }

    /// A supplier name's index: a stored one's, else -2 - i for the edits' i-th new name.
    private mutating func supplierIndex(_ name: Range<Int>) -> Int {
        let known: Int? = buffer.withUnsafeBytes { b in
            if let i = suppliers.firstIndex(where: { Self.equal(b, $0, name) }) { return i }
            return newSuppliers.firstIndex(where: { Self.equal(b, $0, name) }).map { -2 - $0 }
        }
        if let known { return known }
        newSuppliers.append(name)
        return -1 - newSuppliers.count
    }
}

// MARK: - Writing the edited record

extension SKUEventsPatch {
    /// Writes the orders the backorders refer to, by order_id, each with the lines an edit set,
    /// else its stored ones, else none. Returns each backorder's order index, by its place.
    private func writeOrders(_ b: UnsafeRawBufferPointer, _ w: inout ByteWriter) -> [Int32] {
        // An order is a stored one's index, or -1 - i for the i-th of `added`.
        var kept = [Bool](repeating: false, count: orders.count)
        var added: [Range<Int>] = []
        var orderOfBackorder = backorders.map(\.storedOrder)
        for (place, bo) in backorders.enumerated() where bo.storedOrder < 0 {
            if let i = Self.search(b, orders.count, { orders[$0].name }, bo.orderId) {
                orderOfBackorder[place] = i
            } else if let i = added.firstIndex(where: { Self.equal(b, $0, bo.orderId) }) {
                orderOfBackorder[place] = -1 - i
            } else {
                added.append(bo.orderId)
                orderOfBackorder[place] = -added.count
            }
        }
        for order in orderOfBackorder where order >= 0 { kept[order] = true }
        func name(_ order: Int) -> Range<Int> { order >= 0 ? orders[order].name : added[-1 - order] }
        let merged = Self.merge(orders.indices.filter { kept[$0] }, added.indices.map { -1 - $0 }.sorted { Self.less(b, name($0), name($1)) }) {
            Self.less(b, name($0), name($1))
        }
        var finalIndex = [Int32](repeating: -1, count: orders.count)
        var finalOfAdded = [Int32](repeating: -1, count: added.count)
        w.i32(Int32(merged.count))
        for (i, order) in merged.enumerated() {
            if order >= 0 { finalIndex[order] = Int32(i) } else { finalOfAdded[-1 - order] = Int32(i) }
            w.copy(b, name(order))
            if let edited = newLines.first(where: { Self.equal(b, $0.orderId, name(order)) }) {
                w.i32(Int32(edited.lines.count))
                for l in edited.lines {
                    w.day(l.day)
                    w.u8(l.cancelled ? 1 : 0)
                }
            } else if order >= 0 {
                w.copy(b, orders[order].lines)
            } else {
                w.i32(0)
            }
        }
        return orderOfBackorder.map { $0 >= 0 ? finalIndex[$0] : finalOfAdded[-1 - $0] }
    }

    private func writeBackorders(_ b: UnsafeRawBufferPointer, orderIndex: [Int32], _ w: inout ByteWriter) {
        let stored = backorders.indices.filter { backorders[$0].storedOrder >= 0 }
        let added = backorders.indices.filter { backorders[$0].storedOrder < 0 }.sorted { Self.less(b, backorders[$0], backorders[$1]) }
        let merged = Self.merge(stored, added) { Self.less(b, backorders[$0], backorders[$1]) }
        w.i32(Int32(merged.count))
        for place in merged {
            let bo = backorders[place]
            w.copy(b, bo.key)
            w.i32(orderIndex[place])
            w.copy(b, bo.fields..<(bo.fields + 20))
        }
    }

    /// Writes the suppliers in order of first use, then the receipts oldest first.
    private func writeReceipts(_ b: UnsafeRawBufferPointer, _ w: inout ByteWriter) {
        let stored = receipts.filter { $0.fields < storedCount }
        let added = receipts.filter { $0.fields >= storedCount }.sorted { Self.less(b, $0, $1) }
        let merged = Self.merge(stored, added) { Self.less(b, $0, $1) }
        // Each supplier's index in the record written, by its index here (new ones after the stored).
        var written = [Int32](repeating: -1, count: suppliers.count + newSuppliers.count)
        var names: [Range<Int>] = []
        let supplierOfReceipt = merged.map { r -> Int32 in
            if r.supplier == -1 { return -1 }
            let s = r.supplier >= 0 ? r.supplier : suppliers.count - 2 - r.supplier
            if written[s] < 0 {
                written[s] = Int32(names.count)
                names.append(s < suppliers.count ? suppliers[s] : newSuppliers[s - suppliers.count])
            }
            return written[s]
        }
        w.i32(Int32(names.count))
        for name in names { w.copy(b, name) }
        w.i32(Int32(merged.count))
        for (r, supplier) in zip(merged, supplierOfReceipt) {
            w.copy(b, r.poId)
            w.i32(supplier)
            w.copy(b, r.fields..<(r.fields + 17))
        }
    }
}

// MARK: - Comparing entries in the buffer

extension SKUEventsPatch {
    /// Whether a string's bytes are all ASCII.
    private static func isASCII(_ b: UnsafeRawBufferPointer, _ s: Range<Int>) -> Bool {
        b[(s.lowerBound + 4)..<s.upperBound].allSatisfy { $0 < 0x80 }
    }

    /// Whether two strings have the same bytes.
    private static func equal(_ b: UnsafeRawBufferPointer, _ x: Range<Int>, _ y: Range<Int>) -> Bool {
        x.count == y.count && b[x].elementsEqual(b[y])
    }

    /// Byte order of two strings' UTF-8 (for ASCII strings, Swift's order of the `String`s).
    private static func less(_ b: UnsafeRawBufferPointer, _ x: Range<Int>, _ y: Range<Int>) -> Bool {
        b[(x.lowerBound + 4)..<x.upperBound].lexicographicallyPrecedes(b[(y.lowerBound + 4)..<y.upperBound])
    }

    /// `SKUEventsCodec`'s backorder order: backordered day, order_id, quantity, key.
    private static func less(_ b: UnsafeRawBufferPointer, _ x: Backorder, _ y: Backorder) -> Bool {
        if x.day != y.day { return x.day < y.day }
        if !equal(b, x.orderId, y.orderId) { return less(b, x.orderId, y.orderId) }
        if x.quantity != y.quantity { return x.quantity < y.quantity }
        return less(b, x.key, y.key)
    }

    /// `SKUEventsCodec`'s receipt order: `SKUEvents.older`, then po_id.
    private static func less(_ b: UnsafeRawBufferPointer, _ x: Receipt, _ y: Receipt) -> Bool {
        if x.received != y.received { return x.received < y.received }
        if x.ordered != y.ordered { return x.ordered < y.ordered }
        if x.quantity != y.quantity { return x.quantity < y.quantity }
        return less(b, x.poId, y.poId)
    }

    /// The index among `count` names sorted by byte order (`name(i)`) of the one equal to
    /// `key`, nil when none is.
    private static func search(_ b: UnsafeRawBufferPointer, _ count: Int, _ name: (Int) -> Range<Int>,
                               _ key: Range<Int>) -> Int? {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if less(b, name(mid), key) { low = mid + 1 } else { high = mid }
        }
        return low < count && equal(b, name(low), key) ? low : nil
    }

    /// Two sorted arrays merged into one (neither holds an element equal to one of the other).
    private static func merge<T>(_ x: [T], _ y: [T], by less: (T, T) -> Bool) -> [T] {
        guard !y.isEmpty else { return x }
        var merged: [T] = []
        merged.reserveCapacity(x.count + y.count)
        var i = 0, j = 0
        while i < x.count && j < y.count {
            if less(y[j], x[i]) {
                merged.append(y[j])
                j += 1
            } else {
                merged.append(x[i])
                i += 1
            }
        }
        merged.append(contentsOf: x[i...])
        merged.append(contentsOf: y[j...])
        return merged
    }
}
