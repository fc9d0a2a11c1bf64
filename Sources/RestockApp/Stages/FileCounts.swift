import RestockCore

/// What ingest did with one input file (README, "Bad rows, keys and loading again":
/// rows read = new + replaced + duplicates + rejected).
struct FileCounts: Sendable, Codable, Hashable {
    var file: String
    var kind: FileKind
    var rowsRead = 0
    var rowsNew = 0
    var rowsReplaced = 0
    var duplicates = 0
    var rowsRejected = 0
    /// Set when the file was identical to one loaded before and so not read again.
    var unchangedSinceIngest: Int64?
    /// Whether an unchanged file was known to be so without being read at all: no one had
    /// written to it since an earlier ingest fingerprinted it (`IngestLedger.knownFingerprint`).
    var unchangedUnread = false
    /// The shop export format the file was read as; nil for restock's own columns.
    var format: ExportFormat?
    /// Records of a shop export that hold nothing for restock by the format's layout (not
    /// rows: the identity above counts rows handed to the parser).
    var recordsSkipped: Int?

    /// Records that the file was read as `format`, skipping `skipped` records.
    mutating func note(format: ExportFormat, skipped: Int) {
        self.format = format
        recordsSkipped = skipped
    }

    init(file: String, kind: FileKind) {
        self.file = file
        self.kind = kind
    }

    /// Whether the counts identity holds.
    var balances: Bool { rowsRead == rowsNew + rowsReplaced + duplicates + rowsRejected }

    mutating func add(_ other: FileCounts) {
        rowsRead += other.rowsRead
        rowsNew += other.rowsNew
        rowsReplaced += other.rowsReplaced
        duplicates += other.duplicates
        rowsRejected += other.rowsRejected
    }
}
