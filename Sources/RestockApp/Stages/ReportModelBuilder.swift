import Foundation
import RestockCore

/// Fills the report's `ReportModel` from a run's figures, ingest and the previous run.
enum ReportModelBuilder {
    /// - Parameter rankedPositions: the recommendations, by position in `figures`, in rank
    ///   order (`SKUTables.rankedPositions`).
    static func build(options: RunOptions, dataRange: ClosedRange<Day>?, weeklyOrderLines: [Int], weeklyBackorderLines: [Int],
                      charts: [String: ReportCharts.Series], figures: [SKUFigures], rankedPositions: [Int], toSetUp: [SKUFigures],
                      openBackorders: Int, oneOffs: [ReportModel.OneOffLine],
                      ingest: IngestStage.Result, staleData: String? = nil, rejects: [Rejection], unmatched: Int, previous: PreviousRun?,
                      runId: Int64, startedAt: String, stages: [RunRecorder.StageRecord]) -> ReportModel {
        let settings = options.settings
        var classes: [DemandClass: Int] = [:]
        for f in figures { classes[f.demandClass, default: 0] += 1 }
        let top = rankedPositions.prefix(options.top).map { i -> ReportModel.Recommendation in
            let f = figures[i]
            let series = charts[f.sku]
            return ReportModel.Recommendation(figures: f, weeklyDemand: series?.weeklyDemand ?? [],
                                              weeklyBackorderLines: series?.weeklyBackorderLines ?? [],
                                              forecastWeekly: f.forecastDaily * 7)
        }
        let files = ingest.files.map {
            ReportModel.FileSummary(file: $0.file, kind: $0.kind.rawValue, rowsRead: $0.rowsRead, rowsNew: $0.rowsNew,
                                    rowsReplaced: $0.rowsReplaced, duplicates: $0.duplicates, rowsRejected: $0.rowsRejected,
                                    unchanged: $0.unchangedSinceIngest != nil, format: $0.format?.title)
        }
        let reasons = ReportModel.RejectReason.grouping(rejects.map { (file: $0.file, line: $0.line, reason: $0.summary) })
        let changes = previous.map { p in
            ReportModel.Changes.comparing(previousAsOf: p.asOf,
                                          previous: p.rows.mapValues { .init(reorderPoint: $0.reorderPoint, recommended: $0.recommended) },
                                          all: figures, rankedPositions: rankedPositions)
        }
        var headline = ReportModel.Headline.summing(figures)
        headline.openBackorders = openBackorders
        var model = ReportModel(
            settings: settings, topN: options.top, dataRange: dataRange, headline: headline,
            weeklyBackorderLines: weeklyBackorderLines, weeklyOrderLines: weeklyOrderLines, demandClassCounts: classes,
            recommendations: Array(top),
            dataQuality: ReportModel.DataQuality(files: files, rejectReasons: reasons, unmatchedBackorders: unmatched,
                                                 notices: (staleData.map { ["Stale data: " + $0 + "."] } ?? [])
                                                     + ingest.skipped.map { $0.sentence + "." }),
            changes: changes,
            run: ReportModel.RunInfo(runId: runId, startedAt: startedAt,
                                     stages: stages.map { .init(name: $0.name, seconds: $0.seconds, rows: $0.rows) },
                                     version: CLI.version))
        model.stockAdvice = ReportModel.StockAdvice(all: figures, ranked: toSetUp, top: min(options.top, HTMLReport.maxListed))
        model.dataQuality.leftOut = figures.compactMap(ReportModel.LeftOutSKU.init)
            .sorted { ($0.units, $1.sku) > ($1.units, $0.sku) }
        model.dataQuality.oneOffs = oneOffs.sorted { ($0.day.setAsideUnits, $0.day.units, $1.sku, $1.day.day) > ($1.day.setAsideUnits, $1.day.units, $0.sku, $0.day.day) }
        return model
    }
}

/// Builds `email.eml`: the summary as HTML and plain text, the report and recommendations attached.
enum EmailBuilder {
    static func build(options: RunOptions, model: ReportModel, reportHTML: [UInt8], recommendationsCSV: [UInt8],
                      recommendations: Int) throws(RunError) -> [UInt8] {
        let asOf = CivilDate.string(options.settings.asOf)
        let subject = options.subject ?? "restock: \(recommendations) SKU\(recommendations == 1 ? "" : "s") to act on, as of \(asOf)"
        do {
            return try EmailMessage.build(
                from: options.from, to: options.to, subject: subject, date: Date(),
                html: EmailSummary.html(model), text: EmailSummary.text(model),
                attachments: [
                    .init(name: EmailSummary.reportAttachment(options.settings.asOf), contentType: "text/html; charset=utf-8", bytes: reportHTML),
                    .init(name: EmailSummary.recommendationsAttachment(options.settings.asOf), contentType: "text/csv; charset=utf-8", bytes: recommendationsCSV),
                ])
        } catch {
            throw RunError("cannot build the e-mail: \(error)")
        }
    }
}
