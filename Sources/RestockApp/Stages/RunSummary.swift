import Foundation
import RestockCore

/// `summary.json` (CONTRACT.md §4): the run, for schedulers and monitoring.
struct RunSummary: Codable, Sendable {
    struct Counts: Codable, Sendable {
        var file: String?
        var kind: String?
        var rows_read: Int
        var rows_new: Int
        var rows_replaced: Int
        var duplicates: Int
        var rows_rejected: Int
        /// For a file identical to one loaded before and not read again: that ingest's id.
        var unchanged_since_ingest: Int64?
    }

    struct Stage: Codable, Sendable {
        var name: String
        var seconds: Double
        var rows: Int
    }

    var run_id: Int64
    var as_of: String
    var outcome: String
    var message: String?
    var settings: [String: String]
    var files: [Counts]
    var totals: Counts
    var unmatched_backorders: Int
    var skus: Int
    var recommendations: Int
    var rejects: Int
    var stages: [Stage]
    var started_at: String
    var finished_at: String
    var report_folder: String?
    /// Entries named like input files that were not read (absent when there are none).
    var skipped_files: [SkippedInput]? = nil
    /// The stale-data note (absent when the data is recent).
    var stale_data: String? = nil

    static func counts(_ c: FileCounts, named: Bool) -> Counts {
        Counts(file: named ? c.file : nil, kind: named ? c.kind.rawValue : nil, rows_read: c.rowsRead, rows_new: c.rowsNew,
               rows_replaced: c.rowsReplaced, duplicates: c.duplicates, rows_rejected: c.rowsRejected,
               unchanged_since_ingest: c.unchangedSinceIngest)
    }

    /// Pretty JSON with sorted keys and a final newline.
    func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return Array(data) + [0x0A]
    }
}
