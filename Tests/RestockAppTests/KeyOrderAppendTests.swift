import Foundation
import Testing
@testable import RestockApp
import RestockCore
import SQLite

/// Rows whose key lies above every stored key are inserted in bulk (`KeyOrderAppend`); rows
/// in any other order, and keys seen before, are told new, duplicate or replaced exactly as
/// one row at a time would (README, "Bad rows, keys and loading again").
@Suite struct KeyOrderAppendTests {
    let path = temporaryFolder() + "/restock.sqlite"
    let header = "order_id,line_id,ordered_at,sku,quantity"

    /// Writes `rows` of an orders file through a fresh `RowWriter` on the store at `path`, in
    /// one transaction, and returns what each did.
    func load(_ rows: [String]) throws -> [StoreOutcome] {
        let store = try Store(path: path)
        let parser = try RowParser(kind: .orders, fileName: "orders.csv", header: header.components(separatedBy: ","),
                                   headerLine: 1, dates: DateTimeParser(timeZone: TimeZone(identifier: "UTC")!))
        return try store.db.transaction {
            let writer = try RowWriter(store.db)
            let outcomes = try rows.enumerated().map { i, row in
                try writer.write(parser.parse(row.components(separatedBy: ","), line: i + 2).get())
            }
            try writer.finish()
            return outcomes
        }
    }

    @Test func keysOutOfOrderAndKeysTwiceCountAsOneRowAtATimeWould() throws {
        let outcomes = try load([
            "O2,1,2026-11-20,A,1",      // new: the table is empty
            "O1,1,2026-11-20,A,1",      // below O2: new, written at once
            "O3,1,2026-11-20,A,1",      // above O2: held
            "O2,1,2026-11-20,A,1",      // O2 again, the same: duplicate
            "O3,1,2026-11-20,A,2",      // O3 again (held until now), quantity 1 -> 2: replaced
            "O3,2,2026-11-20,A,1",      // above (O3, 1): held
        ])
        #expect(outcomes == [.new, .new, .new, .duplicate, .replaced, .new])
        #expect(try dump(path, "SELECT order_id, line_key, quantity, version FROM order_lines ORDER BY order_id, line_key")
                == [["O1", "1", "1.0", "0"], ["O2", "1", "1.0", "0"], ["O3", "1", "2.0", "1"], ["O3", "2", "1.0", "0"]])
    }

    @Test func aStoreLoadedBeforeSetsTheKeyThatNewRowsMustExceed() throws {
        // 600 lines in key order: two statements of 256 rows, then 88 one by one.
        let first = (0..<600).map { String(format: "O%04d,1,2026-11-20,A,1", $0) }
        #expect(try load(first) == Array(repeating: .new, count: 600))
        // The greatest stored key is (O0599, 1): O0599 again is a duplicate, (O0599, 2) is new.
        #expect(try load(["O0599,1,2026-11-20,A,1", "O0599,2,2026-11-20,A,1", "O0600,1,2026-11-20,A,3"])
                == [.duplicate, .new, .new])
        #expect(try dump(path, "SELECT count(*), sum(quantity) FROM order_lines") == [["602", "604.0"]])
    }
}

/// Ids numbered upwards without leading zeros stay in the store's key order when they gain a
/// digit (`KeyWidth`): #9999 then #10000 is appended, not written inside the table.
@Suite struct KeyWidthOrderTests {
    @Test func anIdThatGainsADigitSortsAfterEveryShorterId() {
        #expect(KeyWidth.precedes("#9999", "#10000"))
        #expect(!KeyWidth.precedes("#10000", "#9999"))
        // One width: byte order, as before ("O-0099" < "O-0100"; "B" < "a").
        #expect(KeyWidth.precedes("O-0099", "O-0100"))
        #expect(KeyWidth.precedes("B", "a"))
        #expect(!KeyWidth.precedes("#9999", "#9999"))
        // Width in UTF-8 bytes: "é" is two.
        #expect(KeyWidth.of("é") == 2 && KeyWidth.of("#10000") == 6)
    }

    @Test func backordersWithoutAnIdSortBeforeEveryIdAndByTheirOrderWhateverTheSKU() {
        let made = { (order: String, sku: String) in "\u{1F}\(order)\u{1F}\(sku)\u{1F}20000" }
        // A backorder_id: its own width. A key made from order, SKU and day: its order id's
        // width less 2^32, whatever the SKU's length.
        #expect(KeyWidth.ofBackorderKey("BO-1") == 4)
        #expect(KeyWidth.ofBackorderKey(made("O-10", "A")) == 4 - (1 << 32))
        #expect(KeyWidth.ofBackorderKey(made("O-10", "A-VERY-LONG-SKU")) == 4 - (1 << 32))
        // So O-9's made keys come before O-10's, and all before any backorder_id.
        let keys = [made("O-9", "LONG-SKU-NAME"), made("O-10", "A"), made("O-10", "B"), "BO-1", "BO-10"]
        let widths = keys.map(KeyWidth.ofBackorderKey)
        #expect(widths == widths.sorted())
    }

    @Test func theMigrationsWidthsAreTheOnesRestockComputes() throws {
        // Migration 9 computes the widths in SQL: the same numbers as Swift, bytes not
        // characters, for ids, made backorder keys and a backorder_id that begins with U+001F.
        let db = try Connection(path: temporaryFolder() + "/widths.sqlite")
        let ids = ["#10000", "O-1", "é-1", "\u{1F}O-10\u{1F}SKU-1\u{1F}20000", "\u{1F}é\u{1F}S\u{1F}1", "\u{1F}X", "\u{1F}"]
        for id in ids {
            let row = try db.prepare("SELECT \(KeyWidth.sql("?1")), (SELECT \(KeyWidth.backorderSQL) FROM (SELECT ?1 AS key))")
            try row.bind([.text(id)])
            #expect(try row.step())
            #expect(row.int64(0) == KeyWidth.of(id), "\(id.debugDescription)")
            #expect(row.int64(1) == KeyWidth.ofBackorderKey(id), "\(id.debugDescription)")
        }
    }

    @Test func ordersNumberedPastADigitAreAppendedInKeyOrder() throws {
        let db = try Connection(path: temporaryFolder() + "/width.sqlite")
        try db.execute("""
            CREATE TABLE t(id TEXT NOT NULL, w INTEGER NOT NULL, PRIMARY KEY(w, id)) WITHOUT ROWID
            """)
        let columns = [StoredColumn<Int>("w") { .integer(KeyWidth.of("#\($0)")) },
                       StoredColumn<Int>("id") { .text("#\($0)") }]
        // #9990 ... #10009: in byte order #10000 would sort before #9990; width first, every
        // number is above the ones before it.
        try db.transaction {
            let append = try KeyOrderAppend(db, table: "t", key: ["w", "id"], columns: columns)
            for number in 9_990..<10_010 { #expect(try append.hold(number), "#\(number)") }
            try append.flush()
        }
        // A later load starts above the greatest stored key (#10009), read back from the table.
        try db.transaction {
            let append = try KeyOrderAppend(db, table: "t", key: ["w", "id"], columns: columns)
            #expect(try append.hold(10_010))
            #expect(try !append.hold(9_999))   // below: the caller writes it one row at a time
            try append.flush()
        }
        #expect(try db.scalarInt("SELECT count(*) FROM t") == 21)
        let rows = try dump(db.path, "SELECT id FROM t ORDER BY w, id").map { $0[0] }
        #expect(rows.first == "#9990" && rows.last == "#10010")
    }
}

/// A bulk statement that fails part-way is an error, and its transaction's rollback leaves the
/// table as it was: the rows OR FAIL kept before the failing one go too (`KeyOrderAppend`).
@Suite struct KeyOrderAppendFailureTests {
    @Test func aRowFailingInsideABulkStatementEndsTheTransactionWithNothingStored() throws {
        let db = try Connection(path: temporaryFolder() + "/append.sqlite")
        try db.execute("CREATE TABLE t(k TEXT NOT NULL PRIMARY KEY, v INTEGER NOT NULL) WITHOUT ROWID")
        // Row 200 of the first 256 (one statement) has no value for the NOT NULL column.
        let columns = [StoredColumn<Int>("k") { .text(String(format: "K%04d", $0)) },
                       StoredColumn<Int>("v") { $0 == 199 ? .null : .integer(Int64($0)) }]
        #expect(throws: SQLiteError.self) {
            try db.transaction {
                let append = try KeyOrderAppend(db, table: "t", key: ["k"], columns: columns)
                for row in 0..<300 { _ = try append.hold(row) }
                try append.flush()
            }
        }
        #expect(try db.scalarInt("SELECT count(*) FROM t") == 0)
        // The same rows with every value present: all 300 are stored (256 in one statement).
        let whole = [columns[0], StoredColumn<Int>("v") { .integer(Int64($0)) }]
        try db.transaction {
            let append = try KeyOrderAppend(db, table: "t", key: ["k"], columns: whole)
            for row in 0..<300 { #expect(try append.hold(row)) }
            try append.flush()
        }
        #expect(try db.scalarInt("SELECT count(*) FROM t") == 300)
        #expect(try db.scalarInt("SELECT sum(v) FROM t") == 44_850)
    }
}
