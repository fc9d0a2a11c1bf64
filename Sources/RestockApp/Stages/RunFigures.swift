import RestockCore

/// What the compute stage's chunks add up to, and the report stage's input: every SKU's
/// figures in skus.csv order, the weekly series of the SKUs whose charts the report may draw,
/// the weekly line totals the report's chart draws, the open backorders (open_backorders.csv)
/// and the one-off and bulk days (the report's data quality). Of each `SKUAnalysis` only this
/// is kept, so that what a run holds per SKU while it computes is its figures alone, besides
/// what the report lists row by row.
struct RunFigures {
    /// Every SKU's figures, in skus.csv order.
    private(set) var figures: [SKUFigures] = []
    /// The weekly series of recommended SKUs that can still be among the report's top ones,
    /// by index in `figures` (`ReportCharts.keepTop`).
    private(set) var charts: [Int: ReportCharts.Series] = [:]
    /// Backorders in the window with no order line in the store, over all SKUs.
    private(set) var unmatchedBackorders = 0
    /// Non-cancelled order lines per whole week of the window over all SKUs, oldest first.
    private(set) var weeklyOrderLines: [Int]
    /// Backorders opened per whole week of the window over all SKUs, oldest first.
    private(set) var weeklyBackorderLines: [Int]
    /// Each SKU's open backorders (README, "When each waiting customer gets the goods"), of
    /// the SKUs with any, in skus.csv order.
    private(set) var openBackorders: [(figures: SKUFigures, open: [OpenBackorderDates])] = []
    /// Open backorders over all SKUs.
    private(set) var openBackorderCount = 0
    /// The one-off and bulk days of the SKUs not left out (README, "One-off bulk orders"), in
    /// skus.csv order.
    private(set) var oneOffs: [ReportModel.OneOffLine] = []
    /// Recommendations whose weekly series are kept for the report's charts.
    let chartsKept: Int

    /// - Parameter expectedSKUs: about how many SKUs will be added (room is made for them at
    ///   once, so the figures are not copied as they grow).
    init(settings: RunSettings, chartsKept: Int, expectedSKUs: Int = 0) {
        weeklyOrderLines = Array(repeating: 0, count: settings.weekCount)
        weeklyBackorderLines = Array(repeating: 0, count: settings.weekCount)
        self.chartsKept = chartsKept
        figures.reserveCapacity(expectedSKUs)
    }

    /// Adds a computed chunk: its weekly lines to the totals, its figures, its open backorders
    /// and one-off days, and the series of its recommended SKUs for the charts.
    mutating func add(_ chunk: [SKUAnalysis]) {
        for i in chunk.indices { add(chunk[i]) }
        ReportCharts.keepTop(&charts, of: figures, count: chartsKept)
    }

    /// Adds one SKU of a chunk (its figures read in place, not copied whole).
    private mutating func add(_ a: SKUAnalysis) {
        Self.addUp(a.weeklyOrderLines, into: &weeklyOrderLines)
        Self.addUp(a.weeklyBackorderLines, into: &weeklyBackorderLines)
        unmatchedBackorders += a.unmatchedBackorders
        openBackorderCount += a.openBackorders.count
        if !a.openBackorders.isEmpty { openBackorders.append((a.figures, a.openBackorders)) }
        if a.figures.leftOut == nil {
            oneOffs += a.oneOffDays.map { ReportModel.OneOffLine(sku: a.figures.sku, name: a.figures.name, day: $0) }
        }
        if a.figures.isRecommended && (!a.windowWeeks.isEmpty || !a.weeklyBackorderLines.isEmpty) {
            charts[figures.count] = ReportCharts.Series(weeklyDemand: a.windowWeeks, weeklyBackorderLines: a.weeklyBackorderLines)
        }
        figures.append(a.figures)
    }

    /// The kept series by SKU.
    var chartsBySKU: [String: ReportCharts.Series] {
        Dictionary(uniqueKeysWithValues: charts.map { (figures[$0.key].sku, $0.value) })
    }

    private static func addUp(_ weeks: [Int], into totals: inout [Int]) {
        for (w, n) in weeks.enumerated() where w < totals.count { totals[w] += n }
    }
}
