import Foundation
import Testing
@testable import RestockApp
import SQLite

/// A store made by restock 0.3.0 (schema 4, `Stores/restock-0.3.0.sql`) opened by this
/// restock's `run` (README, "The store"): the migrations after it (5 to 9) are applied in order, its
/// rows and figures stay, and its unchanged files are not read again.
@Suite struct StoreUpgradeTests {
    static let stores = packageRoot().appendingPathComponent("Tests/RestockAppTests/Stores")
    /// 2026-11-26 00:00:00 UTC, the modification time the data files had when 0.3.0 loaded them.
    static let modified = Date(timeIntervalSince1970: 1_795_651_200)

    /// The 0.3.0 store and a copy of the data folder that made it, in a new folder.
    private func oldStore() throws -> (work: String, data: String, db: String) {
        let work = temporaryFolder()
        let data = work + "/data", db = work + "/restock.sqlite"
        let fm = FileManager.default
        try fm.copyItem(atPath: Self.stores.appendingPathComponent("restock-0.3.0-data").path, toPath: data)
        for name in try fm.contentsOfDirectory(atPath: data) {
            try fm.setAttributes([.modificationDate: Self.modified], ofItemAtPath: data + "/" + name)
        }
        let sql = try String(contentsOf: Self.stores.appendingPathComponent("restock-0.3.0.sql"), encoding: .utf8)
        try Connection(path: db).execute(sql)
        return (work, data, db)
    }

    @Test func aStoreOfRestock030IsMigratedInOrderAndKeepsItsRowsAndFigures() throws {
        let (work, data, db) = try oldStore()
        #expect(try dump(db, "PRAGMA user_version") == [["4"]])
        let rows = try storeContents(db)
        // Order lines: 4 of orders.csv (its quantity-0 line rejected), 3 of the Shopify export; 2 products.
        #expect(rows.count == 9)
        let r = try runRestock(["run", "--data", data, "--db", db, "--out", work + "/R", "--as-of", "2026-11-14", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try dump(db, "PRAGMA user_version") == [["9"]])
        // The migrations ran through a rollback journal; the store is back in WAL after them.
        #expect(try dump(db, "PRAGMA journal_mode") == [["wal"]])
        #expect(!FileManager.default.fileExists(atPath: db + "-journal"))
        // Migration 9: every keyed table's id width is its id's UTF-8 bytes ("#1001" 5, "C2" 2),
        // first in the key.
        #expect(try dump(db, "SELECT DISTINCT order_id, order_id_width FROM order_lines ORDER BY order_id_width, order_id")
                == [["1", "1"], ["2", "1"], ["C2", "2"], ["#1001", "5"], ["#1002", "5"]])
        for (table, id, width) in [("order_lines", "order_id", "order_id_width"), ("backorders", "key", "key_width"),
                                   ("receipts", "po_id", "po_id_width")] {
            #expect(try dump(db, "SELECT count(*) FROM \(table) WHERE \(width) IS NOT length(CAST(\(id) AS BLOB))") == [["0"]])
            #expect(try dump(db, "SELECT name FROM pragma_table_info('\(table)') WHERE pk = 1") == [[width]])
        }
        // Migration 8: the ingests' change time and file identity, unknown for 0.3.0's rows.
        #expect(try dump(db, "SELECT changed_ns, file_id FROM ingests WHERE id <= 3")
                == Array(repeating: ["NULL", "NULL"], count: 3))
        // Migration 4 (0.3.0's credits index) is kept, migration 5 added the format column,
        // migration 6 the order lines' shipping columns and the index of late lines, migration
        // 7 the `stocked` columns (NULL for rows loaded before: they say nothing), the index of
        // lines marked not stock and the SKU lists (none: the folder holds no list).
        #expect(try dump(db, "SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'order_lines_not_stocked'")
                == [["order_lines_not_stocked"]])
        #expect(try dump(db, "SELECT count(*) FROM sku_lists") == [["0"]])
        #expect(try dump(db, "SELECT count(*) FROM order_lines WHERE stocked IS NOT NULL") == [["0"]])
        #expect(try dump(db, "SELECT count(*) FROM products WHERE stocked IS NOT NULL") == [["0"]])
        #expect(try dump(db, "SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'order_lines_late'")
                == [["order_lines_late"]])
        #expect(try dump(db, "SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'order_lines_credits'")
                == [["order_lines_credits"]])
        #expect(try storeContents(db) == rows)
        // The three files are those 0.3.0 loaded: not read again. The Shopify export's format,
        // which 0.3.0 did not keep, is taken from its header line and kept from now on.
        #expect(try dump(db, "SELECT id, file, unchanged_of, format FROM ingests ORDER BY id") == [
            ["1", "orders-shopify.csv", "NULL", "NULL"], ["2", "orders.csv", "NULL", "NULL"], ["3", "products.csv", "NULL", "NULL"],
            ["4", "orders-shopify.csv", "1", "shopify-orders"], ["5", "orders.csv", "2", "NULL"], ["6", "products.csv", "3", "NULL"],
        ])
        let folder = work + "/R/2026-11-14"
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/summary.json"))) as? [String: Any]
        let files = try #require(summary?["files"] as? [[String: Any]])
        #expect(files.map { $0["format"] as? String } == ["shopify-orders", nil, nil])
        // The reject 0.3.0 kept for orders.csv line 6 (quantity 0) is carried to rejects.csv.
        let rejects = try String(contentsOfFile: folder + "/rejects.csv", encoding: .utf8)
        #expect(rejects.split(separator: "\n").dropFirst().map { $0.prefix(22) } == ["orders.csv,6,quantity,"])
        // TASSE: 3 + 4 (orders.csv) + 2 (Shopify #1001; #1002 is cancelled) - 1 (credit C2) = 8
        // units, the credit a return; TELLER: 2 + 1 = 3.
        let skus = try ReturnsAndCancellationsTests.skus(folder)
        #expect(skus["TASSE"]?["ordered_units"] == "8" && skus["TASSE"]?["returned_units"] == "1")
        #expect(skus["TELLER"]?["ordered_units"] == "3" && skus["TELLER"]?["returned_units"] == "0")
    }

    @Test func readingCommandsOnAnOlderStoreSayHowToBringItUpToDateAndReadItsHistoryAsItIs() throws {
        let (work, _, db) = try oldStore()
        // `sku` and `replay` compute figures from the newest schema: refused, with what to do,
        // and the store is not changed (still schema 4).
        for arguments in [["sku", "TASSE"], ["replay", "--out", work + "/R"]] {
            let r = try runRestock(arguments + ["--db", db, "--as-of", "2026-11-14"])
            #expect(r.status == 1)
            #expect(r.stderr.contains("the store '\(db)' was written by an older restock (its schema is 4, this restock's 9): the next 'restock run' brings it up to date, or 'restock report' run once now, which reads no data files"), "\(r.stderr)")
        }
        #expect(try dump(db, "PRAGMA user_version") == [["4"]])
        // `history` and `rejects` read it as it is.
        let history = try runRestock(["history", "--db", db])
        #expect(history.status == 0, "\(history.stderr)")
        let rejects = try runRestock(["rejects", "--db", db])
        #expect(rejects.status == 0 && rejects.stdout.contains("orders.csv,6,quantity,0,"), "\(rejects.stderr)")
        #expect(try dump(db, "PRAGMA user_version") == [["4"]])
        // As the message says, `restock report` alone brings it up to date; `sku` then answers.
        let report = try runRestock(["report", "--db", db, "--out", work + "/R", "--as-of", "2026-11-14", "--quiet"])
        #expect(report.status == 0, "\(report.stderr)")
        let sku = try runRestock(["sku", "TASSE", "--db", db, "--as-of", "2026-11-14"])
        #expect(sku.status == 0 && sku.stdout.hasPrefix("TASSE"), "\(sku.stderr)")
    }

    @Test func readingCommandsOnAnEmptyDatabaseSayToLoadFirst() throws {
        let db = temporaryFolder() + "/empty.sqlite"
        try Connection(path: db).execute("PRAGMA user_version = 0")
        for arguments in [["sku", "A"], ["history"], ["rejects"], ["replay", "--out", temporaryFolder()]] {
            let r = try runRestock(arguments + ["--db", db])
            #expect(r.status == 1)
            #expect(r.stderr.contains("the store '\(db)' holds nothing yet: run 'restock run' or 'restock ingest' first"), "\(arguments) \(r.stderr)")
        }
    }

    @Test func rowsStoredBeforeTheWidthsAreFoundAgainByTheirKeysAfterTheUpgrade() throws {
        // A schema-8 store holding rows as restock 0.8.5 stored them: an order numbered past a
        // digit, backorders without a backorder_id (keys made from order, SKU and day, marked
        // with U+001F, SKUs of two lengths) and with one, receipts.
        let work = temporaryFolder()
        let db = work + "/restock.sqlite"
        let old = try Connection(path: db)
        try Migrator(Array(Schema.migrator.migrations.prefix(8))).migrate(old)
        try old.execute("""
            INSERT INTO order_lines(order_id, line_key, sku, day, quantity, cancelled) VALUES
                ('9', '1', 'A', 20758, 1, 0), ('10', '1', 'LONGSKU-1', 20759, 2, 0);
            INSERT INTO backorders(key, order_id, sku, quantity, b_day) VALUES
                (char(31) || '9' || char(31) || 'A' || char(31) || '20758', '9', 'A', 1, 20758),
                (char(31) || '10' || char(31) || 'LONGSKU-1' || char(31) || '20759', '10', 'LONGSKU-1', 2, 20759),
                ('BO-7', '10', 'LONGSKU-1', 1, 20759);
            INSERT INTO receipts(po_id, sku, o_day, r_day, quantity) VALUES ('PO9', 'A', 20727, 20736, 5), ('PO10', 'A', 20737, 20746, 5);
            """)
        let data = dataFolder([
            "orders.csv": "order_id,line_id,ordered_at,sku,quantity\n9,1,2026-11-01,A,1\n10,1,2026-11-02,LONGSKU-1,2\n",
            "backorders.csv": "backorder_id,order_id,sku,quantity,backordered_at\n,9,A,1,2026-11-01\n,10,LONGSKU-1,2,2026-11-02\nBO-7,10,LONGSKU-1,1,2026-11-02\n",
            "receipts.csv": "po_id,sku,ordered_at,received_at,quantity\nPO9,A,2026-10-01,2026-10-10,5\nPO10,A,2026-10-11,2026-10-20,5\n",
        ])
        // The same rows loaded after the upgrade are duplicates: each stored key is found with
        // the width this restock computes for it (in SQL by the migration, in Swift by the load).
        let r = try runRestock(["ingest", data, "--db", db, "--reload"])
        #expect(r.status == 0, "\(r.stderr)")
        let total = r.stdout.split(separator: "\n").first { $0.hasPrefix("total") }?.split(separator: " ")
        #expect(total == ["total", "7", "0", "0", "7", "0"], "\(r.stdout)")   // read, new, replaced, duplicates, rejected
        #expect(try dump(db, "SELECT count(*), max(version) FROM order_lines") == [["2", "0"]])
        #expect(try dump(db, "SELECT count(*), max(version) FROM backorders") == [["3", "0"]])
        #expect(try dump(db, "SELECT count(*), max(version) FROM receipts") == [["2", "0"]])
        #expect(try dump(db, "PRAGMA integrity_check") == [["ok"]])
        // Made keys before backorder ids, by their order's width ("9" before "10").
        #expect(try dump(db, "SELECT order_id FROM backorders ORDER BY key_width, key") == [["9"], ["10"], ["10"]])
        #expect(try dump(db, "SELECT key FROM backorders ORDER BY key_width, key").last == ["BO-7"])
    }
}
