import Foundation
import SQLite

/// `restock history [--db FILE]`: past runs with their outcome, counts and durations.
enum HistoryCommand: Command {
    static let name = "history"
    static let help = """
    usage: restock history [--db FILE] [--limit N]

    Lists past runs on the store, newest first: when each started, the command, as-of,
    outcome, rows read, SKUs, recommendations and each stage's duration.

      --db FILE      the store (default restock.sqlite)
      --limit N      how many runs to show (default 20)
    """

    static func run(_ a: inout ArgumentList) throws -> Int32 {
        let db = try a.option("db") ?? "restock.sqlite"
        let limit = try a.integer("limit", in: 1...100_000) ?? 20
        try a.finish()
        let store = try Store(path: db, readOnly: true)
        try store.requireReadable(newestSchema: false)
        let runs = try store.db.prepare("""
            SELECT r.id, r.command, r.started_at, COALESCE(r.as_of, ''), r.outcome, COALESCE(r.message, ''),
                   (SELECT total(rows_read) FROM ingests WHERE run_id=r.id),
                   (SELECT total(rows_rejected) FROM ingests WHERE run_id=r.id),
                   (SELECT count(*) FROM run_results WHERE run_id=r.id),
                   (SELECT count(*) FROM run_results WHERE run_id=r.id AND recommended=1),
                   (SELECT group_concat(x, ', ') FROM (SELECT name || ' ' || printf('%.2f', seconds) || 's' AS x FROM stages WHERE run_id=r.id AND seconds IS NOT NULL ORDER BY rowid)),
                   (SELECT total(seconds) FROM stages WHERE run_id=r.id)
            FROM runs r ORDER BY r.id DESC LIMIT ?
            """)
        try runs.bind([.integer(Int64(limit))])
        // A run still `running` while no command holds the store's lock was killed: say so
        // now; the next command that writes records it (`RunRecorder`).
        let commandAlive = RunLock.holder(storePath: db) != nil
        var any = false
        while try runs.step() {
            any = true
            let id = runs.int(0)
            var line = "#\(id)  \(runs.text(2) ?? "")  \(runs.text(1) ?? "")"
            if let asOf = runs.text(3), !asOf.isEmpty { line += "  as-of \(asOf)" }
            let outcome = runs.text(4) ?? ""
            line += outcome == "running" && !commandAlive
                ? "  interrupted (its process ended before the run finished; the next run, ingest or report records it so)"
                : "  \(outcome)"
            line += String(format: "  %.2f s", runs.double(11))
            print(line)
            print("    rows read \(Progress.count(Int64(runs.double(6)))), rejected \(Progress.count(Int64(runs.double(7)))), SKUs \(Progress.count(Int64(runs.int(8)))), recommendations \(Progress.count(Int64(runs.int(9))))")
            if let stages = runs.text(10), !stages.isEmpty { print("    stages: \(stages)") }
            if let message = runs.text(5), !message.isEmpty { print("    \(message)") }
        }
        if !any { print("no runs recorded in \(db)") }
        return 0
    }
}
