import Foundation
import Testing
@testable import RestockCore

@Suite struct SyntheticDataGeneratorTests {
    static let files = ["orders.csv", "backorders.csv", "products.csv", "receipts.csv"]

    @Test func writesIdenticalBytesForTheSameSeed() throws {
        let a = try GeneratedFiles.make(GeneratedFiles.standardConfig)
        let b = try GeneratedFiles.make(GeneratedFiles.standardConfig)
        defer { a.remove(); b.remove() }
        for file in Self.files {
            #expect(try a.bytes(file) == b.bytes(file), "\(file) differs between two runs")
        }
        #expect(a.summary == b.summary)
    }

    /// The SKUs cut into 1 piece of work or 7 (and whatever the core count): the same bytes.
    @Test func writesTheSameBytesWhateverTheSplitOfWork() throws {
        let config = GeneratorConfig(skus: 120, days: 200, seed: 5, endDay: 20_500)
        var directories: [String] = []
        defer { for d in directories { try? FileManager.default.removeItem(atPath: d) } }
        for pieces in [1, 7, 120] {
            let directory = NSTemporaryDirectory() + "restock-generate-" + UUID().uuidString
            directories.append(directory)
            _ = try SyntheticDataGenerator.write(config: config, to: directory, pieces: pieces)
        }
        for file in Self.files {
            let bytes = try directories.map { try Data(contentsOf: URL(fileURLWithPath: $0 + "/" + file)) }
            #expect(bytes[0] == bytes[1] && bytes[0] == bytes[2], "\(file) depends on the split of work")
        }
    }

    @Test func writesDifferentDataForADifferentSeed() throws {
        var other = GeneratedFiles.standardConfig
        other.seed += 1
        let a = try GeneratedFiles.make(GeneratedFiles.standardConfig)
        let b = try GeneratedFiles.make(other)
        defer { a.remove(); b.remove() }
        for file in Self.files {
            #expect(try a.bytes(file) != b.bytes(file), "\(file) is the same for seeds 11 and 12")
        }
    }

    @Test func writesTheContractsColumns() throws {
        let g = try GeneratedFiles.make(GeneratorConfig(skus: 20, days: 60, seed: 3, endDay: 20_000))
        defer { g.remove() }
        #expect(try g.table("orders.csv").header
            == ["order_id", "line_id", "ordered_at", "sku", "quantity", "unit_price", "status"])
        #expect(try g.table("backorders.csv").header
            == ["backorder_id", "order_id", "sku", "quantity", "backordered_at", "fulfilled_at", "cancelled_at"])
        #expect(try g.table("receipts.csv").header
            == ["po_id", "sku", "supplier", "ordered_at", "received_at", "quantity"])
        #expect(try g.table("products.csv").header
            == ["sku", "name", "category", "supplier", "unit_cost", "unit_price", "case_pack",
                "service_level", "lead_time_days", "reorder_point", "order_quantity", "on_hand", "on_order"])
    }

    @Test func summaryCountsTheRowsOfEachFile() throws {
        let g = try GeneratedFiles.make(GeneratedFiles.standardConfig)
        defer { g.remove() }
        let orders = try g.table("orders.csv").rows
        #expect(orders.count == g.summary.orderLines)
        #expect(Set(orders.map { $0["order_id"]! }).count == g.summary.orders)
        #expect(try g.table("backorders.csv").rows.count == g.summary.backorders)
        #expect(try g.table("receipts.csv").rows.count == g.summary.receipts)
        #expect(try g.table("products.csv").rows.count == 300)
        #expect(g.summary.backorders > 0 && g.summary.receipts > 0)
    }

    @Test func ordersAreWrittenInTimeOrderWithDistinctSKUsPerOrder() throws {
        let g = try GeneratedFiles.make(GeneratedFiles.standardConfig)
        defer { g.remove() }
        let rows = try g.table("orders.csv").rows
        var previous = Int64.min
        var skusOfOrder: [String: Set<String>] = [:]
        var lineIds: [String: [Int]] = [:]
        let first = Int64(GeneratedFiles.standardConfig.startDay) * 86_400
        let last = Int64(GeneratedFiles.standardConfig.endDay + 1) * 86_400
        for row in rows {
            let time = try #require(GeneratedFiles.instant(row["ordered_at"]!))
            #expect(time >= previous)
            #expect(time >= first && time < last)
            previous = time
            let order = row["order_id"]!
            #expect(skusOfOrder[order, default: []].insert(row["sku"]!).inserted, "\(order) repeats a SKU")
            lineIds[order, default: []].append(Int(row["line_id"]!)!)
            #expect(Int(row["quantity"]!)! >= 1)
            #expect(Double(row["unit_price"]!)! > 0)
            #expect(["", "paid", "cancelled"].contains(row["status"]!))
        }
        for (order, ids) in lineIds {
            #expect(ids == Array(1...ids.count), "\(order) lines are \(ids)")
        }
        #expect(lineIds.values.contains { $0.count >= 3 })
        let cancelled = rows.filter { $0["status"] == "cancelled" }.count
        // About 1 % of orders are cancelled: 0.2 % ... 3 % of lines for this size.
        #expect(cancelled > rows.count / 500 && cancelled < rows.count * 3 / 100)
        #expect(rows.contains { $0["ordered_at"]!.hasSuffix("+01:00") })
    }

    @Test func everyBackorderRowObeysTheContract() throws {
        let g = try GeneratedFiles.make(GeneratedFiles.standardConfig)
        defer { g.remove() }
        var orderTimes: [String: Int64] = [:]
        var lineUnits: [String: Int] = [:]
        var cancelledLines = Set<String>()
        for row in try g.table("orders.csv").rows {
            orderTimes[row["order_id"]!] = GeneratedFiles.instant(row["ordered_at"]!)
            lineUnits[row["order_id"]! + "/" + row["sku"]!] = Int(row["quantity"]!)!
            if row["status"] == "cancelled" { cancelledLines.insert(row["order_id"]! + "/" + row["sku"]!) }
        }
        let rows = try g.table("backorders.csv").rows
        var ids = Set<String>()
        var backordered: [String: Int] = [:]
        var fulfilled = 0, cancelled = 0, open = 0
        for row in rows {
            #expect(ids.insert(row["backorder_id"]!).inserted)
            let quantity = Int(row["quantity"]!)!
            #expect(quantity > 0)
            let at = try #require(GeneratedFiles.instant(row["backordered_at"]!))
            // backordered_at is the order's instant.
            #expect(orderTimes[row["order_id"]!] == at)
            let line = row["order_id"]! + "/" + row["sku"]!
            #expect(!cancelledLines.contains(line), "cancelled line \(line) was backordered")
            backordered[line, default: 0] += quantity
            let fulfilledAt = row["fulfilled_at"]!, cancelledAt = row["cancelled_at"]!
            #expect(fulfilledAt.isEmpty || cancelledAt.isEmpty, "row \(row["backorder_id"]!) has both dates")
            if let closed = GeneratedFiles.instant(fulfilledAt) {
                #expect(closed >= at)
                fulfilled += 1
            } else if let closed = GeneratedFiles.instant(cancelledAt) {
                #expect(closed >= at)
                cancelled += 1
            } else {
                open += 1
            }
        }
        // The units backordered on a line never exceed the line.
        for (line, units) in backordered {
            let ordered = try #require(lineUnits[line], "backorder of unknown line \(line)")
            #expect(units <= ordered)
        }
        #expect(fulfilled > 0 && cancelled > 0 && open > 0)
    }

    /// A partly filled backorder: two rows of one line with the same backordered_at, the
    /// first fulfilled, the second closed later or still open.
    @Test func splitsPartlyFilledBackordersIntoTwoRows() throws {
        let g = try GeneratedFiles.make(GeneratedFiles.standardConfig)
        defer { g.remove() }
        let rows = try g.table("backorders.csv").rows
        let byLine = Dictionary(grouping: rows) { $0["order_id"]! + "/" + $0["sku"]! }
        let splits = byLine.values.filter { $0.count >= 2 }
        #expect(splits.count >= 5)
        for parts in splits {
            #expect(Set(parts.map { $0["backordered_at"]! }).count == 1)
            #expect(!parts[0]["fulfilled_at"]!.isEmpty, "the first part of a split shipped")
            let firstClosed = GeneratedFiles.instant(parts[0]["fulfilled_at"]!)!
            let second = parts[1]
            let secondClosed = GeneratedFiles.instant(second["fulfilled_at"]!)
                ?? GeneratedFiles.instant(second["cancelled_at"]!) ?? .max
            #expect(secondClosed > firstClosed)
        }
    }

    @Test func receiptsArriveAfterTheyAreOrdered() throws {
        let g = try GeneratedFiles.make(GeneratedFiles.standardConfig)
        defer { g.remove() }
        let rows = try g.table("receipts.csv").rows
        var keys = Set<String>()
        let last = Int64(GeneratedFiles.standardConfig.endDay + 1) * 86_400
        for row in rows {
            #expect(keys.insert(row["po_id"]! + "/" + row["sku"]!).inserted)
            let ordered = try #require(GeneratedFiles.instant(row["ordered_at"]!))
            let received = try #require(GeneratedFiles.instant(row["received_at"]!))
            #expect(received >= ordered)
            #expect(received / 86_400 - ordered / 86_400 >= 1, "lead times are whole days >= 1")
            #expect(received < last)
            #expect(Int(row["quantity"]!)! > 0)
            #expect(!row["supplier"]!.isEmpty)
        }
    }

    /// Stock is conserved per SKU: final on_hand = first-day on hand + units received
    /// - units shipped, where shipped = ordered (cancelled lines excluded) - backordered
    /// + backordered units later fulfilled.
    @Test func stockBalancesForEverySKU() throws {
        let config = GeneratedFiles.standardConfig
        let g = try GeneratedFiles.make(config)
        defer { g.remove() }
        var balance: [String: Int] = [:]
        let suppliers = (0..<SupplierProfile.count(forSKUs: config.skus)).map { SupplierProfile(index: $0, seed: config.seed) }
        for number in 1...config.skus {
            let profile = SKUProfile(number: number, seed: config.seed, suppliers: suppliers,
                                     startDay: config.startDay, endDay: config.endDay)
            balance[profile.code] = profile.initialOnHand
        }
        for row in try g.table("receipts.csv").rows { balance[row["sku"]!]! += Int(row["quantity"]!)! }
        for row in try g.table("orders.csv").rows where row["status"] != "cancelled" {
            balance[row["sku"]!]! -= Int(row["quantity"]!)!
        }
        for row in try g.table("backorders.csv").rows {
            balance[row["sku"]!]! += Int(row["quantity"]!)!
            if !row["fulfilled_at"]!.isEmpty { balance[row["sku"]!]! -= Int(row["quantity"]!)! }
        }
        for row in try g.table("products.csv").rows {
            #expect(balance[row["sku"]!] == Int(row["on_hand"]!)!, "\(row["sku"]!)")
            #expect(Int(row["on_order"]!)! >= 0)
        }
    }

    /// The Syntetos-Boylan classes on the last 52 weekly totals (README, "The figures"): every
    /// class appears, and some SKUs are new (first order within the last 8 weeks).
    @Test func producesEveryDemandClassAndNewSKUs() throws {
        let config = GeneratedFiles.standardConfig
        let g = try GeneratedFiles.make(config)
        defer { g.remove() }
        var weekly: [String: [Int]] = [:]
        var firstDay: [String: Day] = [:]
        for row in try g.table("orders.csv").rows where row["status"] != "cancelled" {
            let day = Day(GeneratedFiles.instant(row["ordered_at"]!)! / 86_400)
            let sku = row["sku"]!
            firstDay[sku] = min(firstDay[sku] ?? day, day)
            let week = (config.endDay - day) / 7
            if week < 52 { weekly[sku, default: Array(repeating: 0, count: 52)][week] += Int(row["quantity"]!)! }
        }
        var classes: [String: Int] = [:]
        for (sku, weeks) in weekly {
            let history = weeks.prefix((config.endDay - max(firstDay[sku]!, config.endDay - 363)) / 7 + 1)
            let nonZero = history.filter { $0 > 0 }.map(Double.init)
            guard nonZero.count >= 2 else { classes["new", default: 0] += 1; continue }
            let adi = Double(history.count) / Double(nonZero.count)
            let mean = nonZero.reduce(0, +) / Double(nonZero.count)
            let cv2 = nonZero.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(nonZero.count) / (mean * mean)
            let name = adi < 1.32 ? (cv2 < 0.49 ? "smooth" : "erratic") : (cv2 < 0.49 ? "intermittent" : "lumpy")
            classes[name, default: 0] += 1
        }
        for name in ["smooth", "erratic", "intermittent", "lumpy"] {
            #expect(classes[name, default: 0] >= 15, "\(name): \(classes)")
        }
        #expect(firstDay.values.contains { $0 > config.endDay - 56 })
    }

    @Test func productsCarryMasterDataAndPolicies() throws {
        let g = try GeneratedFiles.make(GeneratedFiles.standardConfig)
        defer { g.remove() }
        let rows = try g.table("products.csv").rows
        #expect(rows.map { $0["sku"]! } == (1...300).map { SKUProfile.code($0) })
        #expect(Set(rows.map { $0["category"]! }).count == ProductCatalog.categories.count)
        #expect(rows.contains { $0["name"]!.contains(",") })
        #expect(rows.contains { !$0["service_level"]!.isEmpty })
        #expect(rows.contains { $0["lead_time_days"]!.isEmpty })
        #expect(rows.contains { $0["reorder_point"]!.isEmpty })
        for row in rows {
            #expect(Double(row["unit_price"]!)! > Double(row["unit_cost"]!)!)
            #expect(Int(row["case_pack"]!)! >= 1)
            if let quantity = Int(row["order_quantity"]!) {
                #expect(quantity % Int(row["case_pack"]!)! == 0)
            }
            if let level = Double(row["service_level"]!) { #expect(level >= 0.5 && level <= 0.999) }
        }
    }

    @Test func rejectsAConfigWithoutSKUsOrDays() {
        let directory = NSTemporaryDirectory() + "restock-generate-invalid"
        #expect(throws: GeneratorError.invalidConfig("skus must be at least 1, got 0")) {
            try SyntheticDataGenerator.write(config: GeneratorConfig(skus: 0, days: 10, seed: 1, endDay: 0), to: directory)
        }
        #expect(throws: GeneratorError.self) {
            try SyntheticDataGenerator.write(config: GeneratorConfig(skus: 5, days: 0, seed: 1, endDay: 0), to: directory)
        }
    }
}
