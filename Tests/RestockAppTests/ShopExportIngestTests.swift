import Foundation
import Testing
@testable import RestockApp
import RestockCore

/// The two real, redacted Shopify orders exports kept beside the repository (not in it).
private let shopifyExports = packageRoot().appendingPathComponent("../shared/data/external/shopify-exports").standardized
private let haveShopifyExports = FileManager.default.fileExists(atPath: shopifyExports.path)
/// A real store's product list with stock per location, some of it below zero (not in the
/// repository either).
private let storeProducts = packageRoot().appendingPathComponent("../shared/data/external/kidsliving-inventory/getProducts.csv").standardized
private let haveStoreProducts = FileManager.default.fileExists(atPath: storeProducts.path)
/// A real supplier delivery history: order numbers named `PO / SO #`, purchase-order dates
/// as `6/2/06` (or not given), deliveries as `02-Jun-06` (not in the repository either).
private let deliveries = packageRoot().appendingPathComponent("../shared/data/external/usaid-scms-deliveries/SCMS_Delivery_History_Dataset.csv").standardized
private let haveDeliveries = FileManager.default.fileExists(atPath: deliveries.path)

/// Ingest of shop exports through the stage: format recognised, rows counted, rejects on
/// the export's own lines.
@Suite struct ShopExportIngestTests {
    private func ingest(_ files: [String: String], formats: FormatChoice = FormatChoice()) throws -> IngestStage.Result {
        let dir = dataFolder(files)
        let store = try Store(path: dir + "/restock.sqlite")
        try store.checkTimeZone("UTC")
        return try IngestStage(files: try InputFile.collect([dir]), timeZone: TimeZone(identifier: "UTC")!, reload: false,
                               runId: nil, formats: formats).run(store: store, progress: Progress(quiet: true))
    }

    /// The number of data records of a CSV file (its header not counted).
    private func records(_ path: String) throws -> Int {
        let reader = try CSVReader(path: path)
        var fields: [String] = []
        var n = -1
        while try reader.next(into: &fields) != nil { n += 1 }
        return n
    }

    @Test(.enabled(if: haveShopifyExports, "../shared/data/external/shopify-exports is absent: the real Shopify exports are not beside this checkout"),
          arguments: ["kidsliving_orders_export_redacted.csv", "maison_maria_orders_export_1_redacted.csv"])
    func realShopifyOrdersExportsLoadWithEveryLineAccountedFor(_ name: String) throws {
        let path = shopifyExports.appendingPathComponent(name).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let result = try ingest(["orders-\(name)": text])
        let counts = try #require(result.files.first)
        #expect(counts.format == .shopifyOrders)
        #expect(counts.balances)
        #expect(counts.rowsRead + (counts.recordsSkipped ?? 0) == (try records(path)))
        #expect(counts.rowsNew + counts.rowsRejected == counts.rowsRead)   // a first load: nothing replaced
        // Every reject points at a line of the export and names its column.
        #expect(result.rejects.allSatisfy { $0.line >= 2 && $0.column == "Lineitem sku" })
    }

    @Test func aShopifyExportNamedAsOrdersIsReadAndNamedInTheCounts() throws {
        let export = """
            Name,Financial Status,Fulfillment Status,Created at,Lineitem quantity,Lineitem price,Lineitem sku,Cancelled at
            #1,paid,fulfilled,2021-05-13 11:01:13 +0200,2,10.00,A,
            #1,,,2021-05-13 11:01:13 +0200,1,5.00,,
            #2,voided,unfulfilled,2021-05-14 09:00:00 +0200,1,10.00,A,2021-05-14 10:00:00 +0200

            """
        let result = try ingest(["orders_export.csv": export])
        let counts = try #require(result.files.first)
        #expect(counts.format == .shopifyOrders)
        #expect((counts.rowsRead, counts.rowsNew, counts.rowsRejected) == (3, 2, 1))
        #expect(result.rejects.map(\.line) == [3])
    }

    @Test func aShopifyRowWithoutAnOrderNameIsRejectedEvenAsTheFirstRow() throws {
        // A first row with an empty Name used to stop the process (it continued "the order
        // before", which did not exist); it is a bad row like any other.
        let export = """
            Name,Created at,Lineitem quantity,Lineitem sku
            ,2026-11-01 10:00:00 +0000,1,S1
            #1002,2026-11-01 10:00:00 +0000,1,S2

            """
        let result = try ingest(["orders_export.csv": export])
        let counts = try #require(result.files.first)
        #expect((counts.rowsRead, counts.rowsNew, counts.rowsRejected) == (2, 1, 1))
        #expect(result.rejects.map(\.line) == [2])
        #expect(result.rejects.first?.column == "Name")
    }

    @Test func restocksOwnColumnsForcedAsAShopifyExportAreRejectedRowByRowNotACrash() throws {
        let result = try ingest(["orders.csv": "order_id,ordered_at,sku,quantity\nA,2026-11-01,S1,2\nB,2026-11-02,S1,1\n"],
                                formats: FormatChoice(forced: .shopifyOrders))
        let counts = try #require(result.files.first)
        #expect((counts.rowsRead, counts.rowsNew, counts.rowsRejected) == (2, 0, 2))
        #expect(result.rejects.allSatisfy { $0.column == "Name" })
    }

    @Test func aMappingWithSemicolonsAndDecimalCommasLoadsThroughTheStage() throws {
        let mapping = try MappingFile(text: """
            [orders]
            file = orders-erp*.csv
            delimiter = ;
            decimal mark = ,
            date format = %d/%m/%Y
            order_id = Beleg
            ordered_at = Datum
            sku = Artikel
            quantity = Menge
            """, name: "map.txt")
        let result = try ingest(["orders-erp.csv": "Beleg;Datum;Artikel;Menge\nR1;03/04/2024;A;1,5\nR2;31/04/2024;A;1\n"],
                                formats: FormatChoice(mapping: mapping))
        let counts = try #require(result.files.first)
        #expect(counts.format == .mapped)
        #expect((counts.rowsRead, counts.rowsNew, counts.rowsRejected) == (2, 1, 1))
        #expect(result.rejects.first?.line == 3)
    }

    @Test func aFileOfNoKnownFormatIsRefusedNamingTheFormatsAndTheMapping() throws {
        do {
            _ = try ingest(["orders.csv": "Beleg,Datum,Artikel\n1,2,3\n"])
            Issue.record("an unknown header was loaded")
        } catch let error as CSVError {
            #expect(error.hint.contains("shopify-orders"))
            #expect(error.hint.contains("mapping"))
        }
    }

    /// A real product list (11,223 variants, 71 with stock below zero: units sold without
    /// stock) loads through a mapping with every row kept: none is rejected for its stock.
    @Test(.enabled(if: haveStoreProducts, "../shared/data/external/kidsliving-inventory is absent: the real product list is not beside this checkout"))
    func aRealProductListWithStockBelowZeroLoadsEveryRow() throws {
        let mapping = try MappingFile(text: """
            [products]
            file = products-store*.csv
            sku = id
            name = name
            supplier = supplier_name
            on_hand = inventory_total
            unit_price = price
            """, name: "restock-map.txt")
        let text = try String(contentsOfFile: storeProducts.path, encoding: .utf8)
        let result = try ingest(["products-store.csv": text], formats: FormatChoice(mapping: mapping))
        let counts = try #require(result.files.first)
        #expect(counts.format == .mapped)
        #expect(counts.rowsRead == (try records(storeProducts.path)))
        #expect((counts.rowsNew, counts.rowsRejected) == (counts.rowsRead, 0))
        #expect(result.rejects.isEmpty)
    }

    /// A real delivery history loads as receipts through a mapping that quotes a column name
    /// holding `#` and reads two date forms: every line is loaded, a duplicate, or rejected;
    /// the rejects are the lines whose purchase-order date is not given (`N/A - From RDC`,
    /// `Date Not Captured`), is written in neither form, or falls after the delivery.
    @Test(.enabled(if: haveDeliveries, "../shared/data/external/usaid-scms-deliveries is absent: the real delivery history is not beside this checkout"))
    func aRealDeliveryHistoryLoadsAsReceiptsWithEveryLineAccountedFor() throws {
        let mapping = try MappingFile(text: """
            [receipts]
            file = receipts-deliveries*.csv
            date format = %m/%d/%y or %d-%b-%y
            po_id = "PO / SO #"
            sku = Item Description
            supplier = Vendor
            ordered_at = PO Sent to Vendor Date
            received_at = Delivered to Client Date
            quantity = Line Item Quantity
            """, name: "restock-map.txt")
        let text = try String(contentsOfFile: deliveries.path, encoding: .utf8)
        let result = try ingest(["receipts-deliveries.csv": text], formats: FormatChoice(mapping: mapping))
        let counts = try #require(result.files.first)
        #expect(counts.format == .mapped)
        #expect(counts.balances)
        #expect(counts.rowsRead == (try records(deliveries.path)))
        // The purchase-order dates in the month-first form, counted apart from restock.
        let reader = try CSVReader(path: deliveries.path)
        var fields: [String] = []
        _ = try reader.next(into: &fields)
        let poColumn = try #require(fields.firstIndex { $0.hasSuffix("PO Sent to Vendor Date") })
        var monthFirst = 0
        while try reader.next(into: &fields) != nil {
            if fields[poColumn].wholeMatch(of: /[0-9]{1,2}\/[0-9]{1,2}\/[0-9]{2}/) != nil { monthFirst += 1 }
        }
        let loaded = counts.rowsNew + counts.rowsReplaced + counts.duplicates
        // A late delivery is rejected in the file's terms: its column, its cell as written.
        let late = result.rejects.filter { $0.column == "Delivered to Client Date" }
        #expect(loaded + late.count == monthFirst)
        #expect(late.allSatisfy { $0.reason.contains("must not be before ordered_at") })
        #expect(late.allSatisfy { $0.value.wholeMatch(of: /[0-9]{2}-[A-Z][a-z]{2}-[0-9]{2}/) != nil })
        #expect(late.allSatisfy { $0.reason.contains("ordered_at is column \"PO Sent to Vendor Date\"") })
        #expect(result.rejects.allSatisfy { $0.column == "Delivered to Client Date" || $0.column == "PO Sent to Vendor Date" })
        #expect(loaded > 2_000)
    }
}
