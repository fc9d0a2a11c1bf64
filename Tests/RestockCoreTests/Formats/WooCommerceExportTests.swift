import Foundation
import Testing
@testable import RestockCore

@Suite struct WooCommerceExportTests {
    @Test func productsExportWithByteOrderMarkAndLocalePrices() throws {
        let f = try ExportFixture("woocommerce-products.csv")
        #expect(f.format == .woocommerceProducts)
        let mug = try #require(f.products.first { $0.sku == "MUG-BL" })
        #expect(mug.unitPrice == 12.5)          // "12,50"
        #expect(mug.onHand == 12)
        #expect(mug.reorderPoint == 4)          // Low stock amount
        #expect(mug.category == "Home > Kitchen")
        let hoodie = try #require(f.products.first { $0.sku == "HOODIE-S" })
        #expect(hoodie.unitPrice == 1299)       // "1.299,00"
        #expect(hoodie.category == "Clothing > Hoodies")   // from its parent id:12
        #expect(f.row(line: 4)?["backorders_allowed"] == "notify")
        #expect(f.row(line: 5)?["item_type"] == "simple, virtual")
    }

    @Test func productsExportSkipsVariableParentsAndRejectsRowsWithoutSKU() throws {
        let f = try ExportFixture("woocommerce-products.csv")
        #expect(f.skipped.map(\.line) == [3])
        #expect(f.rejected.map(\.line) == [6])
        #expect(f.everyRecordAccountedFor)
    }

    @Test func orderExportKeepsBackorderedQuantityAndCancellations() throws {
        let f = try ExportFixture("woocommerce-orders.csv")
        #expect(f.format == .woocommerceOrders)
        #expect(f.orders.map(\.sku) == ["MUG-BL", "HOODIE-S", "MUG-BL"])
        #expect(f.row(line: 3)?["backordered_quantity"] == "1")
        #expect(f.row(line: 2)?["backordered_quantity"] == nil)
        #expect(f.row(line: 2)?["fulfillment_status"] == "completed")
        #expect(f.row(line: 2)?["fulfilled_at"] == "2024-09-26 10:00:00")
        #expect(f.orders.map(\.cancelled) == [false, false, true])
        #expect(f.everyRecordAccountedFor)
    }
}
