import Foundation
import RestockCore

/// `restock run`: every stage, the nightly job (README, "Commands").
enum RunCommand: Command {
    static let name = "run"
    static let help = """
    usage: restock run [--data DIR] [--db FILE] [--out DIR] [--as-of DATE] [options]

    The nightly job: loads new rows from the data folder into the store, computes every
    SKU's figures as of a day, and writes <out>/<as-of>/ with report.html, skus.csv,
    recommendations.csv, reorder_points_to_set_up.csv, open_backorders.csv, rejects.csv and
    summary.json (and email.eml with --email). The folder is replaced only when the run succeeds. The data
    folder may also hold restock-exclude.txt (SKUs that are not stock) and
    restock-recurring.txt (SKUs whose bulk orders recur): one SKU or * pattern a line.

    \(RunOptions.help)
    \(CommonOptions.exportHelp(column: 26))

    Exit status: 0 success (rejected rows are counted, not failures), 1 the run failed
    (the message says why; the store and the previous report are untouched), 2 wrong
    command line or settings.
    """

    static func run(_ a: inout ArgumentList) throws -> Int32 {
        let options = try RunOptions.parse(&a, command: name)
        try a.finish()
        return try execute(Pipeline(options: options, command: name, ingest: true))
    }

    /// Runs a pipeline and prints its summary with `--json`; a failure prints a failed summary too.
    static func execute(_ pipeline: Pipeline) throws -> Int32 {
        do {
            let summary = try pipeline.run()
            if pipeline.options.json { FileHandle.standardOutput.write(Data(summary.encoded())) }
            return 0
        } catch {
            if pipeline.options.json {
                let now = RunRecorder.now()
                let zero = RunSummary.Counts(file: nil, kind: nil, rows_read: 0, rows_new: 0, rows_replaced: 0, duplicates: 0, rows_rejected: 0)
                let failed = RunSummary(run_id: 0, as_of: CivilDate.string(pipeline.options.asOf), outcome: "failed",
                                        message: "\(error)", settings: pipeline.options.settingsDictionary, files: [], totals: zero,
                                        unmatched_backorders: 0, skus: 0, recommendations: 0, rejects: 0, stages: [],
                                        started_at: now, finished_at: now, report_folder: nil)
                FileHandle.standardOutput.write(Data(failed.encoded()))
            }
            throw error
        }
    }
}

/// `restock report`: rebuilds a report folder from the store alone.
enum ReportCommand: Command {
    static let name = "report"
    static let help = """
    usage: restock report [--as-of DATE] [--out DIR] [--db FILE] [options]

    Rebuilds <out>/<as-of>/ from the store alone, without reading the data folder: the same
    files as 'restock run' writes. rejects.csv lists the rows rejected by the latest ingest.

    \(RunOptions.help)
    """

    static func run(_ a: inout ArgumentList) throws -> Int32 {
        let options = try RunOptions.parse(&a, command: name)
        try a.finish()
        return try RunCommand.execute(Pipeline(options: options, command: name, ingest: false))
    }
}
