/// What a Shopify order's `Financial Status` says of one of its lines (README, "Returns and
/// cancellations"): `voided` (the payment was called off) cancels it; `refunded` (the whole
/// order paid back) cancels a line that never shipped and returns one that did. A
/// `partially_refunded` order does not say which lines or units came back: its lines stay
/// sales.
struct ShopifyRefund {
    var financialStatus: String?
    var lineStatus: String?
    var fulfilledAt: String?
    var cancelledAt: String?

    private var status: String { (financialStatus ?? "").lowercased() }

    /// The line shipped: its own status says fulfilled, or it says nothing and the order has
    /// a fulfilment date.
    private var shipped: Bool {
        let own = (lineStatus ?? "").lowercased()
        return own == "fulfilled" || (own.isEmpty && fulfilledAt != nil)
    }

    /// The line is no demand: the order was cancelled, voided, or refunded before it shipped.
    var cancelsTheLine: Bool {
        cancelledAt != nil || status == "voided" || (status == "refunded" && !shipped)
    }

    /// The line was sold, shipped and paid back: a return follows it.
    var returnsTheLine: Bool { !cancelsTheLine && status == "refunded" && shipped }

    /// The refund note of `sale`: order `#1001 refund`, the same SKU and price, minus its
    /// units, dated when the order shipped (the export gives no refund date), no line id (so
    /// it is keyed as a credit of its SKU, beside nothing else of its own order).
    func note(of sale: CanonicalRow) -> CanonicalRow {
        var note = CanonicalRow(kind: .orders)
        note["order_id"] = sale["order_id"].map { $0 + " refund" }
        note["sku"] = sale["sku"]
        note["quantity"] = sale["quantity"].map { $0.hasPrefix("-") ? String($0.dropFirst()) : "-" + $0 }
        note["unit_price"] = sale["unit_price"]
        note["ordered_at"] = sale["fulfilled_at"] ?? sale["ordered_at"]
        note["financial_status"] = sale["financial_status"]
        note["requires_shipping"] = sale["requires_shipping"]
        note["stocked"] = sale["stocked"]
        note["vendor"] = sale["vendor"]
        return note
    }
}
