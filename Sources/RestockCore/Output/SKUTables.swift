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

    /// The recommendations, in the order of `ranksAbove` (`rankedPositions`, the figures
    /// copied into place).
    public static func ranked(_ figures: [SKUFigures]) -> [SKUFigures] {
        rankedPositions(figures).map { figures[$0] }
    }

    /// The positions in `figures` of the recommendations, in the order of `ranksAbove`. What
    /// the order compares is taken out of each SKU's figures once and sorted with its
    /// position; no figures are copied (a night ranks some 80,000 of 100,000 SKUs, and the
    /// report reads them in place: `recommendationsCSV(_:positions:rowsPerPiece:_:)`).
    public static func rankedPositions(_ figures: [SKUFigures]) -> [Int] {
        var keys: [RankKey] = []
        for i in figures.indices where figures[i].isRecommended { keys.append(RankKey(figures, position: i)) }
        keys.sort(by: RankKey.ranksAbove)
        return keys.map(\.position)
    }

    /// The ranking of recommendations.csv: whether `a` comes before `b` by revenue_at_risk
    /// (highest first), then backorder_lines (most first), then sku (byte order).
    public static func ranksAbove(_ a: SKUFigures, _ b: SKUFigures) -> Bool {
        RankKey.ranksAbove(RankKey(revenueAtRisk: a.revenueAtRisk, backorderLines: a.backorderLines, sku: a.sku, position: 0),
                           RankKey(revenueAtRisk: b.revenueAtRisk, backorderLines: b.backorderLines, sku: b.sku, position: 0))
    }

    /// What the ranking of recommendations.csv compares of a SKU, and where its figures are.
    public struct RankKey: Sendable {
        public var revenueAtRisk: Double
        public var backorderLines: Int
        public var sku: String
        public var position: Int

        /// The key of `figures[position]`, read in place.
        public init(_ figures: [SKUFigures], position: Int) {
            self.init(revenueAtRisk: figures[position].revenueAtRisk, backorderLines: figures[position].backorderLines,
                      sku: figures[position].sku, position: position)
        }

        init(revenueAtRisk: Double, backorderLines: Int, sku: String, position: Int) {
            self.revenueAtRisk = revenueAtRisk
            self.backorderLines = backorderLines
            self.sku = sku
            self.position = position
        }

        /// The ranking (`SKUTables.ranksAbove`).
        public static func ranksAbove(_ a: RankKey, _ b: RankKey) -> Bool {
            if a.revenueAtRisk != b.revenueAtRisk { return a.revenueAtRisk > b.revenueAtRisk }
            if a.backorderLines != b.backorderLines { return a.backorderLines > b.backorderLines }
            return ByteOrder.precedes(a.sku, b.sku)
        }
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
        return ByteOrder.precedes(a.sku, b.sku)
    }

    /// `reorder_points_to_set_up.csv`: the ranked SKUs to set up; between rank and reason each
    /// cell is the skus.csv cell of its column.
    public static func setUpCSV(_ ranked: [SKUFigures]) -> [UInt8] {
        table(setUpColumns, ranked)
    }

    /// `skus.csv`: every SKU, in the order given.
    public static func skusCSV(_ figures: [SKUFigures]) -> [UInt8] {
        var w = CSVWriter(header: skuColumns)
        appendSKURows(figures[...], to: &w)
        return w.bytes
    }

    /// `skus.csv` in pieces of `rowsPerPiece` rows, the header with the first, each handed
    /// to `piece` in order: together they are `skusCSV(figures)`, byte for byte, and a large
    /// file is never in memory whole.
    public static func skusCSV(_ figures: [SKUFigures], rowsPerPiece: Int, _ piece: ([UInt8]) throws -> Void) rethrows {
        var start = 0
        var w = CSVWriter(header: skuColumns)
        repeat {
            if start > 0 { w.startNextPiece() }
            let end = min(figures.count, start + max(rowsPerPiece, 1))
            appendSKURows(figures[start..<end], to: &w)
            try piece(w.bytes)
            start = end
        } while start < figures.count
    }

    private static func appendSKURows(_ figures: ArraySlice<SKUFigures>, to w: inout CSVWriter) {
        let columns = SKUColumn.all
        // A SKU's figures are copied once for its row, not once for each of its cells (a
        // cell read through the buffer would copy them for every call).
        figures.withUnsafeBufferPointer { rows in
            for f in rows.indices {
                let row = rows[f]
                w.appendRow(cells: columns.count) { columns[$0].cell(row) }
            }
        }
    }

    /// `recommendations.csv`: the ranked recommendations. Between rank and reason, each cell
    /// is the skus.csv cell of its column.
    public static func recommendationsCSV(_ ranked: [SKUFigures]) -> [UInt8] {
        table(recommendationColumns, ranked)
    }

    /// `recommendations.csv` in pieces of `rowsPerPiece` rows, the header with the first,
    /// each handed to `piece` in order: together they are `recommendationsCSV(ranked)`.
    public static func recommendationsCSV(_ ranked: [SKUFigures], rowsPerPiece: Int, _ piece: ([UInt8]) throws -> Void) rethrows {
        try table(recommendationColumns, ranked, positions: Array(ranked.indices), rowsPerPiece: rowsPerPiece, piece)
    }

    /// `recommendations.csv` in pieces, the recommendations read in place: the SKUs at
    /// `positions` of `figures`, in that order (`rankedPositions`). Together the pieces are
    /// `recommendationsCSV(positions.map { figures[$0] })`.
    public static func recommendationsCSV(_ figures: [SKUFigures], positions: [Int], rowsPerPiece: Int,
                                          _ piece: ([UInt8]) throws -> Void) rethrows {
        try table(recommendationColumns, figures, positions: positions, rowsPerPiece: rowsPerPiece, piece)
    }

    /// A ranked table: rank, skus.csv cells of the columns between, reason.
    static func table(_ columns: [String], _ ranked: [SKUFigures]) -> [UInt8] {
        var bytes: [UInt8] = []
        table(columns, ranked, positions: Array(ranked.indices), rowsPerPiece: ranked.count) { bytes = $0 }
        return bytes
    }

    /// `table(columns, positions.map { figures[$0] })` in pieces of `rowsPerPiece` rows, the
    /// header with the first, each handed to `piece` in order.
    static func table(_ columns: [String], _ figures: [SKUFigures], positions: [Int], rowsPerPiece: Int,
                      _ piece: ([UInt8]) throws -> Void) rethrows {
        let shared = columns.dropFirst().dropLast().map { name in
            guard let column = SKUColumn.named(name) else { preconditionFailure("column \(name) is not in skus.csv") }
            return column
        }
        var start = 0
        var w = CSVWriter(header: columns)
        repeat {
            if start > 0 { w.startNextPiece() }
            let end = min(positions.count, start + max(rowsPerPiece, 1))
            figures.withUnsafeBufferPointer { rows in
                for i in start..<end {
                    let row = rows[positions[i]]
                    w.appendRow(cells: columns.count) { c in
                        c == 0 ? .integer(i + 1) : c <= shared.count ? shared[c - 1].cell(row) : .text(row.reason)
                    }
                }
            }
            try piece(w.bytes)
            start = end
        } while start < positions.count
    }
}
