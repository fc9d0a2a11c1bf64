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

    /// Block 2 (days 128...191), one day: day 131 with 3 lines, 2 priced, 1.5 units, price sum 4.
    static let handWritten: [UInt8] = [
        1,                                          // format
        3,                                          // day 131 - 128
        3, 0, 0, 0,                                 // lines
        2, 0, 0, 0,                                 // priced lines
        0, 0, 0, 0, 0, 0, 0xF8, 0x3F,               // 1.5 = 0x3FF8000000000000
        0, 0, 0, 0, 0, 0, 0x10, 0x40,               // 4.0 = 0x4010000000000000
    ]

    @Test func decodesAHandWrittenBlockAndEncodesItBackByteForByte() throws {
        let totals = try Self.handWritten.withUnsafeBytes { try DailyTotalsBlock.decode($0, block: 2) }
        #expect(totals == [DailyTotal(day: 131, lines: 3, pricedLines: 2, units: 1.5, priceSum: 4)])
        #expect(DailyTotalsBlock.encode(totals, block: 2) == Self.handWritten)
    }

    @Test func refusesDamagedOrForeignBytes() {
        func decode(_ bytes: [UInt8]) throws { _ = try bytes.withUnsafeBytes { try DailyTotalsBlock.decode($0, block: 2) } }
        #expect(throws: DigestError.self) { try decode([9]) }                                 // unknown format
        #expect(throws: DigestError.self) { try decode([]) }                                  // no format byte
        #expect(throws: DigestError.self) { try decode(Array(Self.handWritten.dropLast())) }  // cut short
        var offset = Self.handWritten
        offset[1] = 64                                                                         // past the block
        #expect(throws: DigestError.self) { try decode(offset) }
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
