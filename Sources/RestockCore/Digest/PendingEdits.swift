/// The edits an ingest holds for the SKUs' `SKUEvents` records until it writes them, per SKU
/// id (0, 1, 2...; the caller numbers the SKUs), in the order they were made.
///
/// Orders' lines are held flat, one order after another, and become `.setLines` edits only
/// when a SKU's edits are taken: an array per order would cost a first load of millions of
/// rows tens of bytes per backorder. Supplier names are shared: one `String` per name.
public struct PendingEdits: Sendable {
    private var edits: [[SKUEvents.Edit]] = []
    private var lines: [SKUEvents.Line] = []
    /// Per SKU id, each order's lines as `lines[start ..< end]`.
    private var orders: [[(orderId: String, start: Int32, end: Int32)]] = []
    private var supplierNames: [String: String] = [:]

    /// Edits held (orders' lines not counted).
    public private(set) var count = 0
    /// Orders' lines held.
    private var orderCount = 0

    public init() {}

    /// Holds one edit of SKU `id`'s record.
    public mutating func append(_ edit: SKUEvents.Edit, to id: Int) {
        grow(to: id)
        edits[id].append(shared(edit))
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
    public var ids: [Int] { edits.indices.filter { !edits[$0].isEmpty || !orders[$0].isEmpty } }

    /// Takes SKU `id`'s edits out: the held edits in order, then the orders' lines.
    public mutating func take(_ id: Int) -> [SKUEvents.Edit] {
        guard id < edits.count else { return [] }
        var taken = edits[id]
        for o in orders[id] { taken.append(.setLines(orderId: o.orderId, Array(lines[Int(o.start) ..< Int(o.end)]))) }
        count -= edits[id].count
        orderCount -= orders[id].count
        edits[id] = []
        orders[id] = []
        if orderCount == 0 { lines = [] }
        return taken
    }

    private mutating func grow(to id: Int) {
        guard id >= edits.count else { return }
        edits.append(contentsOf: repeatElement([], count: id + 1 - edits.count))
        orders.append(contentsOf: repeatElement([], count: id + 1 - orders.count))
    }

    /// The edit with its supplier name shared with earlier receipts'.
    private mutating func shared(_ edit: SKUEvents.Edit) -> SKUEvents.Edit {
        guard case .setReceipt(let poId, var receipt) = edit, let name = receipt.supplier else { return edit }
        if let known = supplierNames[name] { receipt.supplier = known } else { supplierNames[name] = name }
        return .setReceipt(poId: poId, receipt)
    }
}
