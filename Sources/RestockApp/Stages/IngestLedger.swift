import Foundation
import RestockCore
import SQLite

/// The ingests table as the ingest stage uses it: one row per file read (or skipped as
/// unchanged), with its counts, and the rejects an earlier ingest kept.
struct IngestLedger {
    private let db: Connection
    private let findUnchanged: Statement
    private let findFingerprint: Statement
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
        findFingerprint = try db.prepare("""
            SELECT fingerprint FROM ingests
            WHERE file=? AND size=? AND modified_ns=? AND changed_ns=? AND file_id=? AND fingerprint LIKE 'c1:%'
            ORDER BY id DESC LIMIT 1
            """)
        insertIngest = try db.prepare("""
            INSERT INTO ingests(run_id, file, path, kind, size, modified_ns, fingerprint, unchanged_of,
              rows_read, rows_new, rows_replaced, duplicates, rows_rejected, ingested_at, changed_ns, file_id)
            VALUES(?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, ?, ?, ?)
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

    /// The content fingerprint an earlier ingest took of this very file, when nothing has
    /// written to it since: the same name, size and modification time, the same status change
    /// time (`InputFile.changedNanoseconds`) and the same device and inode. nil otherwise, and
    /// for a file whose change time was not recorded (see `settled`): it is read whole and
    /// fingerprinted.
    func knownFingerprint(_ file: InputFile) throws -> String? {
        guard !file.fileID.isEmpty else { return nil }
        findFingerprint.reset()
        defer { findFingerprint.reset() }
        try findFingerprint.bind([.text(file.name), .integer(file.size), .integer(file.modifiedNanoseconds),
                                  .integer(file.changedNanoseconds), .text(file.fileID)])
        return try findFingerprint.step() ? findFingerprint.text(0) : nil
    }

    /// Whether a file last changed at `changedNanoseconds` had been left alone for
    /// `settleNanoseconds` when the ingest began at `startNanoseconds`. Only then is its change
    /// time recorded for `knownFingerprint`: a write in the same tick of a coarse file-system
    /// clock as the change time seen could otherwise leave that time as it was.
    static func settled(changedNanoseconds: Int64, startNanoseconds: Int64) -> Bool {
        changedNanoseconds > 0 && changedNanoseconds <= startNanoseconds - settleNanoseconds
    }

    /// 2 s: the coarsest time stamps of the file systems in use (FAT keeps times to 2 s;
    /// restock trusts change times only on `InputFile.localFileSystems`, all finer).
    static let settleNanoseconds: Int64 = 2_000_000_000

    /// Records the file with zero counts; returns the ingest's id. `settled`: whether its
    /// change time and identity may vouch for `fingerprint` next time (`knownFingerprint`;
    /// only a file with an identity, `InputFile.fileID`, can be settled).
    func insert(_ file: InputFile, fingerprint: String, runId: Int64?, unchangedOf: Int64?, settled: Bool) throws -> Int64 {
        insertIngest.reset()
        try insertIngest.bind([runId.map { .integer($0) } ?? .null, .text(file.name), .text(file.path), .text(file.kind.rawValue),
                               .integer(file.size), .integer(file.modifiedNanoseconds), .text(fingerprint),
                               unchangedOf.map { .integer($0) } ?? .null, .text(now),
                               settled ? .integer(file.changedNanoseconds) : .null,
                               settled ? .text(file.fileID) : .null])
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
