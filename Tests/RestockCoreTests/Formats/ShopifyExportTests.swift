import Foundation
import Testing
@testable import RestockCore

@Suite struct ShopifyExportTests {
    @Test func ordersExportCarriesOrderColumnsToTheOrdersOtherLines() throws {
        let f = try ExportFixture("shopify-orders.csv")
        #expect(f.format == .shopifyOrders)
        let second = try #require(f.row(line: 3))
        #expect(second["order_id"] == "#1001")
        #expect(second["sku"] == "TEA-01")
        // Financial and fulfilment status, fulfilled at: written on line 2 only.
        #expect(second["financial_status"] == "paid")
        #expect(second["fulfillment_status"] == "fulfilled")
        #expect(second["fulfilled_at"] == "2021-05-14T09:30:00+02:00")
        #expect(second["ordered_at"] == "2021-05-13T11:01:13+02:00")
        let partial = try #require(f.row(line: 7))
        #expect(partial["fulfillment_status"] == "partial")
        #expect(partial["line_fulfillment_status"] == "pending")
    }

    @Test func ordersExportDatesWithASpaceBeforeTheOffsetAreInstants() throws {
        let f = try ExportFixture("shopify-orders.csv")
        let first = try #require(f.orders.first)
        // 2021-05-13 11:01:13 +0200 = 09:01:13Z = 1,620,896,473 s since 1970.
        #expect(first.orderedAt.instant == 1_620_896_473_000_000)
        #expect(first.quantity == 2)
        #expect(first.unitPrice == 299)
    }

    @Test func ordersExportLinesGetStableIdsFromTheirSKU() throws {
        let f = try ExportFixture("shopify-orders.csv")
        let cups = f.orders.filter { $0.orderId == "#1004" }
        #expect(cups.map(\.lineKey) == ["CUP-1", "CUP-1#2"])
        #expect(cups.allSatisfy { $0.lineKeyIsLineId })
    }

    @Test func ordersExportCancelledOrderIsCancelledAndRefundsAreKept() throws {
        let f = try ExportFixture("shopify-orders.csv")
        let voided = try #require(f.orders.first { $0.orderId == "#1002" })
        #expect(voided.cancelled)
        #expect(f.row(line: 4)?["financial_status"] == "voided")
        #expect(f.row(line: 4)?["cancelled_at"] == "2021-05-14T08:00:00+02:00")
        #expect(f.orders.filter { $0.cancelled }.count == 1)
        #expect(f.row(line: 2)?["requires_shipping"] == "true")
    }

    @Test func refundedAndVoidedOrdersAreReturnsWhereTheyShippedAndCancellationsWhereNot() throws {
        let f = try ExportFixture("shopify-orders-refunds.csv")
        #expect(f.rejected.isEmpty)
        let rows = f.orders.map { "\($0.orderId) \($0.sku) \($0.quantity) \($0.cancelled ? "cancelled" : "kept")" }
        #expect(rows == [
            // Line 2: refunded after it shipped: the sale stays, a refund note of its 2 units follows.
            "#2001 MUG-BL 2.0 kept", "#2001 refund MUG-BL -2.0 kept",
            // Line 3: refunded before it shipped; line 4: voided: no demand.
            "#2002 TEA-01 1.0 cancelled", "#2003 SPN-1 1.0 cancelled",
            // Line 5: partly refunded, which units is not said: a sale.
            "#2004 CUP-1 3.0 kept",
            // Lines 6-7: a refunded order shipped in part: the shipped cup returns, the saucer never left.
            "#2005 CUP-1 1.0 kept", "#2005 refund CUP-1 -1.0 kept", "#2005 SAU-1 1.0 cancelled",
        ])
        // The refund note is dated when the order shipped (2 June), keyed as a credit (no line id).
        let note = try #require(f.orders.first { $0.orderId == "#2001 refund" })
        #expect(note.orderedAt.instant == 1_622_624_400_000_000)
        #expect(!note.lineKeyIsLineId)
        #expect(f.everyRecordAccountedFor)
    }

    @Test func ordersExportGiftCardLineWithoutSKUIsSkippedAsNotStock() throws {
        // Line 5: a gift card, no SKU, requires shipping false (README, "Non-stock lines").
        let f = try ExportFixture("shopify-orders.csv")
        #expect(f.rejected.isEmpty)
        #expect(f.skipped.map(\.line) == [5])
        #expect(f.orders.count == 5)
        #expect(f.everyRecordAccountedFor)
    }

    @Test func ordersExportLineThatNeedsNoShippingIsNotStockAndOneWithoutSKUThatShipsIsRejected() throws {
        let f = try ExportFixture("shopify-orders-not-stock.csv")
        // Line 2 ships (stocked not said), line 3 is a gift card without SKU (skipped), line 4
        // a service with a SKU and requires shipping FALSE (stocked no), line 5 ships without
        // a SKU (rejected: restock counts SKUs).
        #expect(f.orders.map(\.sku) == ["MUG-1", "ENGRAVE"])
        #expect(f.orders.map(\.stocked) == [nil, false])
        #expect(f.skipped.map(\.line) == [3])
        #expect(f.rejected.map(\.line) == [5])
        #expect(f.rejected.first?.column == "Lineitem sku")
        #expect(f.everyRecordAccountedFor)
    }

    @Test(arguments: ["shopify-products-variant-columns.csv", "shopify-products-new-columns.csv"])
    func productsExportOfEitherGenerationCarriesProductColumnsToVariants(_ name: String) throws {
        let f = try ExportFixture(name)
        #expect(f.format == .shopifyProducts)
        let red = try #require(f.products.first { $0.sku == "MUG-RD" })
        #expect(red.name == "Mug")
        #expect(red.supplier == "Acme")
        #expect(red.category == "Mugs")
        #expect(red.onHand == 0)
        #expect(red.unitPrice == 299)
        #expect(red.unitCost == 110)
        let blue = try #require(f.products.first { $0.sku == "MUG-BL" })
        #expect(blue.onHand == 12)
        #expect(f.row(line: 3)?["backorders_allowed"]?.lowercased() == "continue")
        #expect(f.skipped.map(\.line) == [4])
        #expect(f.everyRecordAccountedFor)
    }

    @Test func productsExportVariantWithoutSKUIsRejected() throws {
        let f = try ExportFixture("shopify-products-variant-columns.csv")
        #expect(f.rejected.map(\.line) == [5])
        #expect(f.rejected.first?.column == "Variant SKU")
    }

    @Test func inventoryExportSumsLocationsAndSkipsNotStocked() throws {
        let f = try ExportFixture("shopify-inventory.csv")
        #expect(f.format == .shopifyInventory)
        // MUG-BL: on hand 10 + 2 = 12, incoming 5 + 0 = 5, on the line of its first location.
        let blue = try #require(f.products.first { $0.sku == "MUG-BL" })
        #expect(blue.onHand == 12)
        #expect(blue.onOrder == 5)
        #expect(f.row(line: 2)?["sku"] == "MUG-BL")
        // MUG-RD: 0 in the warehouse, not stocked in the shop.
        let red = try #require(f.products.first { $0.sku == "MUG-RD" })
        #expect(red.onHand == 0)
        // CND-1: stocked nowhere, so no on_hand at all (not 0).
        let candle = try #require(f.products.first { $0.sku == "CND-1" })
        #expect(candle.onHand == nil)
        #expect(f.skipped.map(\.line) == [3, 5])
        #expect(f.everyRecordAccountedFor)
    }
}
