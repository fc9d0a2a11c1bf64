import Foundation
import RestockCore
import SQLite

/// `restock rejects [--run N] [--db FILE]`: the rows an ingest rejected, with file, line,
/// column, value and reason, as CSV on stdout.
enum RejectsCommand: Command {
    static let name = "rejects"
    static let help = """
    usage: restock rejects [--run N] [--db FILE]

    Prints, as CSV (file, line, column, value, reason), the rows rejected by the latest run
    that ingested files, or by run N (see 'restock history' for run numbers).

      --db FILE   the store (default restock.sqlite)
      --run N     the run whose rejects to print
    """

    static func run(_ a: inout ArgumentList) throws -> Int32 {
        let db = try a.option("db") ?? "restock.sqlite"
        let runId = try a.integer("run", in: 1...Int.max)
        try a.finish()
        let store = try Store(path: db, readOnly: true)
        try store.requireReadable(newestSchema: false)
        let id: Int64
        if let runId { id = Int64(runId) } else {
            guard let latest = try store.db.scalarInt("SELECT max(run_id) FROM ingests") else {
                print(String(decoding: RejectsFile.csv([]), as: UTF8.self), terminator: "")
                return 0
            }
            id = latest
        }
        let rejects = try RejectsFile.read(store.db, runId: id)
        FileHandle.standardOutput.write(Data(RejectsFile.csv(rejects)))
        return 0
    }
}

/// The rejects of a run, for `rejects.csv` and `restock rejects`.
enum RejectsFile {
    /// The rejects recorded by a run's ingests, and those carried by its unchanged files.
    static func read(_ db: Connection, runId: Int64) throws -> [Rejection] {
        let s = try db.prepare("""
            SELECT \(try RejectRecords.selectList(db, alias: "r"))
            FROM ingests i JOIN rejects r ON r.ingest_id = COALESCE(i.unchanged_of, i.id)
            WHERE i.run_id = ? ORDER BY i.id, r.rowid
            """)
        try s.bind([.integer(runId)])
        var out: [Rejection] = []
        while try s.step() {
            out.append(try RejectRecords.rejection(s))
        }
        return out
    }

    /// `file, line, column, value, reason` (README, "Bad rows, keys and loading again").
    static func csv(_ rejects: [Rejection]) -> [UInt8] {
        var w = CSVWriter(header: ["file", "line", "column", "value", "reason"])
        for r in rejects {
            w.append([.text(r.file), .integer(r.line), .text(r.column), .text(r.value), .text(r.reason)])
        }
        return w.bytes
    }
}
