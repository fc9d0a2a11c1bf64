import Testing
@testable import RestockCore

@Suite struct PolicyFiguresTests {
    @Test func orderQuantityCoversTheForecastInWholePacks() {
        // 30 x 2.35 = 70.5 -> 71 units -> 6 packs of 12 = 72.
        #expect(PolicyFigures.orderQuantity(productQty: nil, forecastDaily: 2.35, coverDays: 30,
                                            casePack: 12) == 72)
        // 30 x 0.1 is 3.0000000000000004 in floating point: still 3 units.
        #expect(PolicyFigures.orderQuantity(productQty: nil, forecastDaily: 0.1, coverDays: 30,
                                            casePack: nil) == 3)
        // No forecast: one pack.
        #expect(PolicyFigures.orderQuantity(productQty: nil, forecastDaily: 0, coverDays: 30,
                                            casePack: 6) == 6)
        // Products' value wins as given.
        #expect(PolicyFigures.orderQuantity(productQty: 50, forecastDaily: 2.35, coverDays: 30,
                                            casePack: 12) == 50)
    }

    @Test func reorderPointIncreaseRoundsUpToPacks() {
        // 63 - 40 = 23 -> 4 packs of 6 = 24.
        #expect(PolicyFigures.reorderPointIncrease(recommended: 63, inForce: 40, casePack: 6) == 24)
        #expect(PolicyFigures.reorderPointIncrease(recommended: 63, inForce: 40, casePack: nil) == 23)
        // 14 - 12.5 = 1.5 -> 2 units.
        #expect(PolicyFigures.reorderPointIncrease(recommended: 14, inForce: 12.5, casePack: nil) == 2)
        #expect(PolicyFigures.reorderPointIncrease(recommended: 30, inForce: 40, casePack: 6) == 0)
        #expect(PolicyFigures.reorderPointIncrease(recommended: 40, inForce: 40, casePack: 6) == 0)
        // None in force: the recommended point itself.
        #expect(PolicyFigures.reorderPointIncrease(recommended: 63, inForce: nil, casePack: 6) == 63)
    }

    @Test func inventoryPositionNeedsOnHand() {
        #expect(PolicyFigures.inventoryPosition(onHand: 20, onOrder: 12, openBackorderUnits: 5) == 27)
        #expect(PolicyFigures.inventoryPosition(onHand: 20, onOrder: nil, openBackorderUnits: 5) == 15)
        #expect(PolicyFigures.inventoryPosition(onHand: nil, onOrder: 12, openBackorderUnits: 5) == nil)
    }

    /// A negative on_hand is an empty shelf and units owed to waiting customers; restock's
    /// open backorders count the same customers, so the larger count is subtracted once.
    @Test func negativeOnHandCountsItsUnitsOwedOnceWithTheOpenBackorders() {
        // -5 on hand, 12 on order, 3 units on open backorders: 0 + 12 - max(5, 3) = 7.
        #expect(PolicyFigures.inventoryPosition(onHand: -5, onOrder: 12, openBackorderUnits: 3) == 7)
        // restock knows more waiting units than the shop counted: 0 + 12 - max(5, 8) = 4.
        #expect(PolicyFigures.inventoryPosition(onHand: -5, onOrder: 12, openBackorderUnits: 8) == 4)
        // No backorders known, nothing on order: the -5 itself.
        #expect(PolicyFigures.inventoryPosition(onHand: -5, onOrder: nil, openBackorderUnits: 0) == -5)
        // Order now lifts it above the point: IP -5, s 4, Q 6: floor(9/6) + 1 = 2 lots = 12.
        #expect(PolicyFigures.orderNowUnits(inventoryPosition: -5, reorderPoint: 4, orderQuantity: 6) == 12)
    }

    @Test func orderNowLiftsThePositionAboveTheReorderPoint() {
        // IP 10, s 40, Q 12: floor(30/12) + 1 = 3 lots = 36 (46 > 40).
        #expect(PolicyFigures.orderNowUnits(inventoryPosition: 10, reorderPoint: 40, orderQuantity: 12) == 36)
        // IP 16, s 40, Q 12: 24/12 = 2 -> 2 lots reach 40 exactly, not above: 3 lots.
        #expect(PolicyFigures.orderNowUnits(inventoryPosition: 16, reorderPoint: 40, orderQuantity: 12) == 36)
        // At the point (not above it) one lot; above it none.
        #expect(PolicyFigures.orderNowUnits(inventoryPosition: 40, reorderPoint: 40, orderQuantity: 12) == 12)
        #expect(PolicyFigures.orderNowUnits(inventoryPosition: 41, reorderPoint: 40, orderQuantity: 12) == 0)
        // Backorders beyond stock: IP -5, s 0, Q 2: floor(5/2) + 1 = 3 lots = 6.
        #expect(PolicyFigures.orderNowUnits(inventoryPosition: -5, reorderPoint: 0, orderQuantity: 2) == 6)
        #expect(PolicyFigures.orderNowUnits(inventoryPosition: nil, reorderPoint: 40, orderQuantity: 12) == nil)
    }

    @Test func revenueAtRiskValuesShortagePerCycleOverAYear() {
        // 365 x 4 / 73 = 20 cycles; 2.5 x 20 = 50 units x 9.90 = 495.
        let value = PolicyFigures.revenueAtRisk(expectedShortagePerCycle: 2.5, forecastDaily: 4,
                                                orderQuantity: 73, unitPrice: 9.90)
        #expect(abs(value - 495) < 1e-9)
        #expect(PolicyFigures.revenueAtRisk(expectedShortagePerCycle: 2.5, forecastDaily: 4,
                                            orderQuantity: 73, unitPrice: nil) == 0)
        #expect(PolicyFigures.revenueAtRisk(expectedShortagePerCycle: 2.5, forecastDaily: 0,
                                            orderQuantity: 73, unitPrice: 9.90) == 0)
        // 100 short per cycle, 1/day, Q 10: 36.5 cycles x 100 = 3,650 units, more than the
        // year's 365 units of demand: capped at 365 x price 2 = 730.
        #expect(PolicyFigures.revenueAtRisk(expectedShortagePerCycle: 100, forecastDaily: 1,
                                            orderQuantity: 10, unitPrice: 2) == 730)
    }
}

@Suite struct CasePackRoundingTests {
    @Test func aRiseOfOneUnitWithPacksOfABillionIsOnePack() {
        // 41 - 40 = 1 unit; 1 / 10^9 is within the 10^-9 tolerance of 0, but one unit needs a pack.
        #expect(PolicyFigures.reorderPointIncrease(recommended: 41, inForce: 40, casePack: 1_000_000_000) == 1e9)
        // 0.5 of a unit (in force 40.5) is still one pack.
        #expect(PolicyFigures.reorderPointIncrease(recommended: 41, inForce: 40.5, casePack: 1_000_000_000) == 1e9)
    }

    @Test func floatingPointNoiseInUnitsStillRoundsDown() {
        // 30 x 0.1 = 3.0000000000000004 units: 3 units, one pack of 3.
        #expect(PolicyFigures.roundUpToPacks(30 * 0.1, casePack: 3) == 3)
        // 25 units in packs of 12: 3 packs.
        #expect(PolicyFigures.roundUpToPacks(25, casePack: 12) == 36)
    }
}

@Suite struct RevenueAtRiskTotalityTests {
    @Test func anInfiniteShortageWithNoCyclesIsNoRevenueAtRisk() {
        // The fuzz finding: a forecast of 2.9e-311 a day and lots of 4.6e18 units give 0 cycles a
        // year; an infinite shortage per cycle times 0 cycles is NaN, which must not be a figure.
        let r = PolicyFigures.revenueAtRisk(expectedShortagePerCycle: .infinity, forecastDaily: 2.857142857143e-311,
                                            orderQuantity: 4.611686018427388e18, unitPrice: 1)
        #expect(r == 0)
    }

    @Test func anInfiniteMeanPriceIsNoRevenueAtRisk() {
        // The fuzz finding: two stored prices of 1e308 average to infinity; 0 units short times
        // an infinite price is NaN.
        #expect(PolicyFigures.revenueAtRisk(expectedShortagePerCycle: 0, forecastDaily: 1, orderQuantity: 10, unitPrice: .infinity) == 0)
        #expect(PolicyFigures.revenueAtRisk(expectedShortagePerCycle: 1, forecastDaily: 1, orderQuantity: 10, unitPrice: .infinity) == 0)
    }
}
