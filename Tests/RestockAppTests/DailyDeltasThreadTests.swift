import Foundation
import Testing
@testable import RestockApp
import RestockCore

/// The daily deltas summed on their own thread (`DailyDeltasThread`) drain exactly where the
/// writer drained them itself: after the batch that leaves `flushThreshold` deltas spilled,
/// and at the end, in (block, SKU byte order) order (Sources/PERFORMANCE.md).
@Suite struct DailyDeltasThreadTests {
    /// One order line of `units` units at `price` on `day`.
    func line(_ sku: String, _ day: Day, _ units: Double, _ price: Double) -> (sku: String, total: DailyTotal) {
        (sku, DailyTotal(day: day, cancelled: false, units: units, price: price))
    }

    @Test func drainsAfterTheBatchThatSpillsTheThresholdThenMergesWhatComesLater() throws {
        let thread = DailyDeltasThread(flushThreshold: 2, hadDays: false)
        // B moves from day 1 to day 2: one delta spilled (B day 1); below 2, no drain.
        thread.add([line("B", 1, 2, 5), line("B", 2, 1, 4), line("A", 1, 3, 2)])
        // B moves on to day 70 (block 1): B day 2 spilled too, 2 in all: a drain.
        thread.add([line("B", 70, 4, 1), line("B", 70, 1, 1)])
        var drains: [DailyDeltasThread.Drained] = []
        while drains.isEmpty, let d = thread.nextDrained(wait: true) { drains.append(d) }
        let first = drains[0]
        #expect(!first.isLast)
        #expect(first.deltaCount == 4)  // A day 1, B days 1, 2 and 70 (two lines summed)
        #expect(first.blocks.map { "\($0.block) \($0.sku)" } == ["0 A", "0 B", "1 B"])
        // Every block is new in this ingest: encoded here, nothing to merge.
        #expect(first.blocks[0].blob == DailyTotalsBlock.encode([DailyTotal(day: 1, lines: 1, pricedLines: 1, units: 3, priceSum: 2)], block: 0))
        #expect(first.blocks[1].blob == DailyTotalsBlock.encode([
            DailyTotal(day: 1, lines: 1, pricedLines: 1, units: 2, priceSum: 5),
            DailyTotal(day: 2, lines: 1, pricedLines: 1, units: 1, priceSum: 4),
        ], block: 0))
        #expect(first.blocks[2].blob == DailyTotalsBlock.encode([DailyTotal(day: 70, lines: 2, pricedLines: 2, units: 5, priceSum: 2)], block: 1))

        // A again in block 0, now written: its delta comes back to be merged with the store's.
        thread.add([line("A", 2, 6, 3)])
        thread.finish()
        let last = try #require(thread.nextDrained(wait: true))
        #expect(last.isLast)
        #expect(last.blocks.map { "\($0.block) \($0.sku) \($0.blob == nil)" } == ["0 A true"])
        #expect(Array(last.totals[last.blocks[0].range]) == [DailyTotal(day: 2, lines: 1, pricedLines: 1, units: 6, priceSum: 3)])
    }

    @Test func anIngestWithoutOrderLinesEndsWithAnEmptyLastDrain() throws {
        let thread = DailyDeltasThread(flushThreshold: 1_000, hadDays: false)
        thread.finish()
        let last = try #require(thread.nextDrained(wait: true))
        #expect(last.isLast && last.blocks.isEmpty)
    }
}
