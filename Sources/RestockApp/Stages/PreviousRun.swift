import RestockCore
import SQLite

/// The figures of the previous successful run on the same store, for "what changed".
struct PreviousRun: Sendable {
    struct Row: Sendable {
        var reorderPoint: Double
        var recommended: Bool
    }

    var runId: Int64
    var asOf: String
    var rows: [String: Row]

    /// The latest successful `run` or `report` before `runId`, nil when there is none.
    static func load(_ db: Connection, before runId: Int64) throws -> PreviousRun? {
        let find = try db.prepare("""
            SELECT id, COALESCE(as_of, '') FROM runs WHERE id < ? AND outcome='success' AND command IN ('run', 'report')
              AND EXISTS(SELECT 1 FROM run_results WHERE run_id=runs.id) ORDER BY id DESC LIMIT 1
            """)
        try find.bind([.integer(runId)])
        guard try find.step() else { return nil }
        let id = find.int64(0)
        var previous = PreviousRun(runId: id, asOf: find.text(1) ?? "", rows: [:])
        let rows = try db.prepare("SELECT sku, reorder_point, recommended FROM run_results WHERE run_id=?")
        try rows.bind([.integer(id)])
        while try rows.step() {
            previous.rows[rows.text(0) ?? ""] = Row(reorderPoint: rows.double(1), recommended: rows.int(2) != 0)
        }
        return previous
    }

    /// Keeps this run's figures for the next run's comparison, and forgets runs older than
    /// the last `keep` successful ones.
    static func save(_ db: Connection, runId: Int64, figures: [SKUFigures], keep: Int = 10) throws {
        try db.transaction {
            let insert = try db.prepare("""
                INSERT OR REPLACE INTO run_results(run_id, sku, reorder_point, reorder_point_increase, order_now_units,
                  revenue_at_risk, recommended) VALUES(?, ?, ?, ?, ?, ?, ?)
                """)
            for f in figures {
                insert.reset()
                try insert.bind([.integer(runId), .text(f.sku), .real(f.reorderPoint), .real(f.reorderPointIncrease),
                                 .optional(f.orderNowUnits), .real(f.revenueAtRisk), .integer(f.isRecommended ? 1 : 0)])
                try insert.run()
            }
            try db.execute("""
                DELETE FROM run_results WHERE run_id NOT IN (
                  SELECT DISTINCT run_id FROM run_results ORDER BY run_id DESC LIMIT \(keep))
                """)
        }
    }
}
