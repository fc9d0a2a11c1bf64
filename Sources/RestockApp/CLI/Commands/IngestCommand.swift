import Foundation
import RestockCore

/// `restock ingest FILE_OR_DIR... [--db FILE]`: stage 1 alone (README, "Commands").
enum IngestCommand: Command {
    static let name = "ingest"
    static let help = """
    usage: restock ingest FILE_OR_DIR... [--db FILE] [--time-zone TZ] [--reload] [--quiet]

    Loads order, backorder, product and receipt CSV files into the store. A folder loads its
    orders*.csv, backorders*.csv, products*.csv and receipts*.csv, any other .csv whose header
    is a shop export's, and the files its restock-map.txt names (top level only; a .csv it
    cannot tell is skipped and named with the reason). Every row
    is stored, counted as a duplicate, or rejected with its file, line and reason; the counts
    are printed per file and in total. A file that cannot be read (missing required column,
    not UTF-8, broken quoting) stops the ingest and changes nothing in the store.

    \(CommonOptions.help)
      --reload            read files again even when identical to ones loaded before
    """

    static func run(_ a: inout ArgumentList) throws -> Int32 {
        let options = try CommonOptions.parse(&a)
        let reload = a.flag("reload")
        let paths = a.positionals()
        try a.finish()
        guard !paths.isEmpty else { throw UsageError("name at least one CSV file or data folder to load") }
        let folder = try DataFolder(paths: paths, formats: options.formats)
        let files = folder.files
        if files.isEmpty {
            // What was passed over, and why, is the answer the user needs here.
            throw RunError("no input files found in \(paths.joined(separator: ", ")): expected orders*.csv, backorders*.csv, products*.csv or receipts*.csv, or a shop export restock recognises by its header.\(folder.skippedSentences)")
        }

        let lock = try RunLock(storePath: options.db, command: "ingest", waitSeconds: options.wait)
        defer { withExtendedLifetime(lock) {} }
        let store = try Store(path: options.db)
        try store.checkTimeZone(options.timeZoneName)
        let settings = "{\"time_zone\":\"\(options.timeZoneName)\",\"reload\":\(reload)}"
        let recorder = try RunRecorder(db: store.db, command: "ingest", asOf: nil, settingsJSON: settings)
        let progress = Progress(quiet: options.quiet)
        for entry in folder.skipped { progress.warn("warning: \(entry.sentence)") }
        progress.begin("ingest")
        do {
            try recorder.begin("ingest")
            let result = try IngestStage(files: files, timeZone: options.timeZone, reload: reload, runId: recorder.runId, formats: folder.formats)
                .run(store: store, progress: progress)
            let seconds = try recorder.end("ingest", rows: result.totals.rowsRead)
            progress.end("\(ReportFormat.plural(result.totals.rowsRead, "row")) read from \(ReportFormat.plural(files.count, "file"))\(result.formatsRead)", seconds: seconds)
            recorder.finish(outcome: "success")
            print(IngestReport.table(result))
            return 0
        } catch {
            recorder.finish(outcome: "failed", message: "\(error)")
            throw StoreHealth.explained(error, path: options.db)
        }
    }
}

/// The per-file counts as a text table.
enum IngestReport {
    static func table(_ result: IngestStage.Result) -> String {
        var rows: [[String]] = [["file", "kind", "read", "new", "replaced", "duplicates", "rejected"]]
        for f in result.files {
            rows.append([f.file + (f.unchangedSinceIngest != nil ? " (unchanged, not read again)" : ""), f.kind.rawValue,
                         c(f.rowsRead), c(f.rowsNew), c(f.rowsReplaced), c(f.duplicates), c(f.rowsRejected)])
        }
        let t = result.totals
        rows.append(["total", "", c(t.rowsRead), c(t.rowsNew), c(t.rowsReplaced), c(t.duplicates), c(t.rowsRejected)])
        var widths = Array(repeating: 0, count: rows[0].count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        var out = ""
        for row in rows {
            out += row.enumerated().map { i, cell in
                i < 2 ? cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                      : String(repeating: " ", count: widths[i] - cell.count) + cell
            }.joined(separator: "  ") + "\n"
        }
        out += "rows read = new + replaced + duplicates + rejected: \(t.balances ? "holds" : "DOES NOT HOLD")"
        if t.rowsRejected > 0 { out += "\n\(ReportFormat.plural(t.rowsRejected, "row")) rejected; 'restock rejects' lists \(t.rowsRejected == 1 ? "it" : "them") with file, line and reason" }
        return out
    }

    private static func c(_ n: Int) -> String { Progress.count(Int64(n)) }
}
