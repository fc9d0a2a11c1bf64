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

    @Test func figuresAreKeptOnlyWhenWhatRunsBeforeTheCommitSucceeds() throws {
        struct FilesFailed: Error {}
        let db = temporaryFolder() + "/store.sqlite"
        let store = try Store(path: db)
        for run in Int64(1)...2 {
            try store.db.execute("INSERT INTO runs(id, command, pid, started_at, settings) VALUES(\(run), 'run', 1, '', '{}')")
        }
        try PreviousRun.save(store.db, runId: 1, figures: [SKUFigures(sku: "A"), SKUFigures(sku: "B")])
        // Run 2's report files fail while its figures are in the open transaction: none are kept.
        #expect(throws: FilesFailed.self) {
            try PreviousRun.save(store.db, runId: 2, figures: [SKUFigures(sku: "A")]) { throw FilesFailed() }
        }
        #expect(try dump(db, "SELECT run_id, sku FROM run_results ORDER BY 1, 2") == [["1", "A"], ["1", "B"]])
        // Saved again for the same run (its rows replaced, not added to): A and C, B gone.
        var c = SKUFigures(sku: "C")
        c.reorderPoint = 7
        #expect(try PreviousRun.save(store.db, runId: 1, figures: [SKUFigures(sku: "A"), c]) { 42 } == 42)
        #expect(try dump(db, "SELECT run_id, sku, reorder_point FROM run_results ORDER BY 1, 2") == [["1", "A", "0.0"], ["1", "C", "7.0"]])
    }
}
