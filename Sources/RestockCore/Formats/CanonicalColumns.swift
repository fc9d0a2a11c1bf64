/// The header of the rows export adapters make: restock's columns of a kind, then the facts
/// shop systems record that later rules need (statuses, fulfilment, refunds, shipping).
///
/// The row parser reads the columns it knows (`FileKind.knownColumns`) and ignores the rest,
/// so the extras travel with each row without changing what is loaded today. An extra that
/// became a known column (the fulfilment columns of README, "Backorders inferred from
/// orders") appears once, among the known ones.
public enum CanonicalColumns {
    /// Order facts beyond restock's order columns, as the shop system wrote them.
    public static let orderExtras = [
        "financial_status", "fulfillment_status", "fulfilled_at", "cancelled_at", "refunded_amount",
        "requires_shipping", "line_fulfillment_status", "shipped_quantity", "backordered_quantity",
        "order_units", "order_units_shipped", "vendor",
    ]
    /// Product facts beyond restock's product columns.
    public static let productExtras = ["backorders_allowed", "item_type"]

    /// The full header for rows of `kind`.
    public static func header(for kind: FileKind) -> [String] {
        switch kind {
        case .orders: kind.knownColumns + orderExtras.filter { !kind.knownColumns.contains($0) }
        case .products: kind.knownColumns + productExtras.filter { !kind.knownColumns.contains($0) }
        case .backorders, .receipts: kind.knownColumns
        }
    }
}

/// One row being filled in by column name, in the order of a `CanonicalColumns` header.
struct CanonicalRow {
    private(set) var fields: [String]
    private let positions: [String: Int]

    init(kind: FileKind) {
        let header = CanonicalColumns.header(for: kind)
        fields = Array(repeating: "", count: header.count)
        positions = Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0) })
    }

    /// Sets a column; nil leaves it empty. Setting a column the kind does not have is a
    /// programming error.
    subscript(column: String) -> String? {
        get { fields[positions[column]!].isEmpty ? nil : fields[positions[column]!] }
        set { fields[positions[column]!] = newValue ?? "" }
    }
}
