import Foundation
import Testing
@testable import RestockApp
import RestockCore
import SQLite

/// The store keeps each reject's code; rejects stored before codes existed get theirs from
/// their reason.
@Suite struct RejectCodeStoreTests {
    let db = temporaryFolder() + "/restock.sqlite"

    /// Rejected rows of every fault, as (file name, content); the number faults in the
    /// columns whose rule restock 0.1 and 0.2 had too (an order's quantity now has another).
    static let badFiles = [
        "orders.csv": """
            order_id,ordered_at,sku,quantity,unit_price
            O1,2026-11-20,A,1,2,extra
            ,2026-11-20,A,1,
            O5,2026-11-20,A,1,1.5.0
            O6,2026-02-30,A,1,
            """ + "\n",
        "products.csv": "sku,service_level,case_pack\nA,0.3,\nB,,2.5\n",
        "backorders.csv": """
            order_id,sku,quantity,backordered_at,fulfilled_at,cancelled_at
            O1,A,1,2026-11-20,2026-11-21,2026-11-22
            O1,A,1,2026-11-20,2026-11-19,
            O1,A,1,2026-11-20,,2026-11-19
            O1,A,,2026-11-20,,
            """ + "\n",
        "receipts.csv": "po_id,sku,ordered_at,received_at,quantity\nP1,A,2026-11-10,2026-11-01,\nP2,A,2026-11-10,2026-11-11,-1\n",
    ]

    @Test func rejectsAreStoredWithTheirCodeAndReadBackWhenTheirFileIsUnchanged() throws {
        let folder = dataFolder(Self.badFiles)
        let first = try ingest([folder], db: db)
        #expect(first.rejects.count == 12)
        #expect(Set(first.rejects.map(\.code)).count == 12)
        let carried = try ingest([folder], db: db)
        #expect(carried.files.allSatisfy { $0.unchangedSinceIngest != nil })
        #expect(carried.rejects == first.rejects)
    }

    @Test func rejectsStoredBeforeCodesGetTheCodeTheirReasonWasWrittenFor() throws {
        // The rejects this restock makes, as they were kept before migration 3.
        let folder = dataFolder(Self.badFiles)
        let made = try ingest([folder], db: temporaryFolder() + "/new.sqlite").rejects
        let old = try Connection(path: db)
        try Migrator(Array(Schema.migrator.migrations.prefix(2))).migrate(old)
        try old.execute("""
            INSERT INTO ingests(id, file, path, kind, size, modified_ns, fingerprint, rows_read, rows_new, rows_replaced,
                                duplicates, rows_rejected, ingested_at) VALUES(1, 'x', 'x', 'orders', 0, 0, '', 0, 0, 0, 0, 0, '')
            """)
        let insert = try old.prepare("INSERT INTO rejects(ingest_id, file, line, column_name, value, reason) VALUES(1, ?, ?, ?, ?, ?)")
        for r in made {
            try insert.bind([.text(r.file), .integer(Int64(r.line)), .text(r.column), .text(r.value), .text(r.reason)])
            try insert.run()
            insert.reset()
        }
        // Read-only commands do not upgrade the store: they read the codes from the reasons.
        #expect(try read(old) == made)
        try Schema.migrator.migrate(old)
        #expect(try read(old) == made)
        #expect(try dump(db, "SELECT count(*) FROM rejects WHERE code = ''") == [["0"]])
    }

    func read(_ db: Connection) throws -> [Rejection] {
        let s = try db.prepare("SELECT \(try RejectRecords.selectList(db)) FROM rejects ORDER BY rowid")
        var out: [Rejection] = []
        while try s.step() { out.append(try RejectRecords.rejection(s)) }
        return out
    }
}
