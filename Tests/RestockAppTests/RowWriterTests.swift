import Foundation
import Testing
@testable import RestockApp
import RestockCore
import SQLite

/// Every kind tells a new, a replaced and a duplicate row the same way: a stored key's row is
/// replaced only when some column differs once parsed (README, "Bad rows, keys and loading again").
@Suite struct RowWriterTests {
    let store: Store
    let writer: RowWriter

    init() throws {
        store = try Store(path: temporaryFolder() + "/restock.sqlite")
        writer = try RowWriter(store.db)
    }

    /// The row `cells` of a `kind` file with `header`, parsed as an ingest would.
    func row(_ kind: FileKind, _ header: String, _ cells: String) throws -> InputRow {
        let parser = try RowParser(kind: kind, fileName: "\(kind.rawValue).csv", header: header.components(separatedBy: ","),
                                   headerLine: 1, dates: DateTimeParser(timeZone: TimeZone(identifier: "UTC")!))
        return try parser.parse(cells.components(separatedBy: ","), line: 2).get()
    }

    /// Writes each row in turn and returns what each did.
    func write(_ kind: FileKind, _ header: String, _ rows: [String]) throws -> [StoreOutcome] {
        try rows.map { try writer.write(row(kind, header, $0)) }
    }

    func stored(_ sql: String) throws -> [[String]] {
        try writer.flush()
        return try dump(store.path, sql)
    }

    @Test func anOrderLineLoadedAgainIsADuplicateAndAChangedOneReplacesIt() throws {
        let header = "order_id,line_id,ordered_at,sku,quantity,unit_price"
        let outcomes = try write(.orders, header, [
            "O1,1,2026-11-20,A,2,9.5",
            "O1,1,2026-11-20,A,2.0,9.50",            // the same once parsed
            "O1,1,2026-11-20,A,3,9.5",               // quantity 2 -> 3
            "O1,1,2026-11-20T10:00:00Z,A,3,9.5",     // same day, now with a time
        ])
        #expect(outcomes == [.new, .duplicate, .replaced, .replaced])
        // 2026-11-20 is day 20777; 10:00 UTC that day is 20777 x 86400 + 36000 seconds.
        #expect(try stored("SELECT day, at, quantity, unit_price, version FROM order_lines")
                == [["20777", "\(Int64(20777 * 86400 + 36000) * 1_000_000)", "3.0", "9.5", "2"]])
    }

    @Test func aBackorderLoadedAgainIsADuplicateAndAChangedOneReplacesIt() throws {
        let header = "backorder_id,order_id,sku,quantity,backordered_at,fulfilled_at"
        let outcomes = try write(.backorders, header, [
            "B1,O1,A,1,2026-11-20,",
            "B1,O1,A,1,2026-11-20,",
            "B1,O1,A,1,2026-11-20,2026-11-22",       // fulfilled two days later: f_day 20777 + 2
            "B1,O1,A,1,2026-11-20,2026-11-22",
        ])
        #expect(outcomes == [.new, .duplicate, .replaced, .duplicate])
        #expect(try stored("SELECT b_day, f_day, version FROM backorders") == [["20777", "20779", "1"]])
    }

    @Test func aProductLoadedAgainIsADuplicateAndAChangedOneReplacesIt() throws {
        let outcomes = try write(.products, "sku,name,on_hand,unit_cost", [
            "A,Widget,4,",
            "A,Widget,4.0,",
            "A,Widget,4,1.5",                         // unit_cost: none -> 1.5
            "A,Widget,2,1.5",                         // on_hand 4 -> 2
        ])
        #expect(outcomes == [.new, .duplicate, .replaced, .replaced])
        #expect(try stored("SELECT name, on_hand, unit_cost, version FROM products") == [["Widget", "2.0", "1.5", "2"]])
    }

    @Test func aReceiptLoadedAgainIsADuplicateAndAChangedOneReplacesIt() throws {
        let header = "po_id,sku,supplier,ordered_at,received_at,quantity"
        let outcomes = try write(.receipts, header, [
            "P1,A,Acme,2026-11-01,2026-11-15,24",
            "P1,A,Acme,2026-11-01,2026-11-15,24",
            "P1,A,Acme,2026-11-01,2026-11-15,",       // quantity 24 -> none
            "P1,A,acme,2026-11-01,2026-11-15,",       // supplier differs in one byte
        ])
        #expect(outcomes == [.new, .duplicate, .replaced, .replaced])
        // 2026-11-01 and 2026-11-15 are days 20758 and 20772 (20777 - 19 and - 5).
        #expect(try stored("SELECT supplier, o_day, r_day, quantity, version FROM receipts") == [["acme", "20758", "20772", "NULL", "2"]])
    }
}
