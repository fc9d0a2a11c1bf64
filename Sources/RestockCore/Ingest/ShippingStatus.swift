/// What a shop's status words say about whether an order line has shipped (README,
/// "Backorders inferred from orders"): the one place restock reads fulfilment statuses.
///
/// The line's own status (`line_fulfillment_status`, Shopify's `Lineitem fulfillment status`)
/// decides where it says something; else the order's (`fulfillment_status`: Shopify's
/// `Fulfillment Status`, BigCommerce's and WooCommerce's order status). Case and the
/// characters ` `, `-` and `_` are ignored (`Awaiting Shipment` = `awaiting_shipment`).
public enum ShippingStatus {
    /// Words that say the line has shipped.
    static let shipped: Set<String> = ["fulfilled", "shipped", "completed", "complete", "delivered"]
    /// Words an order's status uses for "not shipped yet". An order that is only partly
    /// shipped (`partial`) says nothing about one line of it, so `partial` is not here.
    static let orderNotShipped: Set<String> = [
        "unfulfilled", "notfulfilled", "open", "processing", "onhold", "awaitingfulfillment", "awaitingshipment",
        "awaitingpickup", "backordered", "onbackorder",
    ]
    /// Words a line's status uses for "not shipped yet" (Shopify writes `pending`; a line
    /// that is partly shipped is not yet shipped in full).
    static let lineNotShipped: Set<String> = orderNotShipped.union(["pending", "partial", "partiallyfulfilled"])

    /// true: shipped; false: not shipped yet; nil: the statuses say neither (absent, or a word
    /// such as `pending` payment, `refunded` or `restocked`).
    public static func shipped(lineStatus: String?, orderStatus: String?) -> Bool? {
        if let word = lineStatus.map(normalised) {
            if shipped.contains(word) { return true }
            if lineNotShipped.contains(word) { return false }
        }
        guard let word = orderStatus.map(normalised) else { return nil }
        if shipped.contains(word) { return true }
        if orderNotShipped.contains(word) { return false }
        return nil
    }

    /// Lower case, without spaces, hyphens and underscores.
    static func normalised(_ status: String) -> String {
        String(status.lowercased().unicodeScalars.filter { $0 != " " && $0 != "-" && $0 != "_" })
    }
}
