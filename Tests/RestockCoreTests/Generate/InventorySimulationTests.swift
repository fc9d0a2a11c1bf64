import Testing
@testable import RestockCore

@Suite struct InventorySimulationTests {
    /// A SKU with reorder point 0, lots of 3, no stock, patient customers, and a supplier
    /// whose lead time is exactly `leadDays` (cv 0: L = round(mean * exp(0)) = mean).
    static func setUp(leadDays: Double, cancelProbability: Double)
        -> (InventorySimulation, InventorySimulation.Context) {
        var supplier = SupplierProfile(index: 0, seed: 1)
        supplier.baseMeanDays = leadDays
        supplier.cv = 0
        supplier.slowdown = 0
        var profile = SKUProfile(number: 1, seed: 1, suppliers: [supplier], startDay: 0, endDay: 999)
        profile.reorderPoint = 0
        profile.orderQuantity = 3
        profile.cancelProbability = cancelProbability
        profile.patienceDays = 5
        var state = InventorySimulation(profile: profile, seed: 1)
        state.onHand = 0
        let context = InventorySimulation.Context(profile: profile, supplier: supplier, horizonStart: 0,
                                                  horizonLength: 999 * 86_400)
        return (state, context)
    }

    static func at(day: Int, hour: Int) -> Int64 { Int64(day * 86_400 + hour * 3_600) }

    /// Day 10: 2 units short -> backorder A (2); position -2 <= 0, lots (0 + 2) / 3 + 1 = 1,
    /// PO of 3 arriving day 15. Day 11: 2 more short -> backorder B (2); position
    /// 0 + 3 - 4 = -1, lots 1 / 3 + 1 = 1, PO of 3 arriving day 16.
    /// Day 15: 3 units fill A (2) and 1 of B: rows A 2 and B 1 fulfilled day 15, B's other unit
    /// waits. Day 16: 3 units fill B's last unit (row B 1 fulfilled day 16), 2 go on hand.
    @Test func fillsBackordersFirstInFirstOutAndSplitsAPartialFill() {
        var (state, context) = Self.setUp(leadDays: 5, cancelProbability: 0)
        var output = InventorySimulation.Output()
        state.demand(time: Self.at(day: 10, hour: 10), quantity: 2, order: 1, line: 1, context: context, into: &output)
        state.demand(time: Self.at(day: 11, hour: 10), quantity: 2, order: 2, line: 1, context: context, into: &output)
        #expect(state.backorderedUnits == 4)
        #expect(state.onOrder == 6)
        state.settle(through: Self.at(day: 30, hour: 0), context: context, into: &output)

        #expect(output.receipts.map { $0.receivedAt / 86_400 } == [15, 16])
        #expect(output.receipts.map(\.quantity) == [3, 3])
        let rows = output.backorders.map { ($0.order, $0.quantity, $0.closedAt / 86_400, $0.cancelled) }
        #expect(rows.count == 3)
        #expect(rows[0] == (1, 2, 15, false))
        #expect(rows[1] == (2, 1, 15, false))
        #expect(rows[2] == (2, 1, 16, false))
        #expect(output.backorders[1].backorderedAt == output.backorders[2].backorderedAt)
        #expect(state.onHand == 2)
        #expect(state.onOrder == 0)
        #expect(state.backorderedUnits == 0)
        #expect(state.openBackorders(sku: 1).isEmpty)
    }

    /// A customer who always gives up (probability 1) waits at least 2 days less 4 hours
    /// (1 + geometric >= 2 days, jitter >= -4 h); the PO takes 1000 days, so the backorder is
    /// cancelled, not filled, and the lot stays on order.
    @Test func cancelsABackorderWhoseCustomerRunsOutOfPatience() {
        var (state, context) = Self.setUp(leadDays: 1_000, cancelProbability: 1)
        var output = InventorySimulation.Output()
        let start = Self.at(day: 10, hour: 10)
        state.demand(time: start, quantity: 2, order: 7, line: 2, context: context, into: &output)
        state.settle(through: Self.at(day: 400, hour: 0), context: context, into: &output)
        #expect(output.receipts.isEmpty)
        #expect(output.backorders.count == 1)
        let row = output.backorders[0]
        #expect(row.cancelled)
        #expect(row.quantity == 2 && row.order == 7 && row.line == 2)
        #expect(row.closedAt >= start + 2 * 86_400 - 4 * 3_600)
        #expect(state.backorderedUnits == 0)
        #expect(state.onOrder == 3)
    }

    /// Stock on hand ships first: 5 on hand, a line of 3 ships whole, position 2 > 0, so
    /// nothing is ordered and nothing is backordered.
    @Test func shipsFromStockWithoutReorderingAboveTheReorderPoint() {
        var (state, context) = Self.setUp(leadDays: 5, cancelProbability: 0)
        state.onHand = 5
        var output = InventorySimulation.Output()
        state.demand(time: Self.at(day: 3, hour: 9), quantity: 3, order: 1, line: 1, context: context, into: &output)
        #expect(state.onHand == 2)
        #expect(state.onOrder == 0)
        #expect(output.backorders.isEmpty && state.waiting.isEmpty)
    }
}
