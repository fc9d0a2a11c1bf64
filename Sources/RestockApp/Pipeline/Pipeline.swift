import Foundation
import RestockCore
import SQLite

/// The nightly job as an ordered list of stages sharing one store (CONTRACT.md §2, §5):
/// ingest, metrics, forecast+policy, report. Each stage is recorded in the store; the run's
/// outcome is decided once, at the end.
struct Pipeline {
    var options: RunOptions
    var command: String
    /// Whether to run the ingest stage (`run`) or only rebuild from the store (`report`).
    var ingest: Bool

    /// Runs the stages; returns the summary of a successful run, throws for a failed one
    /// (after recording it).
    func run() throws -> RunSummary {
        let progress = Progress(quiet: options.common.quiet)
        let lock = try RunLock(storePath: options.common.db, command: command, waitSeconds: options.common.wait)
        defer { withExtendedLifetime(lock) {} }
        if ingest {
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: options.data, isDirectory: &isDirectory) || !isDirectory.boolValue {
                throw RunError("the data folder '\(options.data)' does not exist; pass --data DIR (a folder of orders*.csv, backorders*.csv, products*.csv, receipts*.csv)")
            }
        } else if !FileManager.default.fileExists(atPath: options.common.db) {
            throw RunError("the store '\(options.common.db)' does not exist; run 'restock run' first, or pass --db")
        }
        // The report folder's place is checked (and its staging folder made) before anything
        // changes, so an output folder that cannot be written fails the run at once.
        let folder = ReportFolder(out: options.out, name: CivilDate.string(options.asOf))
        try folder.prepare()
        defer { folder.discard() }
        let store = try Store(path: options.common.db)
        try store.checkTimeZone(options.common.timeZoneName)
        let recorder = try RunRecorder(db: store.db, command: command, asOf: CivilDate.string(options.asOf),
                                       settingsJSON: options.settingsJSON)
        let startedAt = RunRecorder.now()
        do {
            let summary = try stages(store: store, folder: folder, recorder: recorder, progress: progress, startedAt: startedAt)
            recorder.finish(outcome: "success")
            return summary
        } catch {
            recorder.finish(outcome: "failed", message: "\(error)")
            throw StoreHealth.explained(error, path: options.common.db)
        }
    }

    private func stages(store: Store, folder: ReportFolder, recorder: RunRecorder, progress: Progress, startedAt: String) throws -> RunSummary {
        let settings = options.settings
        // Stage 1: ingest.
        var ingestResult = IngestStage.Result(files: [], totals: FileCounts(file: "total", kind: .orders), rejects: [])
        // The ingest's write-ahead log is copied into the database while the numbers are
        // computed (`checkpointInBackground`), not when the ingest commits.
        try store.db.execute("PRAGMA wal_autocheckpoint=0")
        var checkpoint: BackgroundWork<Void>?
        defer {
            _ = try? checkpoint?.wait()
            Trace.mark("checkpoint done")
        }
        if ingest {
            progress.begin("ingest")
            try recorder.begin("ingest")
            let (files, skipped) = try InputFile.scan([options.data])
            for entry in skipped { progress.note("warning: \(entry.sentence)") }
            if !files.contains(where: { $0.kind == .orders }) {
                throw RunError("no orders*.csv in '\(options.data)': restock needs at least one orders file")
            }
            ingestResult = try IngestStage(files: files, timeZone: options.common.timeZone, reload: options.reload,
                                           runId: recorder.runId).run(store: store, progress: progress)
            ingestResult.skipped = skipped
            Trace.mark("ingest committed")
            checkpoint = store.checkpointInBackground()
            _ = releaseFreeMemory(0)
            let seconds = try recorder.end("ingest", rows: ingestResult.totals.rowsRead)
            Trace.mark("ingest recorded")
            let t = ingestResult.totals
            progress.end("\(files.count) files, \(Progress.count(Int64(t.rowsRead))) rows read: \(Progress.count(Int64(t.rowsNew))) new, \(Progress.count(Int64(t.rowsReplaced))) replaced, \(Progress.count(Int64(t.duplicates))) duplicates, \(Progress.count(Int64(t.rowsRejected))) rejected", seconds: seconds)
        }

        // Stages 2-4, streamed a chunk of SKUs at a time: read the SKUs' facts from the store
        // (metrics), then compute their figures in parallel (forecast: demand class, forecast,
        // lead time, reorder point). Each stage's time is the sum over the chunks.
        progress.begin("numbers")
        try recorder.begin("metrics")
        try recorder.begin("forecast")
        var readSeconds = 0.0, computeSeconds = 0.0
        var clock = Date()
        // Reading streams through the tables once: a small page cache is enough.
        try store.db.execute("PRAGMA cache_size=-16384")
        var reader: FactsReader! = try FactsReader(store.db, settings: settings, path: store.path) { scanned in
            progress.update(done: scanned, total: nil, note: "daily totals read", unit: "blocks")
        }
        readSeconds += Date().timeIntervalSince(clock)
        var analyses: [SKUAnalysis] = []
        var weeklyOrderLines = Array(repeating: 0, count: settings.weekCount)
        var weeklyBackorderLines = Array(repeating: 0, count: settings.weekCount)
        let candidates = Int64(reader.candidates.count)
        let pools = reader.supplierReceipts
        // Pipelined: while the workers compute one chunk, this thread reads the next. Each
        // chunk's compute time is measured by the work itself (chunks never overlap each other).
        var inFlight: BackgroundWork<(analyses: [SKUAnalysis], seconds: Double)>?
        func collect() throws {
            guard let work = inFlight else { return }
            inFlight = nil
            let done = try work.wait()
            computeSeconds += done.seconds
            for var a in done.analyses {
                // Keep what the report needs; the evidence behind each figure is for `restock sku`.
                for (w, n) in a.weeklyBackorderLines.enumerated() where w < weeklyBackorderLines.count { weeklyBackorderLines[w] += n }
                a.compactForReport()
                analyses.append(a)
            }
            progress.update(done: Int64(analyses.count), total: candidates, unit: "SKUs")
            if analyses.count % (4096 * 6) < done.analyses.count { Trace.mark("\(analyses.count) SKUs computed") }
            ReportCharts.keepTop(&analyses, count: min(options.top, HTMLReport.maxDetailed))
        }
        while true {
            clock = Date()
            guard let chunk = try reader.next(4096) else { break }
            for input in chunk {
                for d in input.orderDays {
                    if let w = WeeklyHistory.weekIndex(of: d.day, settings: settings) { weeklyOrderLines[w] += d.lines }
                }
            }
            readSeconds += Date().timeIntervalSince(clock)
            try collect()
            inFlight = BackgroundWork {
                let started = Date()
                let result = AnalysisStage.run(RunFacts(skus: chunk, supplierReceipts: pools), settings: settings)
                return (result, Date().timeIntervalSince(started))
            }
        }
        try collect()
        try recorder.end("metrics", rows: analyses.count, seconds: readSeconds)
        try recorder.end("forecast", rows: analyses.count, seconds: computeSeconds)
        progress.end("\(Progress.count(Int64(analyses.count))) SKUs: read \(String(format: "%.2f", readSeconds)) s, demand class, forecast, lead time and reorder point \(String(format: "%.2f", computeSeconds)) s", seconds: readSeconds + computeSeconds)
        let stale = StaleData.note(newestInWindow: reader.lastOrderDay, newestLoaded: reader.lastDay, settings: settings)
        if let stale { progress.note("note: \(stale)") }
        var seconds = 0.0
        var dataRange: ClosedRange<Day>?
        if let first = reader.firstDay, let last = reader.lastDay, first <= last { dataRange = first...last }
        // The facts are not needed again: give their memory back before the report is made.
        reader = nil
        _ = releaseFreeMemory(0)
        Trace.mark("facts released")

        // Stage 5: report.
        progress.begin("report")
        try recorder.begin("report")
        let previous = try PreviousRun.load(store.db, before: recorder.runId)
        Trace.mark("report: previous run's figures")
        let outcome = try ReportStage(options: options, folder: folder, runId: recorder.runId, dataRange: dataRange,
                                      weeklyOrderLines: weeklyOrderLines, weeklyBackorderLines: weeklyBackorderLines,
                                      analyses: analyses,
                                      ingest: ingestResult, staleData: stale, previous: previous, startedAt: startedAt,
                                      priorStages: recorder.stageRecords)
            .write(store: store)
        seconds = try recorder.end("report", rows: outcome.files)
        progress.end("\(outcome.recommendations) recommendations -> \(outcome.folder)", seconds: seconds)
        var summary = outcome.summary
        summary.stages = recorder.stageRecords.map { RunSummary.Stage(name: $0.name, seconds: $0.seconds, rows: $0.rows) }
        return summary
    }
}

/// glibc's `malloc_trim`: returns freed heap pages to the system, so the resident memory a
/// scheduler sees falls once a stage's data is gone (malloc.h is not in Swift's Glibc module).
@_silgen_name("malloc_trim")
private func releaseFreeMemory(_ pad: Int) -> Int32
