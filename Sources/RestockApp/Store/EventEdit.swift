import RestockCore

/// The edits an ingest makes to a SKU's `SKUEvents`, logged as bytes: a tag, then the fields.
/// Replayed in order onto the stored record (`DigestWriter`).
enum EventEdit {
    private static let setBackorderTag: UInt8 = 1
    private static let removeBackorderTag: UInt8 = 2
    private static let setReceiptTag: UInt8 = 3
    private static let setLinesTag: UInt8 = 4

    /// A backorder was stored or replaced under `key`.
    static func setBackorder(key: String, _ b: SKUEvents.Backorder, into w: inout ByteWriter) {
        w.u8(setBackorderTag)
        w.string(key)
        w.string(b.orderId)
        w.f64(b.quantity)
        w.day(b.backorderedDay)
        w.optionalDay(b.fulfilledDay)
        w.optionalDay(b.cancelledDay)
    }

    /// The backorder `key` moved to another SKU.
    static func removeBackorder(key: String, into w: inout ByteWriter) {
        w.u8(removeBackorderTag)
        w.string(key)
    }

    /// A receipt was stored or replaced under `key` (its po_id).
    static func setReceipt(key: String, _ r: ReceiptFact, into w: inout ByteWriter) {
        w.u8(setReceiptTag)
        w.string(key)
        w.u8(r.supplier == nil ? 0 : 1)
        w.string(r.supplier ?? "")
        w.day(r.orderedDay)
        w.day(r.receivedDay)
        w.u8(r.quantity == nil ? 0 : 1)
        w.f64(r.quantity ?? 0)
    }

    /// The order's lines of the SKU, as read at the end of the ingest.
    static func setLines(order: String, _ lines: [SKUEvents.Line], into w: inout ByteWriter) {
        w.u8(setLinesTag)
        w.string(order)
        w.i32(Int32(lines.count))
        for l in lines {
            w.day(l.day)
            w.u8(l.cancelled ? 1 : 0)
        }
    }

    /// Replays a log onto `events`.
    static func apply(_ bytes: UnsafeRawBufferPointer, to events: inout SKUEvents) throws(DigestError) {
        var r = ByteReader(bytes)
        while !r.isAtEnd {
            switch try r.u8() {
            case setBackorderTag:
                let key = try r.string()
                events.backorders[key] = SKUEvents.Backorder(orderId: try r.string(), quantity: try r.f64(), backorderedDay: try r.day(),
                                                             fulfilledDay: try r.optionalDay(), cancelledDay: try r.optionalDay())
            case removeBackorderTag:
                events.backorders[try r.string()] = nil
            case setReceiptTag:
                let key = try r.string()
                let hasSupplier = try r.u8() != 0
                let supplier = try r.string()
                let ordered = try r.day()
                let received = try r.day()
                let hasQuantity = try r.u8() != 0
                let quantity = try r.f64()
                events.receipts[key] = ReceiptFact(supplier: hasSupplier ? supplier : nil, orderedDay: ordered,
                                                   receivedDay: received, quantity: hasQuantity ? quantity : nil)
            case setLinesTag:
                let order = try r.string()
                let n = try r.count(minimumBytesEach: 5)
                var lines: [SKUEvents.Line] = []
                for _ in 0..<n { lines.append(SKUEvents.Line(day: try r.day(), cancelled: try r.u8() != 0)) }
                events.lines[order] = lines
            case let tag:
                throw DigestError("unknown edit \(tag)")
            }
        }
    }
}
