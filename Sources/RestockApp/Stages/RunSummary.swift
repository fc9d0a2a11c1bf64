import Foundation
import RestockCore

/// `summary.json` (README, "The report"): the run, for schedulers and monitoring.
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
        /// The shop export format the file was read as (absent for restock's own columns).
        var format: String?
        /// Records of a shop export skipped by its layout (absent for restock's own columns).
        var records_skipped: Int?
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
    /// SKUs (not left out) whose stock settings restock does not know: neither on_hand nor a
    /// reorder point in force (README, "Advice without stock levels").
    var skus_stock_unknown: Int? = nil
    /// Rows of reorder_points_to_set_up.csv.
    var reorder_points_to_set_up: Int? = nil
    /// SKUs left out of the advice as not stock (README, "Non-stock lines").
    var skus_left_out: Int? = nil
    /// Days holding a one-off bulk line, counted at the usual size (README, "One-off bulk orders").
    var one_off_days: Int? = nil
    /// Days holding a bulk line, one-off or recurring.
    var bulk_days: Int? = nil

    static func counts(_ c: FileCounts, named: Bool) -> Counts {
        Counts(file: named ? c.file : nil, kind: named ? c.kind.rawValue : nil, rows_read: c.rowsRead, rows_new: c.rowsNew,
               rows_replaced: c.rowsReplaced, duplicates: c.duplicates, rows_rejected: c.rowsRejected,
               unchanged_since_ingest: c.unchangedSinceIngest, format: named ? c.format?.rawValue : nil,
               records_skipped: named ? c.recordsSkipped : nil)
    }

    /// Pretty JSON with sorted keys and a final newline.
    func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return Array(data) + [0x0A]
    }
}
