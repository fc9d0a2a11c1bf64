import Foundation
import Testing
@testable import RestockApp
import RestockCore
import SQLite

/// The per-SKU digests an ingest keeps must always equal what the stored rows reduce to.
@Suite struct DigestTests {
    let db = temporaryFolder() + "/store.sqlite"

    /// Both digest tables, blobs as hex, in key order.
    func digests(_ path: String) throws -> [[String]] {
        try dump(path, "SELECT 'd', block, sku, hex(data) FROM sku_days ORDER BY block, sku")
            + dump(path, "SELECT 'e', sku, hex(data) FROM sku_events ORDER BY sku")
    }

    /// Loads `files` of `folder` row by row into a fresh store through the `RowWriter` that
    /// `make` gives, asking the digests to flush after every row; returns the store's path.
    func loadRowByRow(_ folder: String, _ files: [(name: String, kind: FileKind)],
                      writer make: (Connection) throws -> RowWriter) throws -> String {
        let path = temporaryFolder() + "/small.sqlite"
        let store = try Store(path: path)
        try store.checkTimeZone("UTC")
        try store.db.transaction {
            let writer = try make(store.db)
            for file in files {
                let reader = try CSVReader(path: folder + "/" + file.name, fileName: file.name)
                var fields: [String] = []
                _ = try reader.next(into: &fields)
                let parser = try RowParser(kind: file.kind, fileName: file.name, header: fields, headerLine: 1,
                                           dates: DateTimeParser(timeZone: TimeZone(identifier: "UTC")!))
                while let line = try reader.next(into: &fields) {
                    _ = try writer.write(parser.parse(fields, line: line).get())
                    try writer.digests.flushIfLarge()
                }
            }
            try writer.finish()
        }
        return path
    }

    /// The digests counted afresh from the rows, in a copy of the store.
    func rebuilt(_ path: String) throws -> [[String]] {
        let copy = temporaryFolder() + "/copy.sqlite"
        let source = try Connection(path: path)
        try source.execute("VACUUM INTO '\(copy)'")
        let connection = try Connection(path: copy)
        try connection.transaction { try DigestWriter(connection).rebuildAll() }
        return try digests(copy)
    }

    @Test func nightlyEditsLeaveTheSameDigestsAsCountingEveryRowAfresh() throws {
        let first = dataFolder([
            "orders.csv": """
            order_id,line_id,ordered_at,sku,quantity,unit_price,status
            O1,1,2026-11-01T10:00:00Z,A,2,1.5,
            O1,2,2026-11-01T10:00:00Z,B,1,,
            O2,1,2026-11-02,A,4,2.5,
            O3,1,2026-09-01,C,1,1,cancelled
            """,
            "backorders.csv": """
            backorder_id,order_id,sku,quantity,backordered_at,fulfilled_at
            B1,O1,A,1,2026-11-01T11:00:00Z,2026-11-05
            B2,O2,A,2,2026-11-02,
            B3,O9,C,1,2026-11-03,
            """,
            "receipts.csv": "po_id,sku,supplier,ordered_at,received_at,quantity\nP1,A,Acme,2026-10-01,2026-10-09,10\nP2,B,,2026-10-02,2026-10-20,\n",
        ])
        _ = try ingest([first], db: db)
        #expect(try digests(db) == rebuilt(db))
        #expect(try !digests(db).isEmpty)

        // The next night: a line moves to another SKU and day, one is cancelled, a new order
        // belongs to an old backorder's SKU, a backorder moves to another SKU and order, a
        // receipt changes.
        let second = dataFolder([
            "orders-2.csv": """
            order_id,line_id,ordered_at,sku,quantity,unit_price,status
            O1,1,2026-11-03,C,2,1.5,
            O2,1,2026-11-02,A,4,2.5,cancelled
            O9,1,2026-11-03,C,3,0.5,
            O4,1,2026-11-04,A,1,,
            """,
            "backorders-2.csv": "backorder_id,order_id,sku,quantity,backordered_at\nB2,O4,B,2,2026-11-04\n",
            "receipts-2.csv": "po_id,sku,supplier,ordered_at,received_at,quantity\nP1,A,Acme,2026-10-01,2026-10-10,12\n",
        ])
        let result = try ingest([second], db: db)
        #expect(result.totals.rowsReplaced == 4)
        #expect(try digests(db) == rebuilt(db))

        // What a run reads: C's backorder B3 is now matched by O9's line.
        let facts = try FactsReader(Connection(path: db), settings: RunSettings(asOf: CivilDate.day(year: 2026, month: 11, day: 26)))
        let inputs = try facts.next(10) ?? []
        let c = try #require(inputs.first { $0.sku == "C" })
        #expect(c.backorders.map(\.matched) == [true])
        #expect(c.orderDays.map(\.lines) == [2])   // O1/1 (moved from A) and O9/1 on 2026-11-03
        #expect(c.orderDays.map(\.backorderedLines) == [1])
        let a = try #require(inputs.first { $0.sku == "A" })
        #expect(a.orderDays.map(\.units) == [1])   // O2 cancelled, O1 moved away; O4 remains
        #expect(a.backorders.count == 1 && a.backorders[0].orderId == "O1")
        #expect(a.receipts.map(\.quantity) == [12])
    }

    @Test func aStoreFromBeforeTheDigestsCountsItsRowsWhenOpened() throws {
        // A schema-1 store with rows, as an older restock left it.
        let old = try Connection(path: db)
        try Migrator(Array(Schema.migrator.migrations.prefix(1))).migrate(old)
        try old.execute("""
            INSERT INTO order_lines(order_id, line_key, sku, day, at, quantity, unit_price, cancelled) VALUES('O1', '1', 'A', 20000, NULL, 3, 2, 0);
            INSERT INTO backorders(key, order_id, sku, quantity, b_day) VALUES('B1', 'O1', 'A', 1, 20001);
            """)
        _ = try Store(path: db)
        #expect(try dump(db, "SELECT count(*) FROM sku_days") == [["1"]])
        #expect(try dump(db, "SELECT value FROM meta WHERE key='digests'").isEmpty)
        #expect(try digests(db) == rebuilt(db))
        let facts = try FactsReader(Connection(path: db), settings: RunSettings(asOf: 20001))
        let a = try #require(try facts.next(1)?.first)
        #expect(a.orderDays == [OrderDay(day: 20000, lines: 1, units: 3, backorderedLines: 1, priceSum: 2, pricedLines: 1)])
    }

    @Test func aFlushMidIngestGivesTheSameDigestsAsOneAtTheEnd() throws {
        var orders = "order_id,ordered_at,sku,quantity,unit_price\n"
        for i in 0..<500 { orders += "O\(i),2026-\(10 + i % 2)-\(String(format: "%02d", 1 + i % 28)),S\(i % 7),\(1 + i % 3),\(i % 5 == 0 ? "" : "2.25")\n" }
        let folder = dataFolder(["orders.csv": orders, "backorders.csv": "order_id,sku,quantity,backordered_at\nO7,S0,1,2026-10-08\n"])
        _ = try ingest([folder], db: db)
        let small = try loadRowByRow(folder, [("backorders.csv", .backorders), ("orders.csv", .orders)]) {
            try RowWriter($0, digestFlushThreshold: 10)
        }
        #expect(try digests(small) == digests(db))
    }

    @Test func recordsWrittenMidIngestAndEditedAgainEqualThoseWrittenOnceAtTheEnd() throws {
        // 5 SKUs, 60 backorders (every 4th key given twice with another quantity, so the second
        // row replaces the first) and 40 receipts. With 3 edits held at most, records are
        // written, read back, edited in their bytes and written again many times over; the
        // result must be the records one write at the end gives.
        var backorders = "backorder_id,order_id,sku,quantity,backordered_at,fulfilled_at\n"
        for i in 0..<60 {
            let row = { (q: Int) in "B\(i % 45),O\(i),S\(i % 5),\(q),2026-10-\(String(format: "%02d", 1 + i % 28)),\(i % 3 == 0 ? "2026-11-02" : "")\n" }
            backorders += row(1 + i % 4)
        }
        var receipts = "po_id,sku,supplier,ordered_at,received_at,quantity\n"
        for i in 0..<40 { receipts += "P\(i),S\(i % 5),ACME,2026-09-\(String(format: "%02d", 1 + i % 20)),2026-10-\(String(format: "%02d", 1 + i % 25)),\(10 + i)\n" }
        let folder = dataFolder(["backorders.csv": backorders, "receipts.csv": receipts])
        _ = try ingest([folder], db: db)
        let small = try loadRowByRow(folder, [("backorders.csv", .backorders), ("receipts.csv", .receipts)]) {
            try RowWriter($0, eventFlushThreshold: 3)
        }
        #expect(try dump(small, "SELECT count(*) FROM sku_events") == [["5"]])
        #expect(try dump(small, "SELECT count(*) FROM backorders") == [["45"]])
        #expect(try digests(small) == digests(db))
        // The same by bytes (the default's measure): a backorder edit here is 1 + (4 + 2 or 3)
        // + (4 + 2 or 3) + 8 + 12 = 33 to 35 bytes, a receipt's 1 + (4 + 2 or 3) + 4 + 4 + 4 +
        // 1 + 8 = 28 or 29, so 100 bytes are reached every three or four edits.
        var writer: RowWriter?
        let byBytes = try loadRowByRow(folder, [("backorders.csv", .backorders), ("receipts.csv", .receipts)]) {
            writer = try RowWriter($0, eventFlushBytes: 100)
            return writer!
        }
        #expect(try digests(byBytes) == digests(db))
        // 60 backorders and 40 receipts, three or four edits a write, and the end: 25 or more.
        #expect((writer?.digests.recordWrites ?? 0) >= 25)
        // With the default limit the same folder's records are written once, at the end.
        _ = try loadRowByRow(folder, [("backorders.csv", .backorders), ("receipts.csv", .receipts)]) {
            writer = try RowWriter($0)
            return writer!
        }
        #expect(writer?.digests.recordWrites == 1)
    }
}
