import Foundation
import Testing
@testable import RestockApp
import RestockCore

/// Backorders inferred from a shop's orders export, and the open ones dated for the waiting
/// customers (README, "Backorders inferred from orders", "When each waiting customer gets
/// the goods"), through the real binary and store.
@Suite struct InferredBackordersTests {
    /// Shopify's orders export header (Orders > Export, "CSV for Excel, Numbers or other programs").
    static let shopifyHeader = "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,Billing Address2,Billing Company,Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes,Note Attributes,Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,Outstanding Balance,Employee,Location,Device ID,Id,Tags,Risk Level,Source,Lineitem discount,Tax 1 Name,Tax 1 Value,Tax 2 Name,Tax 2 Value,Tax 3 Name,Tax 3 Value,Tax 4 Name,Tax 4 Value,Tax 5 Name,Tax 5 Value,Phone,Receipt Number,Duties,Billing Province Name,Shipping Province Name"

    /// One export row: the named columns filled, the rest empty.
    static func shopifyRow(_ values: [String: String]) -> String {
        shopifyHeader.split(separator: ",").map { values[String($0)] ?? "" }.joined(separator: ",")
    }

    static func order(_ name: String, created: String, quantity: Int, sku: String, status: String, line: String,
                      fulfilled: String = "", cancelled: String = "") -> String {
        shopifyRow(["Name": name, "Financial Status": cancelled.isEmpty ? "paid" : "voided", "Fulfillment Status": status,
                    "Fulfilled at": fulfilled, "Created at": created, "Lineitem quantity": String(quantity),
                    "Lineitem price": "12.00", "Lineitem sku": sku, "Lineitem requires shipping": "true",
                    "Lineitem fulfillment status": line, "Cancelled at": cancelled])
    }

    /// As of 2026-11-26, handling days 3:
    /// #1001 MUG ordered 11-10, shipped 11-17: 7 days, a backorder filled after 7 days.
    /// #1002 MUG ordered 11-12, shipped 11-14: 2 days, none.
    /// #1003 MUG 2 units ordered 11-20, not shipped: 6 days by as-of, open.
    /// #1004 MUG ordered 11-15, cancelled 11-22 unshipped: 7 days, lost.
    /// #1005 MUG ordered 11-25, not shipped: 1 day, not yet a backorder.
    /// #1006 TEA ordered 11-18, shipped 11-19: none.
    /// MUG: 4 order lines (#1004 is cancelled), backorder lines 3 (#1001, #1003, #1004), rate
    /// 2/4 = 0.5, open 2 units, lost 1, fill days 7; TEA: no backorder.
    static let export = [shopifyHeader,
        order("#1001", created: "2026-11-10 10:00:00 +0000", quantity: 1, sku: "MUG", status: "fulfilled", line: "fulfilled", fulfilled: "2026-11-17 09:00:00 +0000"),
        order("#1002", created: "2026-11-12 10:00:00 +0000", quantity: 1, sku: "MUG", status: "fulfilled", line: "fulfilled", fulfilled: "2026-11-14 09:00:00 +0000"),
        order("#1003", created: "2026-11-20 10:00:00 +0000", quantity: 2, sku: "MUG", status: "unfulfilled", line: "pending"),
        order("#1004", created: "2026-11-15 10:00:00 +0000", quantity: 1, sku: "MUG", status: "unfulfilled", line: "pending", cancelled: "2026-11-22 08:00:00 +0000"),
        order("#1005", created: "2026-11-25 10:00:00 +0000", quantity: 1, sku: "MUG", status: "unfulfilled", line: "pending"),
        order("#1006", created: "2026-11-18 10:00:00 +0000", quantity: 3, sku: "TEA", status: "fulfilled", line: "fulfilled", fulfilled: "2026-11-19 09:00:00 +0000"),
        ""].joined(separator: "\n")

    func run(_ data: String, _ work: String, handlingDays: String? = nil, out: String = "out") throws -> String {
        var arguments = ["run", "--data", data, "--db", work + "/s.sqlite", "--out", work + "/" + out, "--as-of", "2026-11-26", "--quiet"]
        if let handlingDays { arguments += ["--handling-days", handlingDays] }
        let result = try runRestock(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return work + "/" + out + "/2026-11-26"
    }

    @Test func aShopifyOrdersExportAloneGivesInferredBackorders() throws {
        let data = dataFolder(["orders_export.csv": Self.export])
        let work = temporaryFolder()
        let folder = try run(data, work)
        let rows = try ReturnsAndCancellationsTests.skus(folder)
        let mug = try #require(rows["MUG"])
        #expect(mug["backorder_source"] == "inferred")
        #expect(mug["order_lines"] == "4" && mug["backorder_lines"] == "3" && mug["backorder_rate"] == "0.5")
        #expect(mug["open_backorder_units"] == "2" && mug["lost_units"] == "1" && mug["fill_days_p50"] == "7")
        #expect(rows["TEA"]?["backorder_source"] == "none" && rows["TEA"]?["backorder_lines"] == "0")

        // One open backorder: #1003's 2 units, waiting since 11-20. Nothing on order and no
        // products file: an order placed on 11-27 arrives a lead time later.
        let open = try String(contentsOfFile: folder + "/open_backorders.csv", encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        #expect(open.first == OpenBackorderTable.columns)
        #expect(open.count == 2)
        let row = Dictionary(uniqueKeysWithValues: zip(open[0], open[1]))
        #expect(row["order_id"] == "#1003" && row["sku"] == "MUG" && row["units"] == "2" && row["waiting_since"] == "2026-11-20")
        #expect(row["supply"] == "next_order")
        let lead = try #require(Double(mug["lead_time_days"] ?? ""))
        let expected = CivilDate.day(year: 2026, month: 11, day: 27) + Int(lead.rounded(.up))
        #expect(row["expected_ship_date"] == CivilDate.string(expected) && mug["backorder_eta"] == CivilDate.string(expected))
        #expect(row["ships_by_50"]! >= "2026-11-27" && row["ships_by_50"]! <= row["ships_by_90"]!)

        let report = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        #expect(report.contains("How backorders were found: inferred from the orders for 1 SKU (an order line not shipped within 3 days of ordering counts as backordered, --handling-days); none known for 1 SKU."))
        #expect(report.contains("The open backorder (2 units) is listed one per order line in open_backorders.csv"))
        let sku = try runRestock(["sku", "MUG", "--db", work + "/s.sqlite", "--as-of", "2026-11-26"])
        #expect(sku.stdout.contains("backorder source inferred"))
        #expect(sku.stdout.contains("waiting: order #1003, 2 units since 2026-11-20; from next_order, expected \(CivilDate.string(expected))"))
    }

    @Test func anotherHandlingDaysRecountsFromTheStoreAndABackordersFileWins() throws {
        let data = dataFolder(["orders_export.csv": Self.export])
        let work = temporaryFolder()
        let first = try run(data, work)
        // --handling-days 7: #1001 and #1004 took 7 days, #1003 has waited 6: none is a backorder.
        let longer = try run(data, work, handlingDays: "7", out: "out7")
        let rows = try ReturnsAndCancellationsTests.skus(longer)
        #expect(rows["MUG"]?["backorder_lines"] == "0" && rows["MUG"]?["backorder_source"] == "none")
        // Back to 3: the same figures as the first run, byte for byte (nothing was written back).
        let again = try run(data, work, out: "again")
        #expect(try Data(contentsOf: URL(fileURLWithPath: first + "/skus.csv")) == Data(contentsOf: URL(fileURLWithPath: again + "/skus.csv")))
        #expect(try Data(contentsOf: URL(fileURLWithPath: first + "/open_backorders.csv"))
                == Data(contentsOf: URL(fileURLWithPath: again + "/open_backorders.csv")))

        // A backorders file that lists MUG: its one row is MUG's backorders, nothing is inferred
        // beside it (no double count); TEA, not in it, still has none.
        try "order_id,sku,quantity,backordered_at,fulfilled_at\n#1003,MUG,2,2026-11-20,2026-11-24\n"
            .write(toFile: data + "/backorders.csv", atomically: true, encoding: .utf8)
        let filed = try ReturnsAndCancellationsTests.skus(try run(data, work, out: "filed"))
        #expect(filed["MUG"]?["backorder_source"] == "file" && filed["MUG"]?["backorder_lines"] == "1")
        #expect(filed["MUG"]?["open_backorder_units"] == "0" && filed["MUG"]?["fill_days_p50"] == "4")
    }

    /// `export` and two more orders: #1007 TEA 20 units ordered 11-05, shipped 11-06 (no
    /// backorder; TEA's sales are then 23 x 12 = 276, above MUG's 5 x 12 = 60); #1008 an
    /// engraving (`Lineitem requires shipping` false: not stock) ordered 11-10 and never
    /// shipped, 16 days by as-of, an open backorder were it stock.
    static let exportWithEngraving = export + [
        order("#1007", created: "2026-11-05 10:00:00 +0000", quantity: 20, sku: "TEA", status: "fulfilled", line: "fulfilled", fulfilled: "2026-11-06 09:00:00 +0000"),
        shopifyRow(["Name": "#1008", "Financial Status": "paid", "Fulfillment Status": "unfulfilled", "Created at": "2026-11-10 10:00:00 +0000",
                    "Lineitem quantity": "1", "Lineitem price": "5.00", "Lineitem sku": "ENGRAVE", "Lineitem requires shipping": "false",
                    "Lineitem fulfillment status": "pending"]),
        ""].joined(separator: "\n")

    @Test func aLineThatIsNotStockIsNeverAnInferredBackorderNorAWaitingCustomer() throws {
        let data = dataFolder(["orders_export.csv": Self.exportWithEngraving])
        let work = temporaryFolder()
        let folder = try run(data, work)
        let rows = try ReturnsAndCancellationsTests.skus(folder)
        let engrave = try #require(rows["ENGRAVE"])
        #expect(engrave["left_out"] == "export: its order lines are marked not stock (needs no shipping)")
        #expect(engrave["backorder_source"] == "none" && engrave["backorder_lines"] == "0" && engrave["open_backorder_units"] == "0")
        #expect(engrave["backorder_eta"] == "")
        // open_backorders.csv: MUG's #1003 alone, no row for #1008.
        let open = try String(contentsOfFile: folder + "/open_backorders.csv", encoding: .utf8).split(separator: "\n")
        #expect(open.count == 2 && open[1].hasPrefix("#1003,MUG,"))
        let sku = try runRestock(["sku", "ENGRAVE", "--db", work + "/s.sqlite", "--as-of", "2026-11-26"])
        #expect(sku.stdout.contains("backorder source none: not stock, so nothing is inferred from its order lines"))
        #expect(!sku.stdout.contains("waiting:"))
    }

    @Test func withoutStockLevelsTheReorderPointsToSetUpRankByInferredBackordersAndTheHeadlineRateCountsThem() throws {
        let data = dataFolder(["orders_export.csv": Self.exportWithEngraving])
        let work = temporaryFolder()
        let folder = try run(data, work)
        // No products file: MUG (3 inferred backorder lines, 60 of sales) comes before TEA
        // (none, 276 of sales): backorders rank first (README, "Advice without stock levels").
        let setUp = try String(contentsOfFile: folder + "/reorder_points_to_set_up.csv", encoding: .utf8).split(separator: "\n")
        #expect(setUp.count == 3)
        #expect(setUp[1].hasPrefix("1,MUG,") && setUp[2].hasPrefix("2,TEA,"))
        #expect(try DemandFixture.table(folder + "/reorder_points_to_set_up.csv")["MUG"]?["backorder_lines"] == "3")
        // The headline rate: MUG's order lines #1001, #1002, #1003, #1005 (#1004 is cancelled),
        // of which #1001 and #1003 went on backorder; TEA's 2 and ENGRAVE's 1 none: 2 / 7 = 28.6%.
        let html = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        #expect(html.contains("<span class=\"v\">28.6%</span><span class=\"k\">backorder rate: of the order lines, backordered</span>"))
        #expect(html.contains("<span class=\"v\">2</span><span class=\"k\">open backorder units</span>"))
    }

    @Test func fulfilmentColumnsAreStoredAndAChangedFulfilmentReplacesTheLine() throws {
        // A restock orders file with the fulfilment columns: #1 open on the first load,
        // shipped in the second: the line is replaced, not duplicated.
        let data = dataFolder(["orders.csv": "order_id,ordered_at,sku,quantity,fulfillment_status,fulfilled_at\nO1,2026-11-10,A,2,unfulfilled,\n"])
        let db = temporaryFolder() + "/s.sqlite"
        _ = try ingest([data], db: db)
        #expect(try dump(db, "SELECT f_day IS NULL, shipping, shipped, backordered FROM order_lines") == [["1", "0", "NULL", "NULL"]])
        try "order_id,ordered_at,sku,quantity,fulfillment_status,fulfilled_at\nO1,2026-11-10,A,2,fulfilled,2026-11-20\n"
            .write(toFile: data + "/orders.csv", atomically: true, encoding: .utf8)
        let second = try ingest([data], db: db)
        #expect(second.totals.rowsReplaced == 1 && second.totals.balances)
        #expect(try dump(db, "SELECT shipping FROM order_lines") == [["1"]])
        // A bad shipped_quantity is a reject like any number.
        try "order_id,ordered_at,sku,quantity,shipped_quantity\nO2,2026-11-10,A,2,-1\n"
            .write(toFile: data + "/orders.csv", atomically: true, encoding: .utf8)
        let third = try ingest([data], db: db)
        #expect(third.totals.rowsRejected == 1 && third.rejects.first?.column == "shipped_quantity")
    }
}
