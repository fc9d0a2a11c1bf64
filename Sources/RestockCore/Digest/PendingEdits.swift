/// The edits an ingest holds for the SKUs' `SKUEvents` records until it writes them, per SKU
/// id (0, 1, 2...; the caller numbers the SKUs), in the order they were made.
///
/// Each SKU's edits are held encoded, one after another in a byte array of its own (the
/// layout below, never stored): 48 bytes for a backorder like `BO-0000001` of order
/// `O-0000003`, where the `Edit` values took about 40 bytes more with their arrays, so that an
/// ingest can hold the edits of a whole first load of 100,000 SKUs and write each record once
/// (Sources/PERFORMANCE.md, "Record edits held encoded"). `byteCount` is the bytes held, the
/// sum of `encodedSize(of:)` over the edits, which a writer holding them on another thread
/// counts edit by edit to bound them. Orders' lines are held flat, one order after another, and become `.setLines` edits
/// only when a SKU's edits are taken. Supplier names are held once each and shared by the
/// edits taken.
///
/// | edit | bytes (`ByteWriter` types) |
/// | --- | --- |
/// | setBackorder | u8 0, key string, order_id string, quantity f64, backordered day, fulfilled day?, cancelled day? |
/// | removeBackorder | u8 1, key string |
/// | setReceipt | u8 2, po_id string, supplier i32 (its number among the names held, -1 for none), ordered day, received day, u8 1 and quantity f64 or u8 0 |
/// | setLines | u8 3, order_id string, i32 count, then per line its day and u8 cancelled |
public struct PendingEdits: Sendable {
    /// Per SKU id, its held edits encoded one after another.
    private var encoded: [ByteWriter] = []
    /// Per SKU id, the number of its held edits (orders' lines not counted).
    private var editCounts: [Int32] = []
    private var lines: [SKUEvents.Line] = []
    /// Per SKU id, each order's lines as `lines[start ..< end]`.
    private var orders: [[(orderId: String, start: Int32, end: Int32)]] = []
    /// Supplier names held, each once, and their numbers.
    private var supplierNames: [String] = []
    private var supplierNumbers: [String: Int32] = [:]

    /// Edits held (orders' lines not counted).
    public private(set) var count = 0
    /// Bytes the held edits take encoded (orders' lines not counted).
    public private(set) var byteCount = 0
    /// Orders' lines held.
    private var orderCount = 0

    public init() {}

    /// Holds one edit of SKU `id`'s record.
    public mutating func append(_ edit: SKUEvents.Edit, to id: Int) {
        grow(to: id)
        var supplier: Int32 = -1
        if case .setReceipt(_, let r) = edit, let name = r.supplier { supplier = number(of: name) }
        let before = encoded[id].bytes.count
        Self.encode(edit, supplier: supplier, into: &encoded[id])
        byteCount += encoded[id].bytes.count - before
        editCounts[id] += 1
        count += 1
    }

    /// Holds an order's lines of SKU `id`, to be taken as `.setLines(orderId:, lines)`.
    public mutating func setLines(orderId: String, _ orderLines: [SKUEvents.Line], of id: Int) {
        grow(to: id)
        let start = Int32(lines.count)
        lines.append(contentsOf: orderLines)
        orders[id].append((orderId, start, Int32(lines.count)))
        orderCount += 1
    }

    /// The SKU ids with edits held, in id order.
    public var ids: [Int] { encoded.indices.filter { !encoded[$0].bytes.isEmpty || !orders[$0].isEmpty } }

    /// Takes SKU `id`'s edits out: the held edits in order, then the orders' lines.
    public mutating func take(_ id: Int) -> [SKUEvents.Edit] { takeHeld(id).edits }

    /// One SKU's edits as `takeHeld(_:)` takes them out: still encoded, so that the taking
    /// thread only moves bytes and another one decodes them (`edits`).
    public struct Held: Sendable {
        fileprivate var bytes: [UInt8] = []
        fileprivate var orders: [(orderId: String, lines: [SKUEvents.Line])] = []
        fileprivate var supplierNames: [String] = []

        /// The edits, in the order they were held, then the orders' lines as `.setLines`.
        public var edits: [SKUEvents.Edit] {
            var taken = PendingEdits.decode(bytes, supplierNames: supplierNames)
            for o in orders { taken.append(.setLines(orderId: o.orderId, o.lines)) }
            return taken
        }
    }

    /// Takes SKU `id`'s edits out without decoding them (see `Held`).
    public mutating func takeHeld(_ id: Int) -> Held {
        guard id < encoded.count else { return Held() }
        let held = Held(bytes: encoded[id].bytes,
                        orders: orders[id].map { ($0.orderId, Array(lines[Int($0.start) ..< Int($0.end)])) },
                        supplierNames: supplierNames)
        count -= Int(editCounts[id])
        byteCount -= encoded[id].bytes.count
        orderCount -= orders[id].count
        encoded[id] = ByteWriter()
        editCounts[id] = 0
        orders[id] = []
        if orderCount == 0 { lines = [] }
        return held
    }

    private mutating func grow(to id: Int) {
        guard id >= encoded.count else { return }
        editCounts.append(contentsOf: repeatElement(0, count: id + 1 - encoded.count))
        encoded.append(contentsOf: repeatElement(ByteWriter(), count: id + 1 - encoded.count))
        orders.append(contentsOf: repeatElement([], count: id + 1 - orders.count))
    }

    // MARK: - The layout (see the type's documentation)

    /// The bytes `append(edit, to:)` adds to `byteCount`: a caller that hands its edits to
    /// another thread can bound them as this type would, edit by edit.
    public static func encodedSize(of edit: SKUEvents.Edit) -> Int {
        var counter = ByteCounter()
        encode(edit, supplier: 0, into: &counter)
        return counter.count
    }

    /// `supplier`: the number of a receipt's supplier name (-1 for none).
    private static func encode<Sink: ByteSink>(_ edit: SKUEvents.Edit, supplier: Int32, into w: inout Sink) {
        switch edit {
        case let .setBackorder(key, b):
            w.u8(0)
            w.string(key)
            w.string(b.orderId)
            w.f64(b.quantity)
            w.day(b.backorderedDay)
            w.optionalDay(b.fulfilledDay)
            w.optionalDay(b.cancelledDay)
        case let .removeBackorder(key):
            w.u8(1)
            w.string(key)
        case let .setReceipt(poId, r):
            w.u8(2)
            w.string(poId)
            w.i32(supplier)
            w.day(r.orderedDay)
            w.day(r.receivedDay)
            if let quantity = r.quantity {
                w.u8(1)
                w.f64(quantity)
            } else {
                w.u8(0)
            }
        case let .setLines(orderId, orderLines):
            w.u8(3)
            w.string(orderId)
            w.i32(Int32(orderLines.count))
            for line in orderLines {
                w.day(line.day)
                w.u8(line.cancelled ? 1 : 0)
            }
        }
    }

    private static func decode(_ bytes: [UInt8], supplierNames: [String]) -> [SKUEvents.Edit] {
        bytes.withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            var edits: [SKUEvents.Edit] = []
            do {
                while !reader.isAtEnd {
                    switch try reader.u8() {
                    case 0:
                        let key = try reader.string()
                        let orderId = try reader.string()
                        let quantity = try reader.f64()
                        let day = try reader.day()
                        let fulfilled = try reader.optionalDay(), cancelled = try reader.optionalDay()
                        edits.append(.setBackorder(key: key, .init(orderId: orderId, quantity: quantity, backorderedDay: day,
                                                                   fulfilledDay: fulfilled, cancelledDay: cancelled)))
                    case 1:
                        edits.append(.removeBackorder(key: try reader.string()))
                    case 2:
                        let poId = try reader.string()
                        let supplier = Int(try reader.i32())
                        let ordered = try reader.day(), received = try reader.day()
                        let quantity: Double? = try reader.u8() == 1 ? try reader.f64() : nil
                        edits.append(.setReceipt(poId: poId, ReceiptFact(supplier: supplier < 0 ? nil : supplierNames[supplier],
                                                                         orderedDay: ordered, receivedDay: received,
                                                                         quantity: quantity)))
                    case 3:
                        let orderId = try reader.string()
                        let n = try reader.count(minimumBytesEach: 5)
                        var orderLines: [SKUEvents.Line] = []
                        orderLines.reserveCapacity(n)
                        for _ in 0..<n {
                            let day = try reader.day()
                            orderLines.append(.init(day: day, cancelled: try reader.u8() == 1))
                        }
                        edits.append(.setLines(orderId: orderId, orderLines))
                    case let tag:
                        throw DigestError("no edit has tag \(tag)")
                    }
                }
            } catch {
                // The bytes are this type's own, written by `encode` just before.
                preconditionFailure("held edits unreadable: \(error)")
            }
            return edits
        }
    }

    /// The number of a supplier name, held once.
    private mutating func number(of name: String) -> Int32 {
        if let known = supplierNumbers[name] { return known }
        let number = Int32(supplierNames.count)
        supplierNames.append(name)
        supplierNumbers[name] = number
        return number
    }
}
