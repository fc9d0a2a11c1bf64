extension SKUEvents {
    /// One change an ingest makes to a SKU's record; a night's edits are applied in the order
    /// of the rows, so a later edit of the same key wins.
    public enum Edit: Sendable, Hashable {
        /// A backorder was stored or replaced under `key` (backorder_id or its fallback key).
        case setBackorder(key: String, Backorder)
        /// The backorder `key` moved to another SKU.
        case removeBackorder(key: String)
        /// A receipt was stored or replaced under its po_id.
        case setReceipt(poId: String, ReceiptFact)
        /// An order's lines of the SKU, as read once every line of the ingest is in.
        case setLines(orderId: String, [Line])
    }

    /// Applies one edit.
    public mutating func apply(_ edit: Edit) {
        switch edit {
        case let .setBackorder(key, backorder): backorders[key] = backorder
        case let .removeBackorder(key): backorders[key] = nil
        case let .setReceipt(poId, receipt): receipts[poId] = receipt
        case let .setLines(orderId, orderLines): lines[orderId] = orderLines
        }
    }

    /// Applies edits in order.
    public mutating func apply(_ edits: some Sequence<Edit>) {
        for edit in edits { apply(edit) }
    }
}
