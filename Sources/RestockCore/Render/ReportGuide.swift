/// Plain-words explanations of every figure the report shows and every column of `skus.csv`
/// (README, "The figures"), written for a buyer rather than an analyst.
enum ReportGuide {
    /// One explained term: the column (or figure) name and what it means.
    struct Entry: Sendable {
        var term: String
        var meaning: String
    }

    /// The headline figures at the top of the report.
    static let headline: [Entry] = [
        Entry(term: "SKUs", meaning: "Every SKU in the products file plus every SKU ordered, backordered or received in the window. One row each in skus.csv."),
        Entry(term: "Order lines", meaning: "Order lines in the window, cancelled lines left out."),
        Entry(term: "Backorder rate", meaning: "Of those order lines, the share that could not ship in full from stock and went on backorder."),
        Entry(term: "Open backorder units", meaning: "Units customers are still waiting for at the end of the as-of day."),
        Entry(term: "Revenue at risk", meaning: "Sales a year that the reorder points in force are expected to miss (expected shortfall per order cycle, times order cycles a year, times the unit price). Summed over all SKUs; in the currency of your prices."),
        Entry(term: "SKUs to act on", meaning: "SKUs whose reorder point should rise, or that should be ordered now. They are listed in recommendations.csv, most revenue at risk first. Only SKUs whose stock on hand or reorder point restock knows can be SKUs to act on."),
        Entry(term: "Reorder points to set up", meaning: "SKUs whose stock on hand and reorder point restock does not know (no products file, or no such columns in it), that need a reorder point: the one to enter in your shop system is in reorder_points_to_set_up.csv, most backordered first, then best-selling. They have no revenue at risk: it cannot be known without stock levels."),
    ]

    /// Every column of skus.csv, in file order, as `SKUColumn.all` explains them: a column
    /// without a meaning of its own joins the term before it ("on_hand, on_order").
    static let skuColumns: [Entry] = SKUColumn.all.reduce(into: []) { entries, column in
        if let meaning = column.meaning {
            entries.append(Entry(term: column.name, meaning: meaning))
        } else {
            entries[entries.count - 1].term += ", " + column.name
        }
    }
}
