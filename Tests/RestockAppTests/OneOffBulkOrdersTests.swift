import Foundation
import Testing
@testable import RestockApp
import RestockCore

/// One-off bulk orders are flagged, and one alone does not set a reorder point (README,
/// "One-off bulk orders").
@Suite struct OneOffBulkOrdersTests {
    /// `restock run` as of 2026-11-26 on a data folder of `files`, into `<work>/a` with the
    /// store `<work>/s.sqlite`; expects exit 0. Returns the data and work folders.
    func run(_ files: [String: String]) throws -> (data: String, work: String) {
        let data = dataFolder(files)
        let work = temporaryFolder()
        let run = try runRestock(["run", "--data", data, "--db", work + "/s.sqlite", "--out", work + "/a", "--as-of", "2026-11-26", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        return (data, work)
    }

    @Test func aSingleBulkLineIsShownAndCountedAtTheUsualSizeUntilMarkedRecurring() throws {
        // BIG: 20 weekly lines of 2 units, and one line of 400 on 2026-11-20 (order X1). Usual
        // line 2 (21 lines, the 11th smallest); 400 > 10 x 2: a one-off, counted as 2, so 398
        // units are set aside. products: on_hand 0, reorder point 0.
        let orders = "order_id,ordered_at,sku,quantity,unit_price\n" + DemandFixture.weekly("BIG", count: 20, units: 2, price: 5)
            + "X1,2026-11-20,BIG,400,5\n"
        let (data, work) = try run(["orders.csv": orders, "products.csv": "sku,on_hand,reorder_point\nBIG,0,0\n"])
        let once = try DemandFixture.table(work + "/a/2026-11-26/skus.csv")["BIG"]
        #expect(once?["ordered_units"] == "440" && once?["order_lines"] == "21")
        #expect(once?["one_off_units"] == "398")
        #expect(try DemandFixture.summary(work + "/a/2026-11-26")["one_off_days"] as? Int == 1)
        let html = try String(contentsOfFile: work + "/a/2026-11-26/report.html", encoding: .utf8)
        #expect(html.contains("<tr><td>BIG</td><td class=\"nw\">2026-11-20</td><td class=\"n\">1</td><td class=\"n\">400</td><td class=\"n\">2</td><td class=\"n\">2</td></tr>"))
        let sku = try runRestock(["sku", "BIG", "--db", work + "/s.sqlite", "--as-of", "2026-11-26"])
        #expect(sku.stdout.contains("one-off bulk line on 2026-11-20: 400 units on 1 line, usual line 2 units; the forecast and the reorder point count 2"))

        // Marked recurring: the 400 count, and the reorder point rises well above.
        try Data("BIG   # trade customer, orders every spring\n".utf8).write(to: URL(fileURLWithPath: data + "/restock-recurring.txt"))
        let again = try runRestock(["run", "--data", data, "--db", work + "/s.sqlite", "--out", work + "/b", "--as-of", "2026-11-26", "--quiet"])
        #expect(again.status == 0)
        let recurring = try DemandFixture.table(work + "/b/2026-11-26/skus.csv")["BIG"]
        #expect(recurring?["one_off_units"] == "0")
        let before = Double(once?["reorder_point"] ?? "") ?? 0, after = Double(recurring?["reorder_point"] ?? "") ?? 0
        #expect(after > before + 100, "reorder point \(before) -> \(after)")
    }

    @Test func aBulkLineOfTheYearBeforeTheWindowMakesTheWindowsOneRecur() throws {
        // OLD: 20 weekly lines of 2 units, a line of 400 on 2026-11-20 and one of 380 on
        // 2025-06-02, 542 days before as-of: outside the 365-day window, inside the two years
        // the forecast reads. Two bulk days in the demand history: both count as ordered.
        let orders = "order_id,ordered_at,sku,quantity,unit_price\n" + DemandFixture.weekly("OLD", count: 20, units: 2, price: 5)
            + "O1,2026-11-20,OLD,400,5\nO2,2025-06-02,OLD,380,5\n"
        let (_, work) = try run(["orders.csv": orders])
        let row = try DemandFixture.table(work + "/a/2026-11-26/skus.csv")["OLD"]
        // The window's figures keep to the window: 21 lines, 440 units; nothing set aside.
        #expect(row?["order_lines"] == "21" && row?["ordered_units"] == "440")
        #expect(row?["one_off_units"] == "0")
        let sku = try runRestock(["sku", "OLD", "--db", work + "/s.sqlite", "--as-of", "2026-11-26"]).stdout
        #expect(sku.contains("bulk line on 2025-06-02: 380 units on 1 line, usual line 2 units; counted as ordered: the SKU has 2 such days in its demand history (the last 730 days), so its bulk orders recur"))
        #expect(sku.contains("read 78 weeks of history"))
    }

    @Test func aBulkLineCountedAsOrderedSaysWhyInRestockSku() throws {
        // TWO: 20 weekly lines of 2 units, and lines of 400 (2026-11-20) and 300 (2026-10-20):
        // usual line 2 (22 lines, the 11th smallest), two bulk days, so both count as ordered.
        // NEAR: 20 weekly lines of 2, a line of 15 (2026-10-20, not bulk: 15 <= 10 x 2) and one
        // of 60 (2026-11-20): bulk (60 > 20), alone, but 60 <= 5 x 15: it does not stand apart.
        let orders = "order_id,ordered_at,sku,quantity,unit_price\n"
            + DemandFixture.weekly("TWO", count: 20, units: 2, price: 5) + "T1,2026-11-20,TWO,400,5\nT2,2026-10-20,TWO,300,5\n"
            + DemandFixture.weekly("NEAR", count: 20, units: 2, price: 5) + "N1,2026-10-20,NEAR,15,5\nN2,2026-11-20,NEAR,60,5\n"
        let (_, work) = try run(["orders.csv": orders])
        let skus = try DemandFixture.table(work + "/a/2026-11-26/skus.csv")
        #expect(skus["TWO"]?["one_off_units"] == "0" && skus["NEAR"]?["one_off_units"] == "0")

        let two = try runRestock(["sku", "TWO", "--db", work + "/s.sqlite", "--as-of", "2026-11-26"]).stdout
        #expect(two.contains("  bulk line on 2026-10-20: 300 units on 1 line, usual line 2 units; counted as ordered: the SKU has 2 such days in its demand history (the last 730 days), so its bulk orders recur"))
        #expect(!two.contains("one-off bulk line"))
        let near = try runRestock(["sku", "NEAR", "--db", work + "/s.sqlite", "--as-of", "2026-11-26"]).stdout
        #expect(near.contains("  bulk line on 2026-11-20: 60 units on 1 line, usual line 2 units; counted as ordered: its line is not more than 5 times the SKU's largest line of any other day"))

        let html = try String(contentsOfFile: work + "/a/2026-11-26/report.html", encoding: .utf8)
        #expect(html.contains("3 days of order lines hold"))
        #expect(html.contains("3 days of order lines hold"))
        #expect(html.contains("None is a one-off: all 3 count as ordered: their SKU has two or more such days (its bulk orders recur), or the day does not stand apart"))
    }
}
