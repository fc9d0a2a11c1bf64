import Foundation
import Testing
@testable import RestockApp
import RestockCore

/// Shop exports through the built binary (README, "Input files from your shop system"): the
/// format named in the progress line, per file in summary.json and the report; rejects on
/// the export's own lines; `--format` and `--date-order` on the command line.
@Suite struct ShopExportRunTests {
    static let formats = packageRoot().appendingPathComponent("Tests/RestockCoreTests/Fixtures/Formats").path

    private func fixture(_ name: String) throws -> String {
        try String(contentsOfFile: Self.formats + "/" + name, encoding: .utf8)
    }

    /// A Shopify orders export: order #1's first record spans lines 2-3 (a note with a line
    /// break), its second is line 4; order #2's line on line 5 has no SKU.
    static let shopify = """
        Name,Created at,Lineitem quantity,Lineitem price,Lineitem sku,Notes
        #1,2024-09-20 10:00:00 +0200,2,10.00,A,"leave at
        the door"
        #1,,1,5.00,B,
        #2,2024-09-21 10:00:00 +0200,1,10.00,,

        """

    /// summary.json's `files`.
    private func summaryFiles(_ folder: String) throws -> [[String: Any]] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/summary.json")))
        return try #require((json as? [String: Any])?["files"] as? [[String: Any]])
    }

    @Test func theFormatIsNamedInTheProgressLineSummaryAndReportAndRejectsKeepTheExportsLines() throws {
        let dir = dataFolder([
            "orders_export.csv": Self.shopify,
            "bc-orders.csv": try fixture("bigcommerce-orders.csv"),
            "products.csv": "sku,on_hand\nA,5\nB,5\n",
        ])
        let work = temporaryFolder()
        let r = try runRestock(["run", "--data", dir, "--db", work + "/s.sqlite", "--out", work + "/R", "--as-of", "2024-09-30"])
        #expect(r.status == 0, "\(r.stderr)")
        // Files in byte order of their names: bc-orders.csv, orders_export.csv, products.csv.
        #expect(r.stderr.contains("rejected; read as BigCommerce orders export (1 file), Shopify orders export (1 file)\n"))
        let folder = work + "/R/2024-09-30"
        let files = try summaryFiles(folder)
        #expect(files.map { $0["format"] as? String } == ["bigcommerce-orders", "shopify-orders", nil])
        // BigCommerce: order 101 packs 2 lines, 102 one (cancelled), 103 none (rejected): 4 rows
        // from 3 records. Shopify: 3 rows from 3 records, #2's rejected.
        let counts = files.map { f in ["rows_read", "rows_new", "rows_replaced", "duplicates", "rows_rejected"].map { f[$0] as? Int ?? -1 } }
        #expect(counts == [[4, 3, 0, 0, 1], [3, 2, 0, 0, 1], [2, 2, 0, 0, 0]])
        #expect(counts.allSatisfy { $0[0] == $0[1] + $0[2] + $0[3] + $0[4] })
        let rejects = try String(contentsOfFile: folder + "/rejects.csv", encoding: .utf8).split(separator: "\n").dropFirst()
        #expect(rejects.map { $0.split(separator: ",").prefix(3).joined(separator: ",") }
                == ["bc-orders.csv,4,Product Details", "orders_export.csv,5,Lineitem sku"])
        let html = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        #expect(html.contains("<td>orders (BigCommerce orders export)</td>"))
        #expect(html.contains("<td>orders (Shopify orders export)</td>"))
        #expect(html.contains("<td>products</td>"))
    }

    @Test func aRefundedShopifyOrderThatShippedIsAReturnAndOneThatDidNotIsNoDemand() throws {
        let dir = dataFolder(["orders_export.csv": try fixture("shopify-orders-refunds.csv")])
        let work = temporaryFolder()
        let r = try runRestock(["run", "--data", dir, "--db", work + "/s.sqlite", "--out", work + "/R", "--as-of", "2021-06-30"])
        #expect(r.status == 0, "\(r.stderr)")
        let folder = work + "/R/2021-06-30"
        // 6 records give 8 rows: the sales, and a refund note after each shipped refunded line.
        let counts = try summaryFiles(folder).map { f in ["rows_read", "rows_new", "rows_rejected"].map { f[$0] as? Int ?? -1 } }
        #expect(counts == [[8, 8, 0]])
        let skus = try String(contentsOfFile: folder + "/skus.csv", encoding: .utf8).split(separator: "\n")
        let header = skus[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let rows = skus.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init))) }
        // CUP-1: 3 (#2004, partly refunded: kept) + 1 (#2005, refunded after shipping) sold,
        // 1 returned: 3 units on 2 days. MUG-BL: 2 sold, 2 returned: no demand left, but its
        // row stays, with its returns. TEA-01, SPN-1, SAU-1: refunded before shipping or
        // voided: cancelled, no row.
        #expect(rows.map { $0["sku"] } == ["CUP-1", "MUG-BL"])
        #expect(rows.first?["ordered_units"] == "3")
        #expect(rows.first?["returned_units"] == "1")
        #expect(rows.last?["ordered_units"] == "0" && rows.last?["returned_units"] == "2")
    }

    @Test func formatForcesOneFormatAndAnUnknownNameIsAUsageErrorListingTheFormats() throws {
        let dir = dataFolder(["orders_export.csv": Self.shopify])
        let file = dir + "/orders_export.csv"
        let work = temporaryFolder()
        let forced = try runRestock(["ingest", file, "--format", "shopify-orders", "--db", work + "/a.sqlite"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stderr.contains("rows read from 1 file; read as Shopify orders export (1 file)"))
        let wrong = try runRestock(["ingest", file, "--format", "woocommerce-products", "--db", work + "/b.sqlite"])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("holds a WooCommerce products export"))
        let unknown = try runRestock(["ingest", file, "--format", "shopify", "--db", work + "/c.sqlite"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("shopify-orders, shopify-products, shopify-inventory"))
        #expect(unknown.stderr.contains("mapping file"))
        let mapping = try runRestock(["ingest", file, "--format", "mapping", "--db", work + "/d.sqlite"])
        #expect(mapping.status == 2)
        #expect(mapping.stderr.contains("--format mapping cannot be forced"))
    }

    @Test func ambiguousDatesRefuseTheFileUntilDateOrderSaysWhichComesFirst() throws {
        // 03/04/2024: 3 April day-first, 4 March month-first; restock never guesses.
        let dir = dataFolder(["orders-bc.csv": try fixture("ambiguous-dates.csv")])
        let work = temporaryFolder()
        let refused = try runRestock(["ingest", dir, "--db", work + "/s.sqlite"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("--date-order"))
        #expect(try dump(work + "/s.sqlite", "SELECT count(*) FROM order_lines") == [["0"]])
        let read = try runRestock(["ingest", dir, "--date-order", "dmy", "--db", work + "/s.sqlite"])
        #expect(read.status == 0, "\(read.stderr)")
        // 2024-04-03 is day 19,816 since 1970-01-01.
        #expect(try dump(work + "/s.sqlite", "SELECT order_id, sku, day FROM order_lines") == [["1", "A", "19816"]])
    }

    @Test func aSerialDateRefusesTheFileSayingNothingOfItWasLoaded() throws {
        let dir = dataFolder(["orders-woo.csv": try fixture("serial-dates.csv")])
        let work = temporaryFolder()
        let r = try runRestock(["ingest", dir, "--db", work + "/s.sqlite"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("orders-woo.csv:2"))
        #expect(r.stderr.contains("spreadsheet serial date"))
        #expect(r.stderr.contains("nothing of this file was loaded"))
        #expect(try dump(work + "/s.sqlite", "SELECT count(*) FROM order_lines") == [["0"]])
    }

    /// A WooCommerce products export whose stock ran below zero under "Allow backorders"
    /// (README, "products": negative stock): the row loads, skus.csv keeps on_hand as given
    /// and the inventory position counts the units owed once.
    @Test func aWooCommerceProductBelowZeroStockLoadsAndItsUnitsOwedCountOnce() throws {
        let products = """
            ID,Type,SKU,Name,In stock?,Stock,Low stock amount,Backorders allowed?,Regular price
            21,simple,MUG,Mug,onbackorder,-5,,1,12.50
            22,simple,CUP,Cup,onbackorder,-2,,1,4.00

            """
        // MUG: 3 units on an open backorder (the shop counts 5 owed); CUP: 4 (the shop counts 2).
        let dir = dataFolder([
            "wc-product-export.csv": products,
            "orders.csv": "order_id,ordered_at,sku,quantity\nO1,2026-11-02,MUG,3\nO2,2026-11-03,CUP,4\nO3,2026-11-20,MUG,1\n",
            "backorders.csv": "order_id,sku,quantity,backordered_at\nO1,MUG,3,2026-11-02\nO2,CUP,4,2026-11-03\n",
        ])
        let work = temporaryFolder()
        let r = try runRestock(["run", "--data", dir, "--db", work + "/s.sqlite", "--out", work + "/R", "--as-of", "2026-11-30"])
        #expect(r.status == 0, "\(r.stderr)")
        let folder = work + "/R/2026-11-30"
        let counts = try summaryFiles(folder).map { f in [f["file"] as? String ?? "", "\(f["rows_rejected"] as? Int ?? -1)"] }
        #expect(counts.contains(["wc-product-export.csv", "0"]))
        let rows = try ReturnsAndCancellationsTests.skus(folder)
        // MUG: 0 on the shelf, nothing on order, max(5, 3) owed: -5. CUP: max(2, 4): -4.
        #expect(rows["MUG"]?["on_hand"] == "-5")
        #expect(rows["MUG"]?["inventory_position"] == "-5")
        #expect(rows["CUP"]?["on_hand"] == "-2")
        #expect(rows["CUP"]?["inventory_position"] == "-4")
    }
}
