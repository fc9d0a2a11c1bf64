import RestockCore

/// The weekly series a report draws are kept only for the SKUs that can still be among
/// the top recommendations, so a 100,000-SKU run does not hold a chart for every SKU.
enum ReportCharts {
    /// Drops the weekly series of every analysis outside the best `count` by the ranking of
    /// recommendations.csv (`SKUTables.ranksAbove`; recommended SKUs before the others). Runs
    /// when the series held exceed four times `count`, so its cost stays small.
    static func keepTop(_ analyses: inout [SKUAnalysis], count: Int) {
        let holding = analyses.indices.filter { !analyses[$0].windowWeeks.isEmpty || !analyses[$0].weeklyBackorderLines.isEmpty }
        guard holding.count > max(4 * count, 64) else { return }
        let ranked = holding.sorted { a, b in
            let x = analyses[a].figures, y = analyses[b].figures
            if x.isRecommended != y.isRecommended { return x.isRecommended }
            return SKUTables.ranksAbove(x, y)
        }
        for i in ranked.dropFirst(count) {
            analyses[i].windowWeeks = []
            analyses[i].weeklyBackorderLines = []
        }
    }
}
