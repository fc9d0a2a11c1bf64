import Foundation
import Testing
@testable import RestockApp
import RestockCore

@Suite struct PreviousRunTests {
    @Test func keepsTheFiguresOfTheTenNewestRunsOnly() throws {
        let db = temporaryFolder() + "/store.sqlite"
        let store = try Store(path: db)
        for run in Int64(1)...12 {
            try store.db.execute("INSERT INTO runs(id, command, pid, started_at, settings) VALUES(\(run), 'run', 1, '', '{}')")
            var f = SKUFigures(sku: "A")
            f.reorderPoint = Double(run)
            try PreviousRun.save(store.db, runId: run, figures: [f, SKUFigures(sku: "B")])
        }
        #expect(try dump(db, "SELECT DISTINCT run_id FROM run_results ORDER BY 1").map { Int($0[0])! } == Array(3...12))
        #expect(try dump(db, "SELECT count(*) FROM run_results") == [["20"]])
    }
}
