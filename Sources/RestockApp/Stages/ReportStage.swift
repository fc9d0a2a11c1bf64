import Foundation
import RestockCore

/// Stage 4, "report": writes the report folder `<out>/<as-of>/` (README, The report)
/// whole, then keeps the run's figures in the store for the next run's "what changed".
///
/// Input: the read stage's output (the data range), the compute stage's figures, the ingest's
/// counts and rejects, and the previous run's figures. Output: `Outcome`, with summary.json.
struct ReportStage: Sendable {
    /// The stage's name in the store and in summary.json.
    static let name = "report"

    var options: RunOptions
    var folder: ReportFolder
    var runId: Int64
    var dataRange: ClosedRange<Day>?
    var computed: RunFigures
    /// The replay, with `--replay`.
    var replayed: ReplayStage.Output?
    var ingest: IngestStage.Result
    /// The stale-data note (`StaleData`), nil when the data is recent.
    var staleData: String?
    var previous: PreviousRun?
    var startedAt: String
    var priorStages: [RunRecorder.StageRecord]

    struct Outcome {
        var summary: RunSummary
        var files: Int
        var recommendations: Int
        var folder: String
    }

    func write(store: Store) throws -> Outcome {
        let started = Date()
        let figures = computed.figures
        let rejects = ingestRan ? ingest.rejects : try latestRejects(store)
        let ranked = SKUTables.rankedPositions(figures)
        let toSetUp = SKUTables.rankedToSetUp(figures)
        // The files are written on three threads (`ReportPieces`) while this one, which holds
        // the store's connection, keeps the figures in the store. The store's transaction
        // commits only once every file is written, and before the folder moves into place:
        // a failed piece leaves neither rows nor folder, and a kill between the commit and
        // the move leaves rows that no later run reads (the run is not a success).
        let (stage, folder) = (self, self.folder)
        var pieces = ReportPieces(
            skusCSV: {
                try folder.write("skus.csv") { piece in try SKUTables.skusCSV(figures, rowsPerPiece: Self.rowsPerPiece, piece) }
                return 1
            },
            tables: { try stage.writeTables(ranked: ranked, toSetUp: toSetUp, rejects: rejects) },
            page: { try stage.writePage(ranked: ranked, toSetUp: toSetUp, rejects: rejects) })
        do {
            let (summary, files) = try PreviousRun.save(store.db, runId: runId, figures: figures) {
                Trace.mark("report: figures kept in the store")
                let written = try pieces.finish()
                let summary = runSummary(written.page, skus: figures.count, recommendations: ranked.count, toSetUp: toSetUp.count,
                                         rejects: rejects.count, unmatched: computed.unmatchedBackorders,
                                         reportRows: written.files + 1, started: started)
                try folder.write("summary.json", summary.encoded())
                return (summary, written.files + 1)
            }
            try folder.commit()
            Trace.mark("report: folder in place")
            return Outcome(summary: summary, files: files, recommendations: ranked.count, folder: folder.target.path)
        } catch {
            pieces.abandon()
            folder.discard()
            throw error
        }
    }

    /// Rows of skus.csv and recommendations.csv made and written at a time.
    static let rowsPerPiece = 4_096

    /// The report's model from the computed figures and the rest of the run.
    private func reportModel(ranked: [Int], toSetUp: [SKUFigures], rejects: [Rejection]) -> ReportModel {
        ReportModelBuilder.build(options: options, dataRange: dataRange, weeklyOrderLines: computed.weeklyOrderLines,
                                 weeklyBackorderLines: computed.weeklyBackorderLines, charts: computed.chartsBySKU,
                                 figures: computed.figures, rankedPositions: ranked, toSetUp: toSetUp,
                                 openBackorders: computed.openBackorderCount, oneOffs: computed.oneOffs,
                                 ingest: ingest, staleData: staleData, rejects: rejects, unmatched: computed.unmatchedBackorders,
                                 previous: previous, runId: runId, startedAt: startedAt, stages: priorStages)
    }

    /// Builds the report's model and writes report.html, the replay's files with `--replay` and
    /// email.eml with `--email` into the staging folder. `ranked`: the recommendations, by
    /// position in the figures, in rank order (`SKUTables.rankedPositions`).
    private func writePage(ranked: [Int], toSetUp: [SKUFigures], rejects: [Rejection]) throws -> (page: ReportModel, files: Int) {
        var files = 0
        var model = reportModel(ranked: ranked, toSetUp: toSetUp, rejects: rejects)
        if let replayed {
            let totals = ReplayClassTotal.summarize(replayed.rows)
            model.replay = ReportModel.ReplaySection(plan: replayed.plan, totals: totals)
            try folder.write("replay.csv", ReplayTable.csv(replayed.rows)); files += 1
            try folder.write("replay-summary.csv", ReplaySummaryText.csv(totals)); files += 1
        }
        let html = Array(HTMLReport.render(model).utf8)
        try folder.write("report.html", html); files += 1
        if options.email {
            let recommendationsCSV = SKUTables.recommendationsCSV(ranked.map { computed.figures[$0] })
            let eml = try EmailBuilder.build(options: options, model: model, reportHTML: html,
                                             recommendationsCSV: recommendationsCSV, recommendations: ranked.count)
            try folder.write("email.eml", eml); files += 1
        }
        return (model, files)
    }

    /// Writes recommendations.csv (a piece at a time), rejects.csv, reorder_points_to_set_up.csv
    /// and open_backorders.csv into the staging folder; returns the number of files written.
    private func writeTables(ranked: [Int], toSetUp: [SKUFigures], rejects: [Rejection]) throws -> Int {
        try folder.write("recommendations.csv") { piece in
            try SKUTables.recommendationsCSV(computed.figures, positions: ranked, rowsPerPiece: Self.rowsPerPiece, piece)
        }
        try folder.write("rejects.csv", RejectsFile.csv(rejects))
        try folder.write("reorder_points_to_set_up.csv", SKUTables.setUpCSV(toSetUp))
        try folder.write("open_backorders.csv", OpenBackorderTable.csv(computed.openBackorders))
        return 4
    }

    /// summary.json's content (README, "What you get every morning"), the report stage
    /// counted with `reportRows` files.
    private func runSummary(_ model: ReportModel, skus: Int, recommendations: Int, toSetUp: Int, rejects: Int, unmatched: Int,
                            reportRows: Int, started: Date) -> RunSummary {
        var stages = priorStages.map { RunSummary.Stage(name: $0.name, seconds: $0.seconds, rows: $0.rows) }
        stages.append(RunSummary.Stage(name: Self.name, seconds: Date().timeIntervalSince(started), rows: reportRows))
        return RunSummary(
            run_id: runId, as_of: CivilDate.string(options.settings.asOf), outcome: "success", message: nil,
            settings: options.settingsDictionary,
            files: ingest.files.map { RunSummary.counts($0, named: true) },
            totals: RunSummary.counts(ingest.totals, named: false),
            unmatched_backorders: unmatched, skus: skus, recommendations: recommendations, rejects: rejects,
            stages: stages, started_at: startedAt, finished_at: RunRecorder.now(), report_folder: folder.target.path,
            skipped_files: ingest.skipped.isEmpty ? nil : ingest.skipped, stale_data: staleData,
            skus_stock_unknown: model.stockAdvice.unknownSKUs, reorder_points_to_set_up: toSetUp,
            skus_left_out: model.dataQuality.leftOut.count,
            one_off_days: model.dataQuality.oneOffs.count { $0.day.isOneOff }, bulk_days: model.dataQuality.oneOffs.count)
    }

    private var ingestRan: Bool { !ingest.files.isEmpty }

    /// For `restock report`: the rejects of the latest run that ingested files.
    private func latestRejects(_ store: Store) throws -> [Rejection] {
        guard let latest = try store.db.scalarInt("SELECT max(run_id) FROM ingests") else { return [] }
        return try RejectsFile.read(store.db, runId: latest)
    }
}
