import Foundation
import Testing
@testable import RestockCore

@Suite struct BigCommerceExportTests {
    @Test func productDetailsSplitOnKnownKeysKeepNamesWithCommasAndColons() {
        let cell = "Product ID: 77, Product Qty: 2, Product SKU: TEA-CUP, Product Name: Tea, cups: blue, Product Weight: 1.0000, "
            + "Product Variation Details: , Product Unit Price: 12.50, Product Total Price: 25.00|Product ID: 78, Product Qty: 1, "
            + "Product SKU: POT-9, Product Name: Pot | large, Product Variation Details: Size: L, Product Unit Price: 37.50"
        let lines = ProductDetails.lines(cell)
        #expect(lines.count == 2)
        #expect(lines[0]["Product Name"] == "Tea, cups: blue")
        #expect(lines[0]["Product SKU"] == "TEA-CUP")
        #expect(lines[0]["Product Qty"] == "2")
        #expect(lines[0]["Product Variation Details"] == "")
        #expect(lines[1]["Product Name"] == "Pot | large")
        #expect(lines[1]["Product Variation Details"] == "Size: L")
        #expect(lines[1]["Product Unit Price"] == "37.50")
    }

    @Test func defaultOrdersExportMakesOneRowPerPackedLine() throws {
        let f = try ExportFixture("bigcommerce-orders.csv")
        #expect(f.format == .bigcommerceOrders)
        let first = f.orders.filter { $0.orderId == "101" }
        #expect(first.map(\.sku) == ["TEA-CUP", "POT-9"])
        #expect(first.map(\.quantity) == [2, 1])
        #expect(first.map(\.unitPrice) == [12.5, 37.5])
        #expect(f.rows.filter { $0.line == 2 }.count == 2)
        // Mon, 23 Sep 2024 14:21:24 +0000.
        #expect(f.row(line: 2)?["ordered_at"] == "2024-09-23T14:21:24+00:00")
        #expect(f.row(line: 2)?["fulfilled_at"] == "2024-09-24T09:00:00+00:00")
        #expect(f.row(line: 2)?["order_units_shipped"] == "3")
    }

    @Test func defaultOrdersExportCancelledOrderAndEmptyDetails() throws {
        let f = try ExportFixture("bigcommerce-orders.csv")
        #expect(f.orders.first { $0.orderId == "102" }?.cancelled == true)
        #expect(f.orders.filter { $0.orderId == "101" }.allSatisfy { !$0.cancelled })
        #expect(f.rejected.map(\.line) == [4])
        #expect(f.everyRecordAccountedFor)
    }

    @Test func oneRowPerProductTemplateRepeatsOrderColumns() throws {
        let f = try ExportFixture("bigcommerce-order-lines.csv")
        #expect(f.format == .bigcommerceOrderLines)
        #expect(f.orders.map(\.sku) == ["TEA-CUP", "POT-9", "TEA-CUP"])
        #expect(f.orders.allSatisfy { !$0.cancelled })   // Refunded is a return, not a cancellation
        #expect(f.row(line: 4)?["fulfillment_status"] == "Refunded")
        #expect(f.row(line: 2)?["order_units"] == "3")
        #expect(f.row(line: 2)?["order_units_shipped"] == "2")
        #expect(f.everyRecordAccountedFor)
    }

    @Test func productsExportUsesSKURowsForVariantsAndSkipsTheirProduct() throws {
        let f = try ExportFixture("bigcommerce-products.csv")
        #expect(f.format == .bigcommerceProducts)
        #expect(f.products.map(\.sku) == ["TEA-CUP", "POT-S", "POT-L"])
        let cup = f.products[0]
        #expect(cup.onHand == 40)
        #expect(cup.reorderPoint == 10)
        #expect(cup.unitCost == 4)
        #expect(cup.category == "Kitchen/Cups")
        // POT-S takes the product's price, cost and category; POT-L has its own price and cost.
        #expect(f.products[1].unitPrice == 37.5)
        #expect(f.products[1].unitCost == 15)
        #expect(f.products[1].category == "Kitchen/Pots")
        #expect(f.products[2].unitPrice == 39.5)
        // Low Stock Level 0 is no alert, not a reorder point of 0.
        #expect(f.products[2].reorderPoint == nil)
        #expect(f.skipped.map(\.line).sorted() == [3, 6])
        #expect(f.everyRecordAccountedFor)
    }
}
