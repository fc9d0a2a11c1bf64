import Foundation
import RestockCore
import SQLite

/// Stage 1: loads input files into the store (README, "Input files").
///
/// The whole ingest is one transaction: a file that cannot be read rolls everything back,
/// so the store is exactly as before. Parsing runs on its own thread and hands batches of
/// parsed rows to the writer on this thread through a bounded queue.
///
/// Input: the data folder's files (`files(in:)`). Output: `Result`, each file's counts and
/// the rejects, for the report.
struct IngestStage {
    /// The stage's name in the store and in summary.json.
    static let name = "ingest"
    /// Parsed rows handed from the parser thread to the writer at a time: one hand-off per
    /// 4,096 rows costs nothing next to writing them.
    static let batchRows = 4_096
    /// Batches the parser may run ahead of the writer: enough to ride out a slow write, while
    /// parsed rows held stay at `batchRows` x 8 (32,768).
    static let batchesAhead = 8

    var files: [InputFile]
    var timeZone: TimeZone
    /// Read files again even when they are identical to ones loaded before.
    var reload: Bool
    var runId: Int64?
    /// `--format`, `--date-order`, `--map` (README, "Input files from your shop system").
    var formats = FormatChoice()
    /// When the ingest began, nanoseconds since 1970, for `IngestLedger.settled`; nil: the
    /// clock when it runs. (Tests give a time to stand for a file left alone, or not.)
    var startNanoseconds: Int64?

    struct Result: Sendable {
        var files: [FileCounts]
        var totals: FileCounts
        /// The rejects of this ingest, and those carried by unchanged files, in file then line order.
        var rejects: [Rejection]
        /// Entries of the data folder named like input files that are not regular files.
        var skipped: [SkippedInput] = []

        /// No ingest (`restock report`).
        static let none = Result(files: [], totals: FileCounts(file: "total", kind: .orders), rejects: [])

        /// The stage's line on stderr.
        func progressLine(files: Int) -> String {
            let t = totals
            return "\(files) files, \(Progress.count(Int64(t.rowsRead))) rows read: \(Progress.count(Int64(t.rowsNew))) new, "
                + "\(Progress.count(Int64(t.rowsReplaced))) replaced, \(Progress.count(Int64(t.duplicates))) duplicates, "
                + "\(Progress.count(Int64(t.rowsRejected))) rejected" + formatsRead
        }

        /// The shop export formats the files were read as, each with its number of files
        /// ("; read as Shopify orders export (2 files), mapped columns (1 file)"); empty when
        /// every file has restock's own columns.
        var formatsRead: String {
            var formats: [ExportFormat] = []
            var filesOf: [ExportFormat: Int] = [:]
            for format in files.compactMap(\.format) {
                if filesOf[format] == nil { formats.append(format) }
                filesOf[format, default: 0] += 1
            }
            guard !formats.isEmpty else { return "" }
            return "; read as " + formats.map { f in "\(f.title) (\(filesOf[f]!) file\(filesOf[f]! == 1 ? "" : "s"))" }
                .joined(separator: ", ")
        }
    }

    /// The input files of the data folder `data`, its mapping file, and the entries skipped
    /// (to be named); a folder without an orders file fails.
    static func files(in data: String, formats: FormatChoice) throws -> DataFolder {
        let folder = try DataFolder(paths: [data], formats: formats)
        if !folder.files.contains(where: { $0.kind == .orders }) {
            throw RunError("no orders file in '\(data)': restock needs at least one (orders*.csv, or a shop's orders export it recognises by its header).\(folder.skippedSentences)")
        }
        return folder
    }

    /// A batch of parsed records, or the file-level error that ends the file.
    private enum Batch: Sendable {
        case rows([Swift.Result<InputRow, Rejection>])
        /// The file's format, once its header is read, and records its layout skips.
        case format(ExportFormat, skipped: Int)
        case failed(CSVError)
    }

    /// Loads every file in one transaction; returns each file's counts and the rejects. A first
    /// load writes through a rollback journal, back to WAL once it has ended (`FirstLoadJournal`).
    func run(store: Store, progress: Progress) throws -> Result {
        let journal = try FirstLoadJournal(store.db)
        // Whether the load committed or failed; a store left in the rollback journal (a reader
        // held it too long to switch) is consistent, and the next writing command switches it back.
        defer { journal.restoreWAL() }
        return try loadAll(db: store.db, progress: progress)
    }

    /// The files, one after the other, in one transaction.
    private func loadAll(db: Connection, progress: Progress) throws -> Result {
        let writer = try RowWriter(db)
        let ledger = try IngestLedger(db)
        let orderHeaders = try OrderHeaderFiles.index(of: files, formats: formats)
        // A file untouched since an earlier ingest fingerprinted it is not read to prove it
        // unchanged; --reload reads and fingerprints every file.
        let start = startNanoseconds ?? Self.nowNanoseconds()
        let known = reload ? [] : try files.map { try ledger.knownFingerprint($0) }
        let fingerprints = FingerprintsAhead(files, known: known)
        defer { fingerprints.cancel() }
        return try db.transaction {
            var result = Result.none
            var rowsDone: Int64 = 0
            for (index, file) in files.enumerated() {
                let asScanned = try fingerprints.asScanned(index)
                let settled = asScanned && IngestLedger.settled(changedNanoseconds: file.changedNanoseconds, startNanoseconds: start)
                let counts = try ingest(file, fingerprint: try fingerprints.fingerprint(index), settled: settled,
                                        fingerprintKnown: index < known.count && known[index] != nil,
                                        ledger: ledger, writer: writer,
                                        orderHeaders: orderHeaders, rejects: &result.rejects) { fileRows, note in
                    progress.update(done: rowsDone + fileRows, total: nil, note: note, unit: "rows")
                }
                rowsDone += Int64(counts.rowsRead)
                Trace.mark("ingest \(file.name)")
                result.files.append(counts)
                result.totals.add(counts)
            }
            // What the new rows change in the per-SKU digests, in the same transaction.
            progress.update(done: rowsDone, total: nil, note: "per-SKU totals updated", unit: "rows")
            try writer.finish()
            Trace.mark("ingest: per-SKU digests")
            return result
        }
    }

    /// The wall clock, nanoseconds since 1970 (the time base of files' change times).
    static func nowNanoseconds() -> Int64 {
        var t = timespec()
        clock_gettime(CLOCK_REALTIME, &t)
        return t.nanoseconds
    }

    /// Records one file in the ingests table and loads it, or, when it is identical to a file
    /// loaded before (and not `reload`), carries that ingest's rejects instead of reading it.
    /// `fingerprint` is the file's whole-content fingerprint (`FingerprintsAhead`): taken now,
    /// or, when `fingerprintKnown`, the one an earlier ingest took of the file no one has
    /// written since. `settled`: whether the file's change time may vouch for it next time.
    private func ingest(_ file: InputFile, fingerprint: String, settled: Bool, fingerprintKnown: Bool,
                        ledger: IngestLedger, writer: RowWriter,
                        orderHeaders: OrderHeaderIndex, rejects: inout [Rejection],
                        progress: (Int64, String) -> Void) throws -> FileCounts {
        var counts = FileCounts(file: file.name, kind: file.kind)
        let unchangedOf = reload ? nil : try ledger.unchangedOf(file, fingerprint: fingerprint)
        let ingestId = try ledger.insert(file, fingerprint: fingerprint, runId: runId, unchangedOf: unchangedOf, settled: settled)
        if let unchangedOf {
            counts.unchangedSinceIngest = unchangedOf
            counts.unchangedUnread = fingerprintKnown
            counts.format = try ledger.format(of: unchangedOf) ?? Self.headerFormat(of: file, formats: formats)
            rejects += try ledger.rejects(of: unchangedOf)
            progress(0, "\(file.name) unchanged")
        } else {
            try load(file, ingestId: ingestId, writer: writer, orderHeaders: orderHeaders, counts: &counts,
                     rejects: &rejects) { progress($0, file.name) }
            if let format = counts.format { progress(Int64(counts.rowsRead), "\(file.name) (\(format.title))") }
        }
        try ledger.update(ingestId, counts: counts)
        return counts
    }

    /// The shop export format the header line of `file` says, for an unchanged file whose
    /// ingest has none stored (loaded before the store kept formats, README "The store");
    /// nil for restock's own columns or a header that cannot be read now.
    private static func headerFormat(of file: InputFile, formats: FormatChoice) -> ExportFormat? {
        guard let reader = try? CSVReader(path: file.path, fileName: file.name, chunkSize: 1 << 16,
                                          delimiter: formats.delimiter(fileName: file.name)) else { return nil }
        var header: [String] = []
        guard (try? reader.next(into: &header)) != nil else { return nil }
        let format = ExportIngest.format(header: header, fileName: file.name, kind: file.kind, choice: formats)
        return format == .restock ? nil : format
    }

    /// Reads one file: a parser thread produces batches, this thread writes them.
    private func load(_ file: InputFile, ingestId: Int64, writer: RowWriter, orderHeaders: OrderHeaderIndex, counts: inout FileCounts,
                      rejects: inout [Rejection], progress: (Int64) -> Void) throws {
        let queue = BoundedQueue<Batch>(capacity: Self.batchesAhead)
        let zone = timeZone, formats = self.formats
        let producer = Thread {
            Self.produce(file: file, timeZone: zone, formats: formats, orderHeaders: orderHeaders, into: queue)
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
            case .format(let format, let skipped):
                counts.note(format: format, skipped: skipped)
            case .rows(let rows):
                do {
                    for index in rows.indices {
                        counts.rowsRead += 1
                        switch rows[index] {
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
        try writer.flush()
    }

    /// The parser thread's work: header, then records in batches.
    private static func produce(file: InputFile, timeZone: TimeZone, formats: FormatChoice, orderHeaders: OrderHeaderIndex,
                                into queue: BoundedQueue<Batch>) {
        defer { queue.close() }
        do {
            let reader = try CSVReader(path: file.path, fileName: file.name, delimiter: formats.delimiter(fileName: file.name))
            var fields: [String] = []
            guard let headerLine = try reader.next(into: &fields) else {
                throw CSVError(kind: .badHeader, file: file.name, line: 1, problem: "the file is empty: it has no header row",
                               hint: "export the file again with its header row")
            }
            var parser = try ExportIngest(header: fields, headerLine: headerLine, fileName: file.name, kind: file.kind,
                                          choice: formats, dates: DateTimeParser(timeZone: timeZone), orderHeaders: orderHeaders)
            var batch: [Swift.Result<InputRow, Rejection>] = []
            batch.reserveCapacity(batchRows)
            while let line = try reader.next(into: &fields) {
                try parser.parse(fields, line: line, into: &batch)
                if batch.count >= batchRows {
                    if !queue.put(.rows(batch)) { return }
                    batch.removeAll(keepingCapacity: true)
                }
            }
            try parser.finish(into: &batch)
            if !batch.isEmpty { queue.put(.rows(batch)) }
            if parser.format != .restock { queue.put(.format(parser.format, skipped: parser.skipped)) }
        } catch let error as CSVError {
            queue.put(.failed(error))
        } catch {
            queue.put(.failed(CSVError(kind: .unreadable, file: file.name, line: nil, problem: "\(error)", hint: "check the file")))
        }
    }
}
