/// `skus.csv` and `recommendations.csv` (README, "The figures"): columns, order and ranking.
public enum SKUTables {
    /// The `skus.csv` columns, in order (declared in `SKUColumn.all`; new ones only at the end).
    public static let skuColumns = SKUColumn.all.map(\.name)

    /// `recommendations.csv` columns: rank, sku, name, the numbers a buyer acts on, then reason.
    public static let recommendationColumns = [
        "rank", "sku", "name", "supplier", "reorder_point_in_force", "reorder_point", "reorder_point_increase",
        "order_quantity", "inventory_position", "order_now_units", "revenue_at_risk", "backorder_lines",
        "open_backorder_units", "backorder_eta", "lead_time_days", "forecast_daily", "service_level",
        "demand_class", "reason",
    ]

    /// The recommendations, in the order of `ranksAbove`.
    public static func ranked(_ figures: [SKUFigures]) -> [SKUFigures] {
        figures.filter(\.isRecommended).sorted(by: ranksAbove)
    }

    /// The ranking of recommendations.csv: whether `a` comes before `b` by revenue_at_risk
    /// (highest first), then backorder_lines (most first), then sku (byte order).
    public static func ranksAbove(_ a: SKUFigures, _ b: SKUFigures) -> Bool {
        if a.revenueAtRisk != b.revenueAtRisk { return a.revenueAtRisk > b.revenueAtRisk }
        if a.backorderLines != b.backorderLines { return a.backorderLines > b.backorderLines }
        return Array(a.sku.utf8).lexicographicallyPrecedes(Array(b.sku.utf8))
    }

    /// `reorder_points_to_set_up.csv` columns (README, "Advice without stock levels"): what a
    /// buyer enters in the shop system (reorder point, order quantity), then the evidence.
    public static let setUpColumns = [
        "rank", "sku", "name", "supplier", "reorder_point", "order_quantity", "backorder_lines", "order_lines",
        "ordered_units", "forecast_daily", "lead_time_days", "service_level", "demand_class", "unit_price", "reason",
    ]

    /// The SKUs whose stock settings are not known and that need a reorder point, in the order
    /// of `setsUpBefore`.
    public static func rankedToSetUp(_ figures: [SKUFigures]) -> [SKUFigures] {
        figures.filter(\.isToSetUp).sorted(by: setsUpBefore)
    }

    /// The ranking of reorder_points_to_set_up.csv: backorder_lines (most first), then the
    /// window's sales (ordered_units x unit_price, highest first), then sku (byte order).
    public static func setsUpBefore(_ a: SKUFigures, _ b: SKUFigures) -> Bool {
        if a.backorderLines != b.backorderLines { return a.backorderLines > b.backorderLines }
        let (va, vb) = (a.orderedUnits * (a.unitPrice ?? 0), b.orderedUnits * (b.unitPrice ?? 0))
        if va != vb { return va > vb }
        return Array(a.sku.utf8).lexicographicallyPrecedes(Array(b.sku.utf8))
    }

    /// `reorder_points_to_set_up.csv`: the ranked SKUs to set up; between rank and reason each
    /// cell is the skus.csv cell of its column.
    public static func setUpCSV(_ ranked: [SKUFigures]) -> [UInt8] {
        table(setUpColumns, ranked)
    }

    /// `skus.csv`: every SKU, in the order given.
    public static func skusCSV(_ figures: [SKUFigures]) -> [UInt8] {
        var w = CSVWriter(header: skuColumns)
        for f in figures {
            w.append(SKUColumn.all.map { $0.cell(f) })
        }
        return w.bytes
    }

    /// `recommendations.csv`: the ranked recommendations. Between rank and reason, each cell
    /// is the skus.csv cell of its column.
    public static func recommendationsCSV(_ ranked: [SKUFigures]) -> [UInt8] {
        table(recommendationColumns, ranked)
    }

    /// A ranked table: rank, skus.csv cells of the columns between, reason.
    static func table(_ columns: [String], _ ranked: [SKUFigures]) -> [UInt8] {
        let shared = columns.dropFirst().dropLast().map { name in
            guard let column = SKUColumn.named(name) else { preconditionFailure("column \(name) is not in skus.csv") }
            return column
        }
        var w = CSVWriter(header: columns)
        for (i, f) in ranked.enumerated() {
            w.append([.integer(i + 1)] + shared.map { $0.cell(f) } + [.text(f.reason)])
        }
        return w.bytes
    }
}
