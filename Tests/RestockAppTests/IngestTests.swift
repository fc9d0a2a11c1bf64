import Foundation
import Testing
@testable import RestockApp
import RestockCore
import SQLite

/// The rules of README, "Input files", each with a small fixture loaded into a real store.
@Suite struct IngestTests {
    let db = temporaryFolder() + "/restock.sqlite"

    @Test func loadsEveryKindAndKeepsTheCountsIdentity() throws {
        let dir = dataFolder([
            "orders.csv": "order_id,line_id,ordered_at,sku,quantity,unit_price,status\nO1,1,2026-11-20,A,2,9.5,paid\nO1,2,2026-11-20T10:00:00Z,B,1,,\nO2,1,2026-11-21,A,3,9.5,cancelled\n",
            "backorders.csv": "backorder_id,order_id,sku,quantity,backordered_at,fulfilled_at,cancelled_at\nB1,O1,A,1,2026-11-20,2026-11-25,\n",
            "products.csv": "sku,name,on_hand,reorder_point,case_pack\nA,Widget,4,10,6\n",
            "receipts.csv": "po_id,sku,supplier,ordered_at,received_at,quantity\nP1,A,Acme,2026-11-01,2026-11-15,24\n",
        ])
        let result = try ingest([dir], db: db)
        #expect(result.files.map(\.file) == ["backorders.csv", "orders.csv", "products.csv", "receipts.csv"])
        #expect(result.totals.rowsRead == 6)
        #expect(result.totals.rowsNew == 6)
        #expect(result.totals.balances)
        for f in result.files { #expect(f.balances) }
        let orders = try dump(db, "SELECT order_id, sku, day, quantity, unit_price, cancelled FROM order_lines ORDER BY order_id, line_key")
        // 2026-11-20 is day 20777 since 1970-01-01: 56 years of 365 days plus 14 leap days
        // (1972...2024) = 20454 days to 2026-01-01, plus 323 days to 20 November.
        #expect(CivilDate.day(year: 2026, month: 11, day: 20) == 20777)
        #expect(orders == [["O1", "A", "20777", "2.0", "9.5", "0"], ["O1", "B", "20777", "1.0", "NULL", "0"], ["O2", "A", "20778", "3.0", "9.5", "1"]])
    }

    @Test func readsBOMCRLFAndQuotedCommasQuotesAndNewlines() throws {
        let csv = "\u{FEFF}order_id,ordered_at,sku,quantity\r\n\"O,1\",2026-11-20,\"A \"\"big\"\" one\",1\r\n\"O\n2\",2026-11-20,B,2\r\nO3,2026-11-20,C,x\r\n"
        let dir = dataFolder(["orders.csv": csv])
        let result = try ingest([dir], db: db)
        #expect(result.totals.rowsNew == 2)
        #expect(result.totals.rowsRejected == 1)
        // Record 2 starts on line 3 and its quoted newline runs into line 4, so record 3 starts on line 5.
        #expect(result.rejects.first?.line == 5)
        let skus = try dump(db, "SELECT order_id, sku FROM order_lines ORDER BY order_id")
        #expect(skus == [["O\n2", "B"], ["O,1", "A \"big\" one"]])
    }

    @Test func matchesShuffledHeadersCaseInsensitivelyAndIgnoresUnknownColumns() throws {
        let dir = dataFolder(["orders.csv": " SKU ,Quantity,colour,ORDERED_AT,Order_ID\nA,2,red,2026-11-20,O1\n"])
        let result = try ingest([dir], db: db)
        #expect(result.totals.rowsNew == 1)
        #expect(try dump(db, "SELECT order_id, sku, quantity FROM order_lines") == [["O1", "A", "2.0"]])
    }

    @Test func rejectsLongRowsAndReadsShortRowsAsEmptyCells() throws {
        let dir = dataFolder(["orders.csv": "order_id,ordered_at,sku,quantity,unit_price\nO1,2026-11-20,A,1,2,extra\nO2,2026-11-20,A,1\nO3,2026-11-20,A\n"])
        let result = try ingest([dir], db: db)
        #expect(result.totals.rowsRead == 3)
        #expect(result.totals.rowsNew == 1)
        #expect(result.rejects.map(\.line) == [2, 4])
        #expect(result.rejects[0].reason.contains("6 cells but the header has 5 columns"))
        #expect(result.rejects[1].column == "quantity")
        #expect(result.rejects[1].reason.contains("required"))
    }

    @Test func skipsBlankLinesWithoutCountingThem() throws {
        let dir = dataFolder(["orders.csv": "order_id,ordered_at,sku,quantity\n\nO1,2026-11-20,A,1\n   \n\r\nO2,2026-11-20,A,1\n\n"])
        let result = try ingest([dir], db: db)
        #expect(result.totals.rowsRead == 2)
        #expect(result.totals.rowsNew == 2)
    }

    @Test func trimsValuesOfSpacesAndTabs() throws {
        let dir = dataFolder(["orders.csv": "order_id,ordered_at,sku,quantity\n  O1\t, 2026-11-20 ,\tA , 2 \n"])
        _ = try ingest([dir], db: db)
        #expect(try dump(db, "SELECT order_id, sku, quantity FROM order_lines") == [["O1", "A", "2.0"]])
    }

    @Test func rejectsBadNumbersAndDatesWithColumnValueAndReason() throws {
        let dir = dataFolder(["orders.csv": """
            order_id,ordered_at,sku,quantity,unit_price
            O1,2026-11-20,A,0,
            O2,2026-02-30,A,1,
            O3,2026-11-20,A,"1,5",
            O4,2026-11-20,A,NaN,
            O5,2026-11-20,A,1,-0.5
            O6,2026-11-20T24:00,A,1,
            O7,2026-13-01,A,1,
            O8,2026-11-20,A,1e400,
            O9,,A,1,
            O10,2026-11-20 23:59:59.5+01:00,A,1e3,0
            """ + "\n"])
        let result = try ingest([dir], db: db)
        #expect(result.totals.rowsRead == 10)
        #expect(result.totals.rowsNew == 1)
        #expect(result.totals.rowsRejected == 9)
        let byLine = Dictionary(uniqueKeysWithValues: result.rejects.map { ($0.line, $0) })
        #expect(byLine[2]?.column == "quantity")
        #expect(byLine[2]?.value == "0")
        #expect(byLine[2]?.reason == "quantity must be a number other than 0, got \"0\"")
        #expect(byLine[3]?.column == "ordered_at")
        #expect(byLine[4]?.value == "1,5")
        #expect(byLine[5]?.column == "quantity")
        #expect(byLine[6]?.column == "unit_price")
        #expect(byLine[7]?.column == "ordered_at")
        #expect(byLine[8]?.column == "ordered_at")
        #expect(byLine[9]?.column == "quantity")
        #expect(byLine[10]?.reason.contains("required") == true)
    }

    @Test func countsADateTimeOnItsDayInTheConfiguredTimeZone() throws {
        // 23:30 UTC on 2026-03-01 is 00:30 on 2026-03-02 in Berlin (UTC+1 in winter).
        let dir = dataFolder(["orders.csv": "order_id,ordered_at,sku,quantity\nO1,2026-03-01T23:30:00Z,A,1\nO2,2026-03-01 23:30,A,1\n"])
        _ = try ingest([dir], db: db, timeZone: "Europe/Berlin")
        let march1 = CivilDate.day(year: 2026, month: 3, day: 1)
        let days = try dump(db, "SELECT order_id, day FROM order_lines ORDER BY order_id")
        // O1 carries an offset: converted to Berlin, the next day. O2 has none: Berlin wall-clock time.
        #expect(days == [["O1", String(march1 + 1)], ["O2", String(march1)]])
    }

    @Test func fallsBackToOrderAndSKUWhenLineIdIsAbsentOrEmpty() throws {
        let dir = dataFolder(["orders.csv": "order_id,line_id,ordered_at,sku,quantity\nO1,,2026-11-20,A,1\nO1,,2026-11-20,B,1\nO1,,2026-11-20,A,5\n"])
        let result = try ingest([dir], db: db)
        // Rows 1 and 3 share the key (O1, A): the later one replaces the first.
        #expect(result.totals.rowsNew == 2)
        #expect(result.totals.rowsReplaced == 1)
        #expect(try dump(db, "SELECT sku, quantity FROM order_lines ORDER BY sku") == [["A", "5.0"], ["B", "1.0"]])
    }

    @Test func keysBackordersWithoutIdByOrderSKUAndDay() throws {
        let dir = dataFolder(["backorders.csv": "order_id,sku,quantity,backordered_at,fulfilled_at\nO1,A,1,2026-11-20T08:00:00Z,\nO1,A,1,2026-11-20T09:00:00Z,\nO1,A,1,2026-11-21,\n"])
        let result = try ingest([dir], db: db)
        // Same order, sku and day: one key, so the second row replaces the first (its time differs).
        #expect(result.totals.rowsNew == 2)
        #expect(result.totals.rowsReplaced == 1)
    }

    @Test func rejectsABackorderBothFulfilledAndCancelled() throws {
        let dir = dataFolder(["backorders.csv": "backorder_id,order_id,sku,quantity,backordered_at,fulfilled_at,cancelled_at\nB1,O1,A,1,2026-11-20,2026-11-21,2026-11-22\nB2,O1,A,1,2026-11-20,2026-11-19,\nB3,O1,A,1,2026-11-20T10:00Z,2026-11-20T09:00Z,\nB4,O1,A,1,2026-11-20T10:00Z,2026-11-20,\n"])
        let result = try ingest([dir], db: db)
        #expect(result.rejects.map(\.line) == [2, 3, 4])
        #expect(result.rejects[0].reason.contains("both fulfilled and cancelled"))
        #expect(result.rejects[1].column == "fulfilled_at")
        // B4: a date without a time compares by day, so a same-day fill is fine.
        #expect(result.totals.rowsNew == 1)
    }

    @Test func replacesAChangedRowAndCountsAnIdenticalOneAsDuplicate() throws {
        let first = dataFolder(["products.csv": "sku,name,on_hand\nA,Widget,4\nB,Gadget,1\n"])
        _ = try ingest([first], db: db)
        let second = dataFolder(["products.csv": "sku,on_hand,name\nA,4.0,Widget\nB,2,Gadget\n"])
        let result = try ingest([second], db: db)
        #expect(result.totals.duplicates == 1)   // 4 and 4.0 parse the same
        #expect(result.totals.rowsReplaced == 1)
        #expect(try dump(db, "SELECT sku, on_hand FROM products ORDER BY sku") == [["A", "4.0"], ["B", "2.0"]])
    }

    @Test func loadingTheSameFolderTwiceChangesNothing() throws {
        let dir = dataFolder([
            "orders.csv": "order_id,ordered_at,sku,quantity\nO1,2026-11-20,A,1\nO2,2026-11-20,B,2\nO3,bad,B,2\n",
            "backorders.csv": "order_id,sku,quantity,backordered_at\nO1,A,1,2026-11-20\n",
        ])
        let first = try ingest([dir], db: db)
        let before = try storeContents(db)
        let again = try ingest([dir], db: db, reload: true)
        #expect(try storeContents(db) == before)
        #expect(again.totals.rowsRead == first.totals.rowsRead)
        #expect(again.totals.duplicates == 3)
        #expect(again.totals.rowsRejected == 1)
        #expect(again.totals.rowsNew == 0 && again.totals.rowsReplaced == 0)
        // Without --reload an unchanged file is not read again, and its rejects are carried.
        let skipped = try ingest([dir], db: db)
        #expect(skipped.files.allSatisfy { $0.unchangedSinceIngest != nil && $0.rowsRead == 0 })
        #expect(skipped.rejects.count == 1)
        #expect(try storeContents(db) == before)
    }

    @Test func aBrokenQuoteOnTheLastLineLeavesTheStoreExactlyAsBefore() throws {
        let good = dataFolder(["orders.csv": "order_id,ordered_at,sku,quantity\nO1,2026-11-20,A,1\n"])
        _ = try ingest([good], db: db)
        let before = try storeContents(db)
        let ingestsBefore = try dump(db, "SELECT count(*) FROM ingests")
        let bad = dataFolder([
            "orders-2.csv": "order_id,ordered_at,sku,quantity\nO2,2026-11-20,A,1\nO3,2026-11-20,\"A,1\n",
            "backorders.csv": "order_id,sku,quantity,backordered_at\nO1,A,1,2026-11-20\n",
        ])
        #expect {
            _ = try ingest([bad], db: db)
        } throws: { error in
            guard let e = error as? CSVError else { return false }
            return e.file == "orders-2.csv" && e.line == 3 && e.problem.contains("unterminated")
        }
        #expect(try storeContents(db) == before)
        #expect(try dump(db, "SELECT count(*) FROM ingests") == ingestsBefore)
    }

    @Test func aMissingRequiredColumnFailsNamingFileAndColumn() throws {
        let dir = dataFolder(["orders.csv": "order_id,ordered_at,quantity\nO1,2026-11-20,1\n"])
        #expect {
            _ = try ingest([dir], db: db)
        } throws: { error in
            "\(error)".contains("orders.csv:1") && "\(error)".contains("'sku'")
        }
    }

    @Test func keepsRejectsInTheStoreWithTheirIngest() throws {
        let dir = dataFolder(["receipts.csv": "po_id,sku,ordered_at,received_at\nP1,A,2026-11-10,2026-11-01\n"])
        _ = try ingest([dir], db: db)
        let rows = try dump(db, "SELECT i.file, r.line, r.column_name, r.value FROM rejects r JOIN ingests i ON i.id=r.ingest_id")
        #expect(rows == [["receipts.csv", "2", "received_at", "2026-11-01"]])
    }

    @Test func readsFilesInByteOrderOfTheirNamesAndOnlyKnownPrefixes() throws {
        let dir = dataFolder([
            "orders-b.csv": "order_id,ordered_at,sku,quantity\nO1,2026-11-20,A,2\n",
            "orders-a.csv": "order_id,ordered_at,sku,quantity\nO1,2026-11-20,A,1\n",
            "Orders.csv": "not,read\n",
            "notes.txt": "ignored",
        ])
        let result = try ingest([dir], db: db)
        #expect(result.files.map(\.file) == ["orders-a.csv", "orders-b.csv"])
        // The last loaded row of a key wins.
        #expect(try dump(db, "SELECT quantity FROM order_lines") == [["2.0"]])
    }
}
