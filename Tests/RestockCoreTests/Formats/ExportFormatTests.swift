import Foundation
import Testing
@testable import RestockCore

@Suite struct ExportFormatTests {
    private func header(_ fixture: String) throws -> [String] {
        let line = try ExportFixture.text(fixture).split(separator: "\n").first.map(String.init) ?? ""
        var fields: [String] = []
        _ = try CSVReader(bytes: Array(line.utf8), fileName: fixture).next(into: &fields)
        return fields
    }

    @Test func everyFixtureIsRecognisedByItsHeader() throws {
        let expected: [(String, ExportFormat)] = [
            ("shopify-orders.csv", .shopifyOrders), ("shopify-products-variant-columns.csv", .shopifyProducts),
            ("shopify-products-new-columns.csv", .shopifyProducts), ("shopify-inventory.csv", .shopifyInventory),
            ("bigcommerce-orders.csv", .bigcommerceOrders), ("bigcommerce-order-lines.csv", .bigcommerceOrderLines),
            ("bigcommerce-products.csv", .bigcommerceProducts), ("woocommerce-products.csv", .woocommerceProducts),
            ("woocommerce-orders.csv", .woocommerceOrders),
        ]
        for (fixture, format) in expected {
            #expect(ExportFormat.recognise(header: try header(fixture)) == format, "\(fixture)")
        }
    }

    @Test func restocksOwnHeadersStayRestock() {
        #expect(ExportFormat.recognise(header: ["order_id", "ordered_at", "sku", "quantity"], kind: .orders) == .restock)
        #expect(ExportFormat.recognise(header: ["sku", "name", "on_hand"], kind: .products) == .restock)
        #expect(ExportFormat.recognise(header: ["SKU", "Name"]) == .restock)
    }

    @Test func anUnknownHeaderIsNoFormat() {
        #expect(ExportFormat.recognise(header: ["Beleg", "Datum", "Artikel"]) == nil)
        #expect(ExportFormat.recognise(header: ["order_id", "sku"], kind: .orders) == nil)
        #expect(ExportFormat.unknownFormatHint().contains("shopify-orders"))
        #expect(ExportFormat.unknownFormatHint().contains("mapping file, restock-map.txt in the data folder"))
        #expect(ExportFormat.unknownFormatHint().contains("`sku = Item`"))
    }

    @Test func formatsAreNamedForTheCommandLine() {
        #expect(ExportFormat.named("Shopify-Orders") == .shopifyOrders)
        #expect(ExportFormat.named("bigcommerce-products") == .bigcommerceProducts)
        #expect(ExportFormat.named("excel") == nil)
        #expect(ExportFormat.allCases.allSatisfy { ExportFormat.named($0.rawValue) == $0 })
    }
}
