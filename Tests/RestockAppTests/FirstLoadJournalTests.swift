import Foundation
import Testing
@testable import RestockApp
import SQLite

/// A store's first load writes through a rollback journal, and the store is in WAL again once
/// the load has ended (README, "The store").
@Suite struct FirstLoadJournalTests {
    func journalMode(_ db: String) throws -> String? {
        try Connection(path: db).scalarText("PRAGMA journal_mode")
    }

    @Test func aStoreWithoutOrderLinesLoadsThroughARollbackJournal() throws {
        let db = temporaryFolder() + "/s.sqlite"
        let store = try Store(path: db)
        #expect(try store.db.scalarText("PRAGMA journal_mode") == "wal")
        let journal = try FirstLoadJournal(store.db)
        #expect(journal.isRollback)
        #expect(try store.db.scalarText("PRAGMA journal_mode") == "delete")
        #expect(journal.restoreWAL())
        #expect(try store.db.scalarText("PRAGMA journal_mode") == "wal")
    }

    @Test func aFirstLoadWhileAnotherConnectionHasTheStoreOpenGoesThroughTheLog() throws {
        let db = temporaryFolder() + "/s.sqlite"
        let store = try Store(path: db)
        // Another program reading the store (an SQLite shell, a `restock sku`): SQLite refuses
        // to change the journal then, and the load goes through the write-ahead log.
        let reader = try Connection(path: db, readOnly: true)
        #expect(try reader.scalarInt("SELECT count(*) FROM order_lines") == 0)
        let journal = try FirstLoadJournal(store.db)
        #expect(!journal.isRollback)
        #expect(try store.db.scalarText("PRAGMA journal_mode") == "wal")
        #expect(journal.restoreWAL())
    }

    @Test func aFirstRunWhileAReaderHasTheStoreOpenLoadsAndReports() throws {
        let work = temporaryFolder()
        let db = work + "/s.sqlite"
        _ = try Store(path: db)
        let reader = try Connection(path: db, readOnly: true)
        #expect(try reader.scalarInt("SELECT count(*) FROM order_lines") == 0)
        let run = try runRestock(["run", "--data", EndToEndTests.sampleData, "--db", db, "--out", work + "/Reports",
                                  "--as-of", "2026-11-26", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try journalMode(db) == "wal")
        _ = reader
    }

    @Test func aFirstIngestLeavesTheStoreInWALAndTheNextLoadStaysInWAL() throws {
        let db = temporaryFolder() + "/s.sqlite"
        #expect(try runRestock(["ingest", EndToEndTests.sampleData, "--db", db, "--quiet"]).status == 0)
        #expect(try journalMode(db) == "wal")
        #expect(!FileManager.default.fileExists(atPath: db + "-journal"))
        let store = try Store(path: db)
        let journal = try FirstLoadJournal(store.db)
        #expect(!journal.isRollback)
        #expect(try store.db.scalarText("PRAGMA journal_mode") == "wal")
    }

    @Test func aFirstLoadThatFailsLeavesAnEmptyStoreInWAL() throws {
        let work = temporaryFolder()
        let db = work + "/s.sqlite"
        // products.csv loads, then an orders file without its required columns stops the load.
        try FileManager.default.copyItem(atPath: EndToEndTests.sampleData + "/products.csv", toPath: work + "/products.csv")
        try "order_id,sku\nO1,A\n".write(toFile: work + "/orders.csv", atomically: true, encoding: .utf8)
        #expect(try runRestock(["ingest", work + "/orders.csv", work + "/products.csv", "--db", db, "--quiet"]).status == 1)
        #expect(try journalMode(db) == "wal")
        #expect(try dump(db, "SELECT count(*) FROM products") == [["0"]])
    }
}
