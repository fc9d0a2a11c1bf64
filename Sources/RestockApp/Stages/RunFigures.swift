import RestockCore

/// What the compute stage's chunks add up to, and the report stage's input: every SKU's
/// figures in skus.csv order, and the weekly line totals the report's chart draws.
struct RunFigures {
    /// Every SKU's analysis, compacted to what the report needs (`compactForReport`,
    /// `ReportCharts.keepTop`).
    private(set) var analyses: [SKUAnalysis] = []
    /// Non-cancelled order lines per whole week of the window over all SKUs, oldest first.
    private(set) var weeklyOrderLines: [Int]
    /// Backorders opened per whole week of the window over all SKUs, oldest first.
    private(set) var weeklyBackorderLines: [Int]
    /// Recommendations whose weekly series are kept for the report's charts.
    let chartsKept: Int

    init(settings: RunSettings, chartsKept: Int) {
        weeklyOrderLines = Array(repeating: 0, count: settings.weekCount)
        weeklyBackorderLines = Array(repeating: 0, count: settings.weekCount)
        self.chartsKept = chartsKept
    }

    /// Adds a computed chunk: its weekly lines to the totals, then each analysis compacted.
    mutating func add(_ chunk: [SKUAnalysis]) {
        for var a in chunk {
            Self.addUp(a.weeklyOrderLines, into: &weeklyOrderLines)
            Self.addUp(a.weeklyBackorderLines, into: &weeklyBackorderLines)
            a.compactForReport()
            analyses.append(a)
        }
        ReportCharts.keepTop(&analyses, count: chartsKept)
    }

    private static func addUp(_ weeks: [Int], into totals: inout [Int]) {
        for (w, n) in weeks.enumerated() where w < totals.count { totals[w] += n }
    }
}
