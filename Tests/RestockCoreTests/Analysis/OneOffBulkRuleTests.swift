import Testing
@testable import RestockCore

/// One-off bulk lines (README, "One-off bulk orders").
@Suite struct OneOffBulkRuleTests {
    /// Days 1...n with one line of `units` each.
    static func days(_ units: [Double]) -> [OrderDay] {
        units.enumerated().map { OrderDay(day: $0.offset + 1, lines: 1, units: $0.element) }
    }

    @Test func theUsualLineIsTheMedianLineCountingADaysLinesAtItsMeanSize() {
        // Lines: 2, 2, 4, then 4, 4, 4 (day 20: 3 lines of 12 units, 4 each), 6, 6, 8, 8, 100:
        // 11 lines, the 6th smallest is 4.
        let days = Self.days([2, 2, 4, 6, 6, 8, 8, 100]) + [OrderDay(day: 20, lines: 3, units: 12)]
        #expect(OneOffBulkRule.usualLineUnits(days) == 4)
    }

    @Test func fewerThanTenLinesHaveNoUsualSizeAndNothingIsFlagged() {
        let days = Self.days([2, 2, 2, 2, 2, 2, 2, 2, 500])  // 9 lines
        #expect(OneOffBulkRule.usualLineUnits(days) == nil)
        let result = OneOffBulkRule.apply(days, recurring: false)
        #expect(result.flagged.isEmpty && result.seen == days)
    }

    @Test func aSingleBulkLineIsCountedAtTheUsualSize() {
        // Ten lines of 3 and one of 500: usual 3; 500 > 10 x 3 x 1, a one-off counted as 3.
        let days = Self.days(Array(repeating: 3, count: 10) + [500])
        let result = OneOffBulkRule.apply(days, recurring: false)
        #expect(result.flagged == [OneOffDay(day: 11, lines: 1, units: 500, usualLineUnits: 3, countedUnits: 3)])
        #expect(result.flagged[0].setAsideUnits == 497 && result.flagged[0].isOneOff)
        #expect(result.seen.last?.units == 3)
        #expect(result.seen.dropLast() == days.dropLast())
    }

    @Test func aLineOfExactlyTenTimesTheUsualIsNotBulk() {
        let days = Self.days(Array(repeating: 3, count: 10) + [30])
        #expect(OneOffBulkRule.apply(days, recurring: false).flagged.isEmpty)
    }

    @Test func aBusyDayIsJudgedByItsMeanLine() {
        // Usual 2 (ten lines of 2), one day with a line of 4, day 31 with 5 lines of 3 on
        // average. Day 30: 4 lines, 90 units: 90 > 10 x 2 x 4 = 80, so one of its lines is
        // over 20, and 90 > 5 x 4 x 4 = 80 (4: the largest other day's mean line): it stands
        // apart, counted as 4 lines x max(2, 4) = 16.
        let days = Self.days(Array(repeating: 2, count: 10) + [4])
            + [OrderDay(day: 30, lines: 4, units: 90), OrderDay(day: 31, lines: 5, units: 15)]
        // 20 lines: 10 of 2, 5 of 3, 1 of 4, 4 of 22.5; the 10th smallest is 2.
        let result = OneOffBulkRule.apply(days, recurring: false)
        #expect(result.flagged.map(\.day) == [30])
        #expect(result.flagged.first?.countedUnits == 16)
    }

    @Test func aBulkLineNearTheSKUsOtherLargeLinesIsBelieved() {
        // Lines 2, 2, 2, 3, 3, 4, 5, 8, 12, 20 and 70: usual 4 (the 6th of 11); 70 > 10 x 4,
        // a bulk day, but not 5 times the next largest line (20): the tail of a SKU whose
        // lines run large, counted as ordered and shown.
        let days = Self.days([2, 2, 2, 3, 3, 4, 5, 8, 12, 20, 70])
        let result = OneOffBulkRule.apply(days, recurring: false)
        #expect(result.flagged == [OneOffDay(day: 11, lines: 1, units: 70, usualLineUnits: 4, countedUnits: 70)])
        #expect(!result.flagged[0].isOneOff)
        #expect(result.seen == days)
    }

    @Test func aOneOffCountsAtTheLargestOtherLineWhenThatIsAboveTheUsual() {
        // Lines of 1 (ten), one of 6 and one of 400: usual 1; 400 > 10 x 1 and > 5 x 6: a
        // one-off, counted as the largest other line, 6.
        let days = Self.days(Array(repeating: 1, count: 10) + [6, 400])
        let result = OneOffBulkRule.apply(days, recurring: false)
        #expect(result.flagged.map(\.countedUnits) == [6])
        #expect(result.seen.last?.units == 6)
    }

    @Test func twoBulkDaysRecurAndCountAsOrdered() {
        let days = Self.days(Array(repeating: 3, count: 10) + [500, 400])
        let result = OneOffBulkRule.apply(days, recurring: false)
        #expect(result.flagged.count == 2)
        #expect(result.flagged.allSatisfy { !$0.isOneOff && $0.setAsideUnits == 0 })
        #expect(result.seen == days)
    }

    @Test func aSKUMarkedRecurringIsNotJudged() {
        let days = Self.days(Array(repeating: 3, count: 10) + [500])
        let result = OneOffBulkRule.apply(days, recurring: true)
        #expect(result.flagged.isEmpty && result.seen == days)
    }
}
