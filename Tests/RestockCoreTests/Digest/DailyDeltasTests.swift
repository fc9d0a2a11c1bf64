import Testing
@testable import RestockCore

@Suite struct DailyDeltasTests {
    @Test func sumsEachSKUsDeltasPerDayAndCutsThemIntoBlocksInBlockThenRankOrder() {
        var deltas = DailyDeltas()
        // SKU 0 on day 63 (block 0), then day 64 (block 1), then day 63 again; SKU 1 on day 70.
        deltas.add(0, DailyTotal(day: 63, lines: 1, units: 2))
        deltas.add(0, DailyTotal(day: 63, lines: 1, pricedLines: 1, units: 1, priceSum: 4))
        deltas.add(0, DailyTotal(day: 64, lines: 1, units: 5))
        deltas.add(1, DailyTotal(day: 70, lines: 2, units: 2))
        deltas.add(0, DailyTotal(day: 63, lines: -1, units: -2))
        #expect(deltas.spilledCount == 2)   // day 63's first sum and day 64; the current days stay
        #expect(deltas.skuCount == 2)
        // SKU 1 sorts before SKU 0 in the store's order.
        let drained = deltas.drain(rank: [1, 0])
        #expect(drained.blocks.map(\.block) == [0, 1, 1])
        #expect(drained.blocks.map(\.sku) == [0, 1, 0])
        #expect(drained.blocks.map { Array(drained.totals[$0.range]) } == [
            [DailyTotal(day: 63, lines: 1, pricedLines: 1, units: 1, priceSum: 4)],   // 1 + 1 - 1 lines, 2 + 1 - 2 units
            [DailyTotal(day: 70, lines: 2, units: 2)],
            [DailyTotal(day: 64, lines: 1, units: 5)],
        ])
        #expect(deltas.spilledCount == 0 && deltas.isEmpty)
        #expect(deltas.drain(rank: [1, 0]).blocks.isEmpty)
    }

    @Test func aCancelledLineAddsNothing() {
        var deltas = DailyDeltas()
        deltas.add(3, DailyTotal(day: 5, cancelled: true, units: 4, price: 1))
        #expect(deltas.skuCount == 0 && deltas.isEmpty)
        #expect(deltas.drain(rank: []).blocks.isEmpty)
    }
}
