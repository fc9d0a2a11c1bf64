import Foundation
import Testing
@testable import RestockApp
import RestockCore

/// An orders-only folder gives the reorder points to set up, not actions and made-up revenue
/// at risk (README, "Advice without stock levels").
@Suite struct AdviceWithoutStockLevelsTests {
    @Test func anOrdersOnlyFolderLeadsWithReorderPointsToSetUpRankedBySales() throws {
        // CUP: 52 weekly lines of 2 at 10 (sales 1,040); MUG: 52 of 3 at 10 (1,560); POST postage.
        let orders = "order_id,ordered_at,sku,quantity,unit_price\n" + DemandFixture.weekly("CUP", count: 52, units: 2, price: 10)
            + DemandFixture.weekly("MUG", count: 52, units: 3, price: 10) + DemandFixture.weekly("POST", count: 52, units: 1, price: 5)
        let data = dataFolder(["orders.csv": orders])
        let work = temporaryFolder()
        let run = try runRestock(["run", "--data", data, "--db", work + "/s.sqlite", "--out", work + "/out", "--as-of", "2026-11-26", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let out = work + "/out/2026-11-26"
        // Nothing to act on: recommendations.csv is its header alone.
        let recommendations = try String(contentsOfFile: out + "/recommendations.csv", encoding: .utf8)
        #expect(recommendations.split(separator: "\n").count == 1)
        let setUp = try String(contentsOfFile: out + "/reorder_points_to_set_up.csv", encoding: .utf8).split(separator: "\n")
        #expect(setUp.count == 3)
        #expect(setUp[1].hasPrefix("1,MUG,") && setUp[2].hasPrefix("2,CUP,"))
        let table = try DemandFixture.table(out + "/reorder_points_to_set_up.csv")
        let skus = try DemandFixture.table(out + "/skus.csv")
        #expect(table["MUG"]?["ordered_units"] == "156" && table["CUP"]?["ordered_units"] == "104")
        #expect(table["MUG"]?["reorder_point"] == skus["MUG"]?["reorder_point"])
        #expect(setUp[2].contains("no reorder point set: use \(skus["CUP"]?["reorder_point"] ?? "?") for 95% of cycles"))
        // Revenue at risk is not known: empty cells, and the headline says so.
        #expect(skus["CUP"]?["revenue_at_risk"] == "" && skus["MUG"]?["revenue_at_risk"] == "")
        let summary = try DemandFixture.summary(out)
        #expect(summary["recommendations"] as? Int == 0)
        #expect(summary["reorder_points_to_set_up"] as? Int == 2)
        #expect(summary["skus_stock_unknown"] as? Int == 2)
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        let setUpAt = try #require(html.range(of: "<section id=\"set-up\">"))
        let recommendationsAt = try #require(html.range(of: "<section id=\"recommendations\">"))
        #expect(setUpAt.lowerBound < recommendationsAt.lowerBound)
        #expect(html.contains("not known</span><span class=\"k\">revenue at risk (no stock levels)"))
        #expect(html.contains("add a products export to the data folder"))
        // The e-mail and restock sku say the same: not known, never 0 or "nothing to do".
        let mail = try runRestock(["report", "--db", work + "/s.sqlite", "--out", work + "/mail", "--as-of", "2026-11-26",
                                   "--email", "--to", "a@example.com", "--quiet"])
        #expect(mail.status == 0, "\(mail.stderr)")
        let eml = try String(contentsOfFile: work + "/mail/2026-11-26/email.eml", encoding: .utf8)
            .replacingOccurrences(of: "=\r\n", with: "")
        #expect(eml.contains("Revenue at risk/year:  not known"))
        #expect(eml.contains("restock knows no stock level, so it cannot tell what to order today. 2 reorder points to set up are in reorder_points_to_set_up.csv."))
        #expect(!eml.contains("No SKU needs a higher reorder point"))
        let sku = try runRestock(["sku", "CUP", "--db", work + "/s.sqlite", "--as-of", "2026-11-26"])
        #expect(sku.stdout.contains("revenue at risk not known (no stock levels);"), "\(sku.stdout)")
    }

    @Test func aSKUWithKnownStockKeepsItsRevenueAtRiskBesideOnesToSetUp() throws {
        let orders = "order_id,ordered_at,sku,quantity,unit_price\n" + DemandFixture.weekly("CUP", count: 52, units: 2, price: 10)
            + DemandFixture.weekly("MUG", count: 52, units: 3, price: 10)
        let data = dataFolder(["orders.csv": orders, "products.csv": "sku,on_hand,reorder_point\nCUP,0,0\n"])
        let work = temporaryFolder()
        let run = try runRestock(["run", "--data", data, "--db", work + "/s.sqlite", "--out", work + "/out", "--as-of", "2026-11-26", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let out = work + "/out/2026-11-26"
        let skus = try DemandFixture.table(out + "/skus.csv")
        #expect(Double(skus["CUP"]?["revenue_at_risk"] ?? "") ?? 0 > 0)
        #expect(skus["MUG"]?["revenue_at_risk"] == "")
        #expect(Set(try DemandFixture.table(out + "/recommendations.csv").keys) == ["CUP"])
        #expect(Set(try DemandFixture.table(out + "/reorder_points_to_set_up.csv").keys) == ["MUG"])
    }
}
