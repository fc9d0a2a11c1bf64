import Foundation
import RestockCore
import SQLite

/// The nightly job as an ordered list of stages sharing one store (ARCHITECTURE.md, "The nightly job"):
/// ingest, read, compute, report, each a type in Stages/ whose output is the next one's
/// input. Each stage is recorded in the store; the run's outcome is decided once, at the end.
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
        let job = Job(store: store, folder: folder, recorder: recorder, progress: progress, startedAt: RunRecorder.now())
        do {
            let summary = try stages(job)
            recorder.finish(outcome: "success")
            return summary
        } catch {
            recorder.finish(outcome: "failed", message: "\(error)")
            throw StoreHealth.explained(error, path: options.common.db)
        }
    }

    /// What every stage of one run shares.
    private struct Job {
        var store: Store
        var folder: ReportFolder
        var recorder: RunRecorder
        var progress: Progress
        var startedAt: String
    }

    /// The stages, in order; each one's output is the next one's input.
    private func stages(_ job: Job) throws -> RunSummary {
        let checkpoint = try DeferredCheckpoint(job.store)
        defer { checkpoint.wait() }
        let ingested = ingest ? try ingestStage(job, checkpoint: checkpoint) : .none
        let (read, computed) = try readAndComputeStages(job)
        let replayed = options.replay ? try replayStage(job) : nil
        return try reportStage(job, ingested: ingested, read: read, computed: computed, replayed: replayed)
    }

    /// Stage 1, "ingest": the data folder's files into the store.
    private func ingestStage(_ job: Job, checkpoint: DeferredCheckpoint) throws -> IngestStage.Result {
        job.progress.begin(IngestStage.name)
        try job.recorder.begin(IngestStage.name)
        let folder = try IngestStage.files(in: options.data, formats: options.common.formats)
        let files = folder.files
        for entry in folder.skipped { job.progress.warn("warning: \(entry.sentence)") }
        var result = try IngestStage(files: files, timeZone: options.common.timeZone, reload: options.reload,
                                     runId: job.recorder.runId, formats: folder.formats).run(store: job.store, progress: job.progress)
        result.skipped = folder.skipped
        try SKUListFiles.keep(folder: options.data, db: job.store.db)
        Trace.mark("ingest committed")
        checkpoint.start()
        FreedMemory.returnToSystem()
        let seconds = try job.recorder.end(IngestStage.name, rows: result.totals.rowsRead)
        Trace.mark("ingest recorded")
        job.progress.end(result.progressLine(files: files.count), seconds: seconds)
        return result
    }

    /// Stages 2 and 3, "read" and "compute", taking turns a chunk of SKUs at a time
    /// (`OverlappedChunks`): each is recorded with the sum of its chunks' time, the rows are
    /// the SKUs read and computed.
    private func readAndComputeStages(_ job: Job) throws -> (ReadStage.Output, RunFigures) {
        let settings = options.settings
        job.progress.begin("numbers")
        try job.recorder.begin(ReadStage.name)
        try job.recorder.begin(ComputeStage.name)
        let opening = Date()
        let read = try ReadStage(store: job.store, settings: settings)
        let openSeconds = Date().timeIntervalSince(opening)
        let compute = ComputeStage(settings: settings, pools: read.pools)
        var computed = RunFigures(settings: settings, chartsKept: min(options.top, HTMLReport.maxDetailed),
                                  expectedSKUs: read.candidates)
        var seconds = try OverlappedChunks(read: read.next, compute: { compute.run($0) }).run { chunk in
            computed.add(chunk)
            let done = computed.figures.count
            job.progress.update(done: Int64(done), total: Int64(read.candidates), unit: "SKUs")
            if done % (ReadStage.chunkSKUs * 6) < chunk.count { Trace.mark("\(done) SKUs computed") }
        }
        seconds.read += openSeconds
        let output = read.finish()
        try job.recorder.end(ReadStage.name, rows: output.skus, seconds: seconds.read)
        try job.recorder.end(ComputeStage.name, rows: computed.figures.count, seconds: seconds.compute)
        job.progress.end("\(Progress.count(Int64(computed.figures.count))) SKUs: read \(String(format: "%.2f", seconds.read)) s, demand class, forecast, lead time and reorder point \(String(format: "%.2f", seconds.compute)) s", seconds: seconds.read + seconds.compute)
        if let stale = output.staleData { job.progress.warn("note: \(stale)") }
        return (output, computed)
    }

    /// Stage "replay" (only with `--replay`): the last 52 weeks replayed (`ReplayStage`).
    private func replayStage(_ job: Job) throws -> ReplayStage.Output {
        job.progress.begin(ReplayStage.name)
        try job.recorder.begin(ReplayStage.name)
        let plan = ReplayPlan(asOf: options.settings.asOf, from: nil, to: nil, every: nil)
        let output = try ReplayStage(plan: plan, settings: options.settings).run(store: job.store, progress: job.progress)
        let seconds = try job.recorder.end(ReplayStage.name, rows: output.rows.count)
        job.progress.end("\(Progress.count(Int64(output.rows.count))) SKU-policy rows, \(output.decisionDays) decision days", seconds: seconds)
        return output
    }

    /// Stage 4, "report": the report folder, and the run's figures kept in the store.
    private func reportStage(_ job: Job, ingested: IngestStage.Result, read: ReadStage.Output,
                             computed: RunFigures, replayed: ReplayStage.Output?) throws -> RunSummary {
        job.progress.begin(ReportStage.name)
        try job.recorder.begin(ReportStage.name)
        let previous = try PreviousRun.load(job.store.db, before: job.recorder.runId)
        Trace.mark("report: previous run's figures")
        let outcome = try ReportStage(options: options, folder: job.folder, runId: job.recorder.runId, dataRange: read.dataRange,
                                      computed: computed, replayed: replayed, ingest: ingested, staleData: read.staleData, previous: previous, startedAt: job.startedAt,
                                      priorStages: job.recorder.stageRecords)
            .write(store: job.store)
        let seconds = try job.recorder.end(ReportStage.name, rows: outcome.files)
        job.progress.end("\(Progress.count(Int64(outcome.recommendations))) recommendations -> \(outcome.folder)", seconds: seconds)
        var summary = outcome.summary
        summary.stages = job.recorder.stageRecords.map { RunSummary.Stage(name: $0.name, seconds: $0.seconds, rows: $0.rows) }
        return summary
    }
}
