import Testing
@testable import RestockCore

@Suite struct DailyTotalsBlockTests {
    @Test func blocksAre64DaysAndFloorForDaysBefore1970() {
        #expect(DailyTotalsBlock.block(of: 0) == 0)
        #expect(DailyTotalsBlock.block(of: 63) == 0)
        #expect(DailyTotalsBlock.block(of: 64) == 1)
        #expect(DailyTotalsBlock.block(of: -1) == -1)
        #expect(DailyTotalsBlock.block(of: -64) == -1)
        #expect(DailyTotalsBlock.block(of: -65) == -2)
        #expect(DailyTotalsBlock.firstDay(of: -2) == -128)
    }

    @Test func aLineCountsOnceAndACancelledLineNotAtAll() {
        let line = DailyTotal(day: 5, cancelled: false, units: 3, price: 2.5)
        #expect(line == DailyTotal(day: 5, lines: 1, pricedLines: 1, units: 3, priceSum: 2.5))
        #expect(DailyTotal(day: 5, cancelled: true, units: 3, price: 2.5).isEmpty)
        #expect(DailyTotal(day: 5, cancelled: false, units: 3, price: nil) == DailyTotal(day: 5, lines: 1, units: 3))
        var t = line
        t.add(DailyTotal(day: 5, cancelled: false, units: 3, price: 2.5, sign: -1))
        #expect(t.isEmpty && t.units == 0 && t.priceSum == 0)
    }

    @Test func encodesAndDecodesABlockExactly() throws {
        let block = 320
        let totals = [DailyTotal(day: 320 * 64, lines: 2, pricedLines: 1, units: 7.5, priceSum: 19.99),
                      DailyTotal(day: 320 * 64 + 63, lines: 1, pricedLines: 0, units: 1, priceSum: 0)]
        let bytes = DailyTotalsBlock.encode(totals, block: block)
        #expect(bytes.count == 1 + 2 * 25)
        let back = try bytes.withUnsafeBytes { try DailyTotalsBlock.decode($0, block: block) }
        #expect(back == totals)
    }

    @Test func refusesDamagedOrForeignBytes() {
        #expect(throws: DigestError.self) { try [UInt8]([9]).withUnsafeBytes { _ = try DailyTotalsBlock.decode($0, block: 0) } }
        var bytes = DailyTotalsBlock.encode([DailyTotal(day: 3, lines: 1, units: 1)], block: 0)
        bytes.removeLast()
        #expect(throws: DigestError.self) { try bytes.withUnsafeBytes { _ = try DailyTotalsBlock.decode($0, block: 0) } }
    }

    @Test func mergeAddsDeltasAndDropsDaysWhoseLinesAllWentAway() {
        let stored = [DailyTotal(day: 1, lines: 2, pricedLines: 2, units: 4, priceSum: 10),
                      DailyTotal(day: 3, lines: 1, pricedLines: 1, units: 1, priceSum: 5)]
        let deltas = [DailyTotal(day: 0, lines: 1, units: 2),
                      DailyTotal(day: 1, lines: -1, pricedLines: -1, units: -1, priceSum: -5),
                      DailyTotal(day: 3, lines: -1, pricedLines: -1, units: -1, priceSum: -5),
                      DailyTotal(day: 4, lines: 1, units: 1)]
        #expect(DailyTotalsBlock.merge(stored, deltas) == [
            DailyTotal(day: 0, lines: 1, units: 2),
            DailyTotal(day: 1, lines: 1, pricedLines: 1, units: 3, priceSum: 5),
            DailyTotal(day: 4, lines: 1, units: 1),
        ])
    }

    @Test func coalesceSortsByDayAndSumsEachDay() {
        let out = DailyTotalsBlock.coalesce([DailyTotal(day: 9, lines: 1, units: 1), DailyTotal(day: 2, lines: 1, units: 2),
                                             DailyTotal(day: 9, lines: 1, units: 3)])
        #expect(out == [DailyTotal(day: 2, lines: 1, units: 2), DailyTotal(day: 9, lines: 2, units: 4)])
    }
}
