import Foundation
import RestockCore
import SQLite

/// The ingests table as the ingest stage uses it: one row per file read (or skipped as
/// unchanged), with its counts, and the rejects an earlier ingest kept.
struct IngestLedger {
    private let db: Connection
    private let findUnchanged: Statement
    private let insertIngest: Statement
    private let updateIngest: Statement
    private let carriedRejects: Statement
    private let formatOf: Statement
    /// When this ingest happened, for every row it records.
    private let now = ISO8601DateFormatter().string(from: Date())


    init(_ db: Connection) throws {
        self.db = db
        findUnchanged = try db.prepare("""
            SELECT COALESCE(unchanged_of, id) FROM ingests
            WHERE file=? AND size=? AND modified_ns=? AND fingerprint=? ORDER BY id DESC LIMIT 1
            """)
        insertIngest = try db.prepare("""
            INSERT INTO ingests(run_id, file, path, kind, size, modified_ns, fingerprint, unchanged_of,
              rows_read, rows_new, rows_replaced, duplicates, rows_rejected, ingested_at)
            VALUES(?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, ?)
            """)
        updateIngest = try db.prepare("""
            UPDATE ingests SET rows_read=?, rows_new=?, rows_replaced=?, duplicates=?, rows_rejected=?, format=? WHERE id=?
            """)
        formatOf = try db.prepare("SELECT format FROM ingests WHERE id=?")
        carriedRejects = try db.prepare("SELECT \(try RejectRecords.selectList(db)) FROM rejects WHERE ingest_id=? ORDER BY rowid")
    }

    /// The ingest whose rows an identical file (same name, size, modification time and
    /// fingerprint) was loaded in, nil when there is none.
    func unchangedOf(_ file: InputFile, fingerprint: String) throws -> Int64? {
        findUnchanged.reset()
        defer { findUnchanged.reset() }
        try findUnchanged.bind([.text(file.name), .integer(file.size), .integer(file.modifiedNanoseconds), .text(fingerprint)])
        // The query's one column: the first ingest of that content.
        return try findUnchanged.step() ? findUnchanged.int64(0) : nil
    }

    /// Records the file with zero counts; returns the ingest's id.
    func insert(_ file: InputFile, fingerprint: String, runId: Int64?, unchangedOf: Int64?) throws -> Int64 {
        insertIngest.reset()
        try insertIngest.bind([runId.map { .integer($0) } ?? .null, .text(file.name), .text(file.path), .text(file.kind.rawValue),
                               .integer(file.size), .integer(file.modifiedNanoseconds), .text(fingerprint),
                               unchangedOf.map { .integer($0) } ?? .null, .text(now)])
        try insertIngest.run()
        return db.lastInsertRowID
    }

    /// Sets the ingest's counts and format.
    func update(_ ingestId: Int64, counts: FileCounts) throws {
        updateIngest.reset()
        try updateIngest.bind([.integer(Int64(counts.rowsRead)), .integer(Int64(counts.rowsNew)), .integer(Int64(counts.rowsReplaced)),
                               .integer(Int64(counts.duplicates)), .integer(Int64(counts.rowsRejected)),
                               counts.format.map { .text($0.rawValue) } ?? .null, .integer(ingestId)])
        try updateIngest.run()
    }

    /// The shop export format an earlier ingest read its file as; nil for restock's own columns.
    func format(of ingestId: Int64) throws -> ExportFormat? {
        formatOf.reset()
        defer { formatOf.reset() }
        try formatOf.bind([.integer(ingestId)])
        return try formatOf.step() ? formatOf.text(0).flatMap(ExportFormat.init(rawValue:)) : nil
    }

    /// The rejects an earlier ingest kept, in their order.
    func rejects(of ingestId: Int64) throws -> [Rejection] {
        carriedRejects.reset()
        try carriedRejects.bind([.integer(ingestId)])
        var rejects: [Rejection] = []
        while try carriedRejects.step() {
            rejects.append(try RejectRecords.rejection(carriedRejects))
        }
        return rejects
    }
}
