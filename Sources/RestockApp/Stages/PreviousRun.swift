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
        try save(db, runId: runId, figures: figures, keep: keep) {}
    }

    /// `save`, whose transaction commits only if `beforeCommit` (run last, inside it) returns:
    /// when it throws, the store keeps none of the run's figures.
    static func save<T>(_ db: Connection, runId: Int64, figures: [SKUFigures], keep: Int = 10,
                        beforeCommit: () throws -> T) throws -> T {
        try db.transaction {
            // The run's rows are cleared, then inserted with a plain INSERT: INSERT OR REPLACE
            // would make SQLite keep a statement journal, a copy of the page each row changes
            // (16 KiB a row, written to a temporary file: 0.5 s of a 100,000-SKU report).
            let clear = try db.prepare("DELETE FROM run_results WHERE run_id = ?")
            try clear.bind([.integer(runId)])
            try clear.run()
            let insert = try db.prepare("""
                INSERT INTO run_results(run_id, sku, reorder_point, reorder_point_increase, order_now_units,
                  revenue_at_risk, recommended) VALUES(?, ?, ?, ?, ?, ?, ?)
                """)
            // By index, so that no SKU's figures are copied.
            for i in figures.indices {
                insert.reset()
                try insert.bind(int: runId, at: 1)
                try insert.bind(text: figures[i].sku, at: 2)
                try insert.bind(real: figures[i].reorderPoint, at: 3)
                try insert.bind(real: figures[i].reorderPointIncrease, at: 4)
                try insert.bind(real: figures[i].orderNowUnits, at: 5)
                try insert.bind(real: figures[i].revenueAtRisk, at: 6)
                try insert.bind(int: figures[i].isRecommended ? 1 : 0, at: 7)
                try insert.run()
            }
            // The oldest of the newest `keep` runs, found by seeking the primary key (no scan).
            var oldestKept: Int64?
            for _ in 0..<keep {
                guard let id = try db.scalarInt("SELECT max(run_id) FROM run_results WHERE run_id < ?", [.integer(oldestKept ?? Int64.max)])
                else { break }
                oldestKept = id
            }
            if let oldestKept {
                let forget = try db.prepare("DELETE FROM run_results WHERE run_id < ?")
                try forget.bind([.integer(oldestKept)])
                try forget.run()
            }
            return try beforeCommit()
        }
    }
}
