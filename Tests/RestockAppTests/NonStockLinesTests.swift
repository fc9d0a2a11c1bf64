import Foundation
import Testing
@testable import RestockApp
import RestockCore

/// Non-stock lines never become recommendations, and the report says what was left out
/// (README, "Non-stock lines").
@Suite struct NonStockLinesTests {
    static let header = "order_id,ordered_at,sku,quantity,unit_price\n"

    /// MUG is stock; POST is postage (built in); SVC-INSTALL matches `SVC-*` in the exclude
    /// list; CARD-1 is stocked = no in products; M is built in but brought back by `!M`.
    static func folder(exclude: String) -> String {
        dataFolder([
            "orders.csv": header + DemandFixture.weekly("MUG", count: 20, units: 1, price: 8)
                + DemandFixture.weekly("POST", count: 20, units: 1, price: 4.95)
                + DemandFixture.weekly("SVC-INSTALL", count: 3, units: 1, price: 30)
                + DemandFixture.weekly("CARD-1", count: 2, units: 1, price: 20)
                + DemandFixture.weekly("M", count: 12, units: 1, price: 1),
            "products.csv": """
                sku,name,unit_price,on_hand,reorder_point,stocked
                MUG,Mug,8,0,0,
                CARD-1,Greeting card,25,0,0,no
                POST,Postage,4.95,0,0,
                SVC-INSTALL,Installation,30,0,0,
                M,Manual,1,0,0,

                """,
            "restock-exclude.txt": exclude,
        ])
    }

    @Test func postageServicesAndSKUsMarkedNotStockAreLeftOutAndCountedInTheReport() throws {
        let data = Self.folder(exclude: "# services\nSVC-*\n!M   # our M is a real product\n")
        let work = temporaryFolder()
        let run = try runRestock(["run", "--data", data, "--db", work + "/s.sqlite", "--out", work + "/out", "--as-of", "2026-11-26", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let out = work + "/out/2026-11-26"
        let skus = try DemandFixture.table(out + "/skus.csv")
        #expect(skus["POST"]?["left_out"] == "built in: postage")
        #expect(skus["SVC-INSTALL"]?["left_out"] == "restock-exclude.txt line 2: SVC-*")
        #expect(skus["CARD-1"]?["left_out"] == "products: stocked = no")
        #expect(skus["M"]?["left_out"] == "" && skus["MUG"]?["left_out"] == "")
        #expect(skus["POST"]?["reorder_point"] == "0" && skus["POST"]?["revenue_at_risk"] == "0")
        let recommended = try DemandFixture.table(out + "/recommendations.csv")
        #expect(Set(recommended.keys) == ["MUG", "M"])
        // Left out: POST 20 lines (20 units x 4.95 = 99), SVC-INSTALL 3 (3 x 30 = 90), CARD-1 2
        // (2 x 25 = 50): 25 lines, 25 units, 239 of sales.
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(html.contains("3 SKUs with 25 order lines, 25 units and 239.00 of sales in the window are postage"))
        #expect(html.contains("add a line <code>!SKU</code> to restock-exclude.txt"))
        #expect(try DemandFixture.summary(out)["skus_left_out"] as? Int == 3)
        let sku = try runRestock(["sku", "POST", "--db", work + "/s.sqlite", "--as-of", "2026-11-26"])
        #expect(sku.stdout.contains("Left out: not stock (built in: postage); never recommended. To bring it back, add the line !POST to restock-exclude.txt"))
    }

    @Test func removingTheExcludeListBringsItsSKUsBackAtTheNextRun() throws {
        let data = Self.folder(exclude: "SVC-*\n")
        let work = temporaryFolder()
        _ = try runRestock(["run", "--data", data, "--db", work + "/s.sqlite", "--out", work + "/a", "--as-of", "2026-11-26", "--quiet"])
        #expect(try DemandFixture.table(work + "/a/2026-11-26/skus.csv")["SVC-INSTALL"]?["left_out"] != "")
        try FileManager.default.removeItem(atPath: data + "/restock-exclude.txt")
        let run = try runRestock(["run", "--data", data, "--db", work + "/s.sqlite", "--out", work + "/b", "--as-of", "2026-11-26", "--quiet"])
        #expect(run.status == 0)
        let skus = try DemandFixture.table(work + "/b/2026-11-26/skus.csv")
        #expect(skus["SVC-INSTALL"]?["left_out"] == "")
        // Without `!M`, the built-in list leaves M out.
        #expect(skus["M"]?["left_out"] == "built in: manual adjustment")
    }

    @Test func aShopifyLineThatNeedsNoShippingLeavesItsSKUOutAndAGiftCardWithoutSKUIsSkipped() throws {
        let fixture = packageRoot().appendingPathComponent("Tests/RestockCoreTests/Fixtures/Formats/shopify-orders-not-stock.csv")
        let data = dataFolder([:])
        try FileManager.default.copyItem(atPath: fixture.path, toPath: data + "/orders_export.csv")
        let work = temporaryFolder()
        let run = try runRestock(["run", "--data", data, "--db", work + "/s.sqlite", "--out", work + "/out", "--as-of", "2026-11-26", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let out = work + "/out/2026-11-26"
        let skus = try DemandFixture.table(out + "/skus.csv")
        #expect(skus["ENGRAVE"]?["left_out"] == "export: its order lines are marked not stock (needs no shipping)")
        #expect(skus["MUG-1"]?["left_out"] == "")
        // 4 records: 2 rows, 1 skipped (the gift card), 1 rejected (a shipped line without SKU).
        let files = try #require(DemandFixture.summary(out)["files"] as? [[String: Any]])
        #expect(files.first?["records_skipped"] as? Int == 1)
        #expect(files.first?["rows_rejected"] as? Int == 1)
        #expect(try dump(work + "/s.sqlite", "SELECT sku, stocked FROM order_lines ORDER BY sku") == [["ENGRAVE", "0"], ["MUG-1", "NULL"]])
    }
}
