import Testing
@testable import RestockCore

@Suite struct WeeklyHistoryTests {
    /// as-of 2026-11-26 (a Thursday), window-days 365:
    /// window [2025-11-27, 2026-11-26] (as-of - 364); 365 = 52 * 7 + 1, so 52 whole weeks
    /// Friday...Thursday, the oldest [2025-11-28, 2025-12-04] (as-of - 363), and one leftover
    /// day, 2025-11-27.
    private let yearly = RunSettings(asOf: CivilDate.day(year: 2026, month: 11, day: 26),
                                     windowDays: 365)

    private func day(_ y: Int, _ m: Int, _ d: Int) -> Day { CivilDate.day(year: y, month: m, day: d) }

    @Test func yearWindowHasFiftyTwoWeeksAndOneLeftoverDay() {
        #expect(yearly.weekCount == 52)
        #expect(yearly.windowStart == day(2025, 11, 27))
        #expect(yearly.firstWeekStart == day(2025, 11, 28))
        #expect(WeeklyHistory.weekIndex(of: day(2025, 11, 27), settings: yearly) == nil)
        #expect(WeeklyHistory.weekIndex(of: day(2025, 11, 28), settings: yearly) == 0)
        #expect(WeeklyHistory.weekIndex(of: day(2026, 11, 20), settings: yearly) == 51)
        #expect(WeeklyHistory.weekIndex(of: day(2026, 11, 26), settings: yearly) == 51)
        #expect(WeeklyHistory.weekIndex(of: day(2026, 11, 27), settings: yearly) == nil)
    }

    @Test func historyOfMidWindowSkuStartsWithTheWeekOfItsFirstOrder() {
        // First order Monday 2026-06-15. From 2025-11-28: 3 days to Dec 1, 31 to Jan 1,
        // then 31 + 28 + 31 + 30 + 31 + 14 = 165 to Jun 15: 199 days = 28 weeks + 3 days,
        // so it lands in oldest-first week 28, [2026-06-12 Fri, 2026-06-18 Thu], which is
        // week 23 counted back from as-of (51 - 28). History: weeks 28...51 = 24 weeks
        // (2026-06-12 ... 2026-11-26 is 168 days). An order before the window (2025-11-01)
        // does not start the history.
        let orders = [
            OrderDay(day: day(2025, 11, 1), lines: 1, units: 100),
            OrderDay(day: day(2026, 6, 15), lines: 1, units: 3),
            OrderDay(day: day(2026, 6, 18), lines: 2, units: 4),
            OrderDay(day: day(2026, 6, 19), lines: 1, units: 5),
            OrderDay(day: day(2026, 11, 26), lines: 1, units: 6),
        ]
        #expect(WeeklyHistory.historyStart(orderDays: orders, settings: yearly) == day(2026, 6, 12))
        let weeks = WeeklyHistory.weekly(orderDays: orders, settings: yearly)
        #expect(weeks.count == 24)
        #expect(weeks[0] == 7)   // Jun 15 + Jun 18 (the week's last day): 3 + 4
        #expect(weeks[1] == 5)   // Jun 19 opens the next week
        #expect(weeks[23] == 6)  // as-of
        #expect(weeks.reduce(0, +) == 18)
    }

    @Test func firstOrderOnTheLastDayOfAWeekStartsHistoryWithThatWeek() {
        // 2026-06-18 is the last day of week [06-12, 06-18]: that week ends on it, so it
        // starts the history (24 weeks); 2026-06-19 starts the next (23 weeks).
        let onEnd = [OrderDay(day: day(2026, 6, 18), lines: 1, units: 1)]
        let after = [OrderDay(day: day(2026, 6, 19), lines: 1, units: 1)]
        #expect(WeeklyHistory.historyStart(orderDays: onEnd, settings: yearly) == day(2026, 6, 12))
        #expect(WeeklyHistory.weekly(orderDays: onEnd, settings: yearly).count == 24)
        #expect(WeeklyHistory.historyStart(orderDays: after, settings: yearly) == day(2026, 6, 19))
        #expect(WeeklyHistory.weekly(orderDays: after, settings: yearly).count == 23)
    }

    @Test func leftoverDayCountsInOrderLinesButInNoWeek() {
        // First order on the leftover day 2025-11-27 (2 units): the first whole week ending
        // on or after it is the oldest, so the history is all 52 weeks; its units are in the
        // window's ordered_units (2 + 5 = 7) but in no week (weeks sum to 5).
        let orders = [OrderDay(day: day(2025, 11, 27), lines: 1, units: 2),
                      OrderDay(day: day(2025, 11, 28), lines: 1, units: 5)]
        let weeks = WeeklyHistory.weekly(orderDays: orders, settings: yearly)
        #expect(weeks.count == 52)
        #expect(weeks.reduce(0, +) == 5)
        #expect(weeks[0] == 5)
        #expect(WeeklyHistory.historyStart(orderDays: orders, settings: yearly) == day(2025, 11, 28))
        let m = ServiceMetrics.compute(orderDays: orders, backorders: [], settings: yearly)
        #expect(m.orderLines == 2)
        #expect(m.orderedUnits == 7)
    }

    @Test func windowNotAMultipleOfSevenDropsTheOldestPartialWeek() {
        // as-of 100, window-days 17: window [84, 100]; 17 = 2 * 7 + 3, weeks [87, 93] and
        // [94, 100], leftover days 84...86. Orders: day 85 (leftover, 1 unit), 90 (2), 94 (4),
        // 100 (8) -> weeks [2, 12]; history starts at 87 (first order 85 is leftover).
        let s = RunSettings(asOf: 100, windowDays: 17)
        #expect(s.weekCount == 2 && s.firstWeekStart == 87)
        let orders = [OrderDay(day: 85, lines: 1, units: 1), OrderDay(day: 90, lines: 1, units: 2),
                      OrderDay(day: 94, lines: 1, units: 4), OrderDay(day: 100, lines: 1, units: 8)]
        #expect(WeeklyHistory.weekly(orderDays: orders, settings: s) == [2, 12])
        #expect(WeeklyHistory.allWeeks(orderDays: orders, settings: s) == [2, 12])
        #expect(WeeklyHistory.historyStart(orderDays: orders, settings: s) == 87)
    }

    @Test func allWeeksCoversTheWholeWindowWhateverTheHistory() {
        // Only order on day 98 of as-of 100, window 30 (weeks start 73, 80, 87, 94):
        // history is the last week alone, the chart series has all four.
        let s = RunSettings(asOf: 100, windowDays: 30)
        let orders = [OrderDay(day: 98, lines: 1, units: 3)]
        #expect(WeeklyHistory.weekly(orderDays: orders, settings: s) == [3])
        #expect(WeeklyHistory.allWeeks(orderDays: orders, settings: s) == [0, 0, 0, 3])
    }

    @Test func noOrderInTheWindowMeansNoHistory() {
        let s = RunSettings(asOf: 100, windowDays: 30)
        let outside = [OrderDay(day: 50, lines: 1, units: 1), OrderDay(day: 101, lines: 1, units: 1)]
        #expect(WeeklyHistory.weekly(orderDays: [], settings: s).isEmpty)
        #expect(WeeklyHistory.historyStart(orderDays: [], settings: s) == nil)
        #expect(WeeklyHistory.weekly(orderDays: outside, settings: s).isEmpty)
        #expect(WeeklyHistory.historyStart(orderDays: outside, settings: s) == nil)
        #expect(WeeklyHistory.allWeeks(orderDays: [], settings: s) == [0, 0, 0, 0])
    }

    @Test func windowShorterThanAWeekHasNoWeeks() {
        let s = RunSettings(asOf: 100, windowDays: 6)
        let orders = [OrderDay(day: 99, lines: 1, units: 1)]
        #expect(WeeklyHistory.weekly(orderDays: orders, settings: s).isEmpty)
        #expect(WeeklyHistory.historyStart(orderDays: orders, settings: s) == nil)
        #expect(WeeklyHistory.allWeeks(orderDays: orders, settings: s).isEmpty)
    }

    @Test func dailySeriesFillsGapsWithZerosAndAddsRepeatedDays() {
        // Days 10...14: 1 unit on 10, 2 + 3 on 12 (two entries), 9 on 15 (outside).
        let orders = [OrderDay(day: 10, lines: 1, units: 1), OrderDay(day: 12, lines: 1, units: 2),
                      OrderDay(day: 12, lines: 1, units: 3), OrderDay(day: 15, lines: 1, units: 9)]
        #expect(WeeklyHistory.daily(orderDays: orders, from: 10, through: 14) == [1, 0, 5, 0, 0])
        #expect(WeeklyHistory.daily(orderDays: orders, from: 14, through: 13).isEmpty)
    }
}
