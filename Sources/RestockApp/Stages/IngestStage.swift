import Foundation
import RestockCore
import SQLite

/// Stage 1: loads input files into the store (CONTRACT.md §1).
///
/// The whole ingest is one transaction: a file that cannot be read rolls everything back,
/// so the store is exactly as before. Parsing runs on its own thread and hands batches of
/// parsed rows to the writer on this thread through a bounded queue.
struct IngestStage {
    var files: [InputFile]
    var timeZone: TimeZone
    /// Read files again even when they are identical to ones loaded before.
    var reload: Bool
    var runId: Int64?

    struct Result: Sendable {
        var files: [FileCounts]
        var totals: FileCounts
        /// The rejects of this ingest, and those carried by unchanged files, in file then line order.
        var rejects: [Rejection]
        /// Entries of the data folder named like input files that are not regular files.
        var skipped: [SkippedInput] = []
    }

    /// A batch of parsed records, or the file-level error that ends the file.
    private enum Batch: Sendable {
        case rows([Swift.Result<InputRow, Rejection>])
        case failed(CSVError)
    }

    func run(store: Store, progress: Progress) throws -> Result {
        let db = store.db
        let writer = try RowWriter(db)
        let findUnchanged = try db.prepare("""
            SELECT id, COALESCE(unchanged_of, id) FROM ingests
            WHERE file=? AND size=? AND modified_ns=? AND fingerprint=? ORDER BY id DESC LIMIT 1
            """)
        let insertIngest = try db.prepare("""
            INSERT INTO ingests(run_id, file, path, kind, size, modified_ns, fingerprint, unchanged_of,
              rows_read, rows_new, rows_replaced, duplicates, rows_rejected, ingested_at)
            VALUES(?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, ?)
            """)
        let updateIngest = try db.prepare("""
            UPDATE ingests SET rows_read=?, rows_new=?, rows_replaced=?, duplicates=?, rows_rejected=? WHERE id=?
            """)
        let carriedRejects = try db.prepare("SELECT file, line, column_name, value, reason FROM rejects WHERE ingest_id=? ORDER BY rowid")
        let now = ISO8601DateFormatter().string(from: Date())

        return try db.transaction {
            var result = Result(files: [], totals: FileCounts(file: "total", kind: .orders), rejects: [])
            var rowsDone: Int64 = 0
            for file in files {
                let fingerprint = try file.fingerprint()
                var counts = FileCounts(file: file.name, kind: file.kind)
                var unchangedOf: Int64?
                if !reload {
                    findUnchanged.reset()
                    try findUnchanged.bind([.text(file.name), .integer(file.size), .integer(file.modifiedNanoseconds), .text(fingerprint)])
                    if try findUnchanged.step() {
                        unchangedOf = findUnchanged.int64(1)
                    }
                    findUnchanged.reset()
                }
                insertIngest.reset()
                try insertIngest.bind([runId.map { .integer($0) } ?? .null, .text(file.name), .text(file.path), .text(file.kind.rawValue),
                                       .integer(file.size), .integer(file.modifiedNanoseconds), .text(fingerprint),
                                       unchangedOf.map { .integer($0) } ?? .null, .text(now)])
                try insertIngest.run()
                let ingestId = db.lastInsertRowID
                if let unchangedOf {
                    counts.unchangedSinceIngest = unchangedOf
                    carriedRejects.reset()
                    try carriedRejects.bind([.integer(unchangedOf)])
                    while try carriedRejects.step() {
                        result.rejects.append(Rejection(file: carriedRejects.text(0) ?? "", line: carriedRejects.int(1),
                                                        column: carriedRejects.text(2) ?? "", value: carriedRejects.text(3) ?? "",
                                                        reason: carriedRejects.text(4) ?? ""))
                    }
                    progress.update(done: rowsDone, total: nil, note: "\(file.name) unchanged", unit: "rows")
                } else {
                    try load(file, ingestId: ingestId, writer: writer, counts: &counts, rejects: &result.rejects) { fileRows in
                        progress.update(done: rowsDone + fileRows, total: nil, note: file.name, unit: "rows")
                    }
                }
                updateIngest.reset()
                try updateIngest.bind([.integer(Int64(counts.rowsRead)), .integer(Int64(counts.rowsNew)), .integer(Int64(counts.rowsReplaced)),
                                       .integer(Int64(counts.duplicates)), .integer(Int64(counts.rowsRejected)), .integer(ingestId)])
                try updateIngest.run()
                rowsDone += Int64(counts.rowsRead)
                Trace.mark("ingest \(file.name)")
                result.files.append(counts)
                result.totals.add(counts)
            }
            // What the new rows change in the per-SKU digests, in the same transaction.
            progress.update(done: rowsDone, total: nil, note: "per-SKU totals updated", unit: "rows")
            try writer.digests.finish()
            Trace.mark("ingest: per-SKU digests")
            return result
        }
    }

    /// Reads one file: a parser thread produces batches, this thread writes them.
    private func load(_ file: InputFile, ingestId: Int64, writer: RowWriter, counts: inout FileCounts,
                      rejects: inout [Rejection], progress: (Int64) -> Void) throws {
        let queue = BoundedQueue<Batch>(capacity: 8)
        let zone = timeZone
        let producer = Thread {
            Self.produce(file: file, timeZone: zone, into: queue)
        }
        producer.stackSize = 8 << 20
        producer.start()
        var failure: Error?
        var rowsSinceProgress = 0
        while let batch = queue.take() {
            if failure != nil { continue }
            switch batch {
            case .failed(let error):
                failure = error
            case .rows(let rows):
                do {
                    for row in rows {
                        counts.rowsRead += 1
                        switch row {
                        case .success(let input):
                            switch try writer.write(input) {
                            case .new: counts.rowsNew += 1
                            case .replaced: counts.rowsReplaced += 1
                            case .duplicate: counts.duplicates += 1
                            }
                        case .failure(let rejection):
                            counts.rowsRejected += 1
                            try writer.write(rejection, ingest: ingestId)
                            rejects.append(rejection)
                        }
                    }
                    try writer.digests.flushIfLarge()
                    rowsSinceProgress += rows.count
                    if rowsSinceProgress >= 200_000 {
                        rowsSinceProgress = 0
                        progress(Int64(counts.rowsRead))
                    }
                } catch {
                    failure = error
                    queue.cancel()
                }
            }
        }
        if let failure { throw failure }
    }

    /// The parser thread's work: header, then records in batches.
    private static func produce(file: InputFile, timeZone: TimeZone, into queue: BoundedQueue<Batch>) {
        defer { queue.close() }
        do {
            let reader = try CSVReader(path: file.path, fileName: file.name)
            var fields: [String] = []
            guard let headerLine = try reader.next(into: &fields) else {
                throw CSVError(kind: .badHeader, file: file.name, line: 1, problem: "the file is empty: it has no header row",
                               hint: "export the file again with its header row")
            }
            let parser = try RowParser(kind: file.kind, fileName: file.name, header: fields, headerLine: headerLine,
                                       dates: DateTimeParser(timeZone: timeZone))
            var batch: [Swift.Result<InputRow, Rejection>] = []
            batch.reserveCapacity(4096)
            while let line = try reader.next(into: &fields) {
                batch.append(parser.parse(fields, line: line))
                if batch.count == 4096 {
                    if !queue.put(.rows(batch)) { return }
                    batch.removeAll(keepingCapacity: true)
                }
            }
            if !batch.isEmpty { queue.put(.rows(batch)) }
        } catch let error as CSVError {
            queue.put(.failed(error))
        } catch {
            queue.put(.failed(CSVError(kind: .unreadable, file: file.name, line: nil, problem: "\(error)", hint: "check the file")))
        }
    }
}
