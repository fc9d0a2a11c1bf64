/// The four kinds of input file (README, "Input files"), recognised by name.
public enum FileKind: String, Sendable, Codable, CaseIterable, Comparable {
    case orders, backorders, products, receipts

    /// The kind of a file named `name` (its last path component): `orders*.csv`,
    /// `backorders*.csv`, `products*.csv`, `receipts*.csv`, matched case-sensitively;
    /// nil for anything else.
    public static func of(fileName name: String) -> FileKind? {
        guard name.hasSuffix(".csv") else { return nil }
        // "backorders" is checked before "orders" only for clarity: "backorders.csv" does not
        // start with "orders", so the order does not change the answer.
        for kind in [FileKind.backorders, .orders, .products, .receipts] where name.hasPrefix(kind.rawValue) {
            return kind
        }
        return nil
    }

    /// The columns a file of this kind must have.
    public var requiredColumns: [String] {
        switch self {
        case .orders: ["order_id", "ordered_at", "sku", "quantity"]
        case .backorders: ["order_id", "sku", "quantity", "backordered_at"]
        case .products: ["sku"]
        case .receipts: ["po_id", "sku", "ordered_at", "received_at"]
        }
    }

    /// Every column README, "Input files" defines for this kind; others are ignored.
    public var knownColumns: [String] {
        switch self {
        case .orders: ["order_id", "line_id", "ordered_at", "sku", "quantity", "unit_price", "status", "stocked",
                       // What the shop recorded of shipping the line (README, "Backorders inferred from orders").
                       "fulfilled_at", "cancelled_at", "fulfillment_status", "line_fulfillment_status",
                       "shipped_quantity", "backordered_quantity"]
        case .backorders: ["backorder_id", "order_id", "sku", "quantity", "backordered_at", "fulfilled_at", "cancelled_at"]
        case .products: ["sku", "name", "category", "supplier", "unit_cost", "unit_price", "on_hand", "on_order",
                         "reorder_point", "order_quantity", "lead_time_days", "service_level", "case_pack", "stocked"]
        case .receipts: ["po_id", "sku", "supplier", "ordered_at", "received_at", "quantity"]
        }
    }

    /// Processing order: products and orders before backorders, so matching sees them.
    public static func < (a: FileKind, b: FileKind) -> Bool {
        let order: [FileKind] = [.products, .orders, .backorders, .receipts]
        return order.firstIndex(of: a)! < order.firstIndex(of: b)!
    }
}
