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
        try journal.restoreWAL()
        #expect(try store.db.scalarText("PRAGMA journal_mode") == "wal")
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
