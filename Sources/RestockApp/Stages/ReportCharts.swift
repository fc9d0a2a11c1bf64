import RestockCore

/// The weekly series a report draws are kept only for the SKUs that can still be among
/// the top recommendations, so a 100,000-SKU run does not hold a chart for every SKU.
enum ReportCharts {
    /// One SKU's weekly series for its chart.
    struct Series: Sendable {
        /// Units per whole week of the window, oldest first.
        var weeklyDemand: [Double]
        /// Backorder lines opened per whole week of the window, oldest first.
        var weeklyBackorderLines: [Int]
    }

    /// Keeps the series of the best `count` of `charts` (by index in `figures`) by the
    /// ranking of recommendations.csv (`SKUTables.ranksAbove`; recommended SKUs before the
    /// others, ties in SKU order). Runs when the series held exceed four times `count`, so
    /// its cost stays small.
    static func keepTop(_ charts: inout [Int: Series], of figures: [SKUFigures], count: Int) {
        guard charts.count > max(4 * count, 64) else { return }
        // Recommended first, then the ranking; the keys are read once, not the figures copied.
        let keys = charts.keys.sorted().map { (recommended: figures[$0].isRecommended, key: SKUTables.RankKey(figures, position: $0)) }
        let ranked = keys.sorted { a, b in
            if a.recommended != b.recommended { return a.recommended }
            return SKUTables.RankKey.ranksAbove(a.key, b.key)
        }
        for entry in ranked.dropFirst(count) { charts[entry.key.position] = nil }
    }
}
