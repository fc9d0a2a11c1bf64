import Testing
@testable import RestockCore

/// Fixtures use day numbers directly. Unless a test says otherwise: as-of = day 100,
/// window-days = 30, so the window is [71, 100]; weekCount = 4 whole weeks, oldest first
/// [73, 79] [80, 86] [87, 93] [94, 100]; days 71 and 72 are leftover days (in the window,
/// in no week).
@Suite struct ServiceMetricsTests {
    private let settings = RunSettings(asOf: 100, windowDays: 30)

    private func metrics(_ orderDays: [OrderDay] = [], _ backorders: [BackorderFact] = [],
                         settings: RunSettings? = nil) -> ServiceMetrics {
        ServiceMetrics.compute(orderDays: orderDays, backorders: backorders,
                               settings: settings ?? self.settings)
    }

    private func backorder(_ opened: Day, fulfilled: Day? = nil, cancelled: Day? = nil,
                           units: Double = 1, matched: Bool = true) -> BackorderFact {
        BackorderFact(orderId: "o\(opened)", quantity: units, backorderedDay: opened,
                      fulfilledDay: fulfilled, cancelledDay: cancelled, matched: matched)
    }

    @Test func emptyInputsGiveZerosAndEmptyCells() {
        let m = metrics()
        #expect(m == ServiceMetrics(weeklyOrderLines: [0, 0, 0, 0], weeklyBackorderLines: [0, 0, 0, 0]))
        #expect(m.backorderRate == nil)
        #expect(m.fillDaysP50 == nil && m.fillDaysP90 == nil)
    }

    @Test func countsOrderLinesOnWindowDaysIncludingLeftoverDays() {
        // Day 70 is before the window, 101 after as-of: ignored. Days 71 (leftover), 80, 100
        // count: lines 2 + 3 + 1 = 6, units 5 + 7 + 2 = 14. Backordered lines 1 + 0 + 2 = 3
        // (day 70's 4 are outside) -> rate 3 / 6 = 0.5.
        let days = [
            OrderDay(day: 70, lines: 9, units: 90, backorderedLines: 4),
            OrderDay(day: 71, lines: 2, units: 5, backorderedLines: 1),
            OrderDay(day: 80, lines: 3, units: 7),
            OrderDay(day: 100, lines: 1, units: 2, backorderedLines: 2),
            OrderDay(day: 101, lines: 8, units: 80, backorderedLines: 8),
        ]
        let m = metrics(days)
        #expect(m.orderLines == 6)
        #expect(m.orderedUnits == 14)
        #expect(m.backorderRate == 0.5)
    }

    @Test func weeklyOrderLinesCountTheWindowsWholeWeeksOnly() {
        // Day 71 is a leftover day: its 2 lines count in order_lines (2 + 3 + 4 + 1 = 10) but
        // in no week. Day 80 starts week [80, 86] (index 1), 86 ends it: 3 + 4 = 7. Day 100
        // is as-of, in week [94, 100] (index 3): 1. Day 101 is after as-of: nowhere.
        let days = [
            OrderDay(day: 71, lines: 2, units: 2),
            OrderDay(day: 80, lines: 3, units: 3),
            OrderDay(day: 86, lines: 4, units: 4),
            OrderDay(day: 100, lines: 1, units: 1),
            OrderDay(day: 101, lines: 5, units: 5),
        ]
        let m = metrics(days)
        #expect(m.orderLines == 10)
        #expect(m.weeklyOrderLines == [0, 7, 0, 1])
    }

    @Test func backorderOpenedBeforeWindowCountsItsOpenDaysInsideIt() {
        // Opened day 60, fulfilled day 75: open at the end of days 60...74; inside the window
        // 71...74 = 4 stockout days. Not a backorder line of the window (opened before it),
        // but fulfilled in it: fill days 75 - 60 = 15.
        let m = metrics([], [backorder(60, fulfilled: 75, units: 3)])
        #expect(m.stockoutDays == 4)
        #expect(m.backorderLines == 0)
        #expect(m.backorderedUnits == 0)
        #expect(m.openBackorderUnits == 0)
        #expect(m.fillDaysP50 == 15)
        #expect(m.fillDaysP90 == 15)
    }

    @Test func sameDayFillHasNoStockoutDayAndZeroFillDays() {
        // Opened and fulfilled on day 80: open through no day's end (80 <= X < 80 is empty).
        let m = metrics([], [backorder(80, fulfilled: 80, units: 2)])
        #expect(m.stockoutDays == 0)
        #expect(m.fillDaysP50 == 0)
        #expect(m.fillDaysP90 == 0)
        #expect(m.backorderLines == 1)
        #expect(m.backorderedUnits == 2)
        #expect(m.openBackorderUnits == 0)
    }

    @Test func backorderStillOpenAtAsOfIsOpenThroughAsOf() {
        // Opened day 95, never closed: open on 95...100 = 6 days, 4 units open.
        let m = metrics([], [backorder(95, units: 4)])
        #expect(m.stockoutDays == 6)
        #expect(m.openBackorderUnits == 4)
        #expect(m.fillDaysP50 == nil)
    }

    @Test func fillDatedAfterAsOfHasNotHappenedYet() {
        // Opened 97, fulfilled 104 (after as-of 100): for this run it is open on 97...100
        // = 4 days, its 5 units are open, and it has no fill time in the window.
        let m = metrics([], [backorder(97, fulfilled: 104, units: 5)])
        #expect(m.stockoutDays == 4)
        #expect(m.openBackorderUnits == 5)
        #expect(m.fillDaysP50 == nil)
    }

    @Test func overlappingBackordersCountEachDayOnce() {
        // A: 80 -> 85 open 80...84 (5 days); B: 83 -> 90 open 83...89 (7 days);
        // C: 95 -> 96 open 95 (1 day). Union: 80...89 (10) + 95 (1) = 11, not 5 + 7 + 1 = 13.
        // B inside A's span also must not double count: D: 81 -> 83 open 81...82.
        let m = metrics([], [backorder(83, fulfilled: 90), backorder(80, fulfilled: 85),
                             backorder(95, fulfilled: 96), backorder(81, fulfilled: 83)])
        #expect(m.stockoutDays == 11)
        #expect(m.backorderLines == 4)
    }

    @Test func cancelledBackordersAreLostAndHaveNoFillTime() {
        // Opened 80, cancelled 84, 3 units: lost 3, open 80...83 (4 days).
        // Opened 50, cancelled 60 (before the window): not lost in this window.
        // Opened 99, cancelled 101 (after as-of): not yet cancelled, so 2 units open and
        //   open on 99, 100 (2 days). Stockout days 4 + 2 = 6.
        let m = metrics([], [backorder(80, cancelled: 84, units: 3),
                             backorder(50, cancelled: 60, units: 7),
                             backorder(99, cancelled: 101, units: 2)])
        #expect(m.lostUnits == 3)
        #expect(m.openBackorderUnits == 2)
        #expect(m.stockoutDays == 6)
        #expect(m.fillDaysP50 == nil)
        #expect(m.fillDaysP90 == nil)
        #expect(m.backorderLines == 2)
        #expect(m.backorderedUnits == 5)
    }

    @Test func backorderDatedAfterAsOfIsIgnoredEverywhere() {
        // Opened 101 (after as-of), fulfilled 102, unmatched: changes no figure.
        let m = metrics([], [backorder(101, fulfilled: 102, units: 9, matched: false),
                             backorder(103, units: 9)])
        #expect(m == metrics())
    }

    @Test func fillDayPercentilesInterpolateOverFillsInTheWindow() {
        // Fills in the window of 0, 2, 5, 10 days (one opened before the window);
        // sorted {0, 2, 5, 10}: p50 h = 1.5 -> 2 + 0.5 * 3 = 3.5; p90 h = 2.7 -> 5 + 0.7 * 5 = 8.5.
        // A fill on day 70 (before the window) is left out.
        let m = metrics([], [backorder(80, fulfilled: 80), backorder(90, fulfilled: 92),
                             backorder(95, fulfilled: 100), backorder(66, fulfilled: 76),
                             backorder(40, fulfilled: 70)])
        #expect(abs((m.fillDaysP50 ?? .nan) - 3.5) < 1e-12)
        #expect(abs((m.fillDaysP90 ?? .nan) - 8.5) < 1e-12)
    }

    @Test func countsUnmatchedBackordersOpenedInTheWindow() {
        // Unmatched on day 75 and 71 (leftover day) count; unmatched on day 60 (before the
        // window) is not a backorder line of this window and does not count.
        let m = metrics([], [backorder(75, fulfilled: 76, matched: false),
                             backorder(71, fulfilled: 71, matched: false),
                             backorder(60, fulfilled: 61, matched: false),
                             backorder(80, fulfilled: 81)])
        #expect(m.unmatchedBackorders == 2)
        #expect(m.backorderLines == 3)
    }

    @Test func countsBackordersPerWholeWeekOldestFirst() {
        // Opened on 72 (leftover day: a backorder line in no week), 73 and 79 (oldest week
        // [73, 79]), 94 and 100 (week [94, 100]): weeks [2, 0, 0, 2], 2 weeks with backorders,
        // 5 backorder lines.
        let m = metrics([], [72, 73, 79, 94, 100].map { backorder($0, fulfilled: $0) })
        #expect(m.weeklyBackorderLines == [2, 0, 0, 2])
        #expect(m.backorderedWeeks == 2)
        #expect(m.backorderLines == 5)
    }

    @Test func windowShorterThanAWeekHasFiguresButNoWeeks() {
        // window-days 6 at as-of 100: window [95, 100], no whole week.
        let short = RunSettings(asOf: 100, windowDays: 6)
        let m = metrics([OrderDay(day: 95, lines: 1, units: 1)], [backorder(96)], settings: short)
        #expect(m.orderLines == 1)
        #expect(m.backorderLines == 1)
        #expect(m.stockoutDays == 5)
        #expect(m.weeklyBackorderLines.isEmpty)
        #expect(m.backorderedWeeks == 0)
    }

    @Test func appliesFiguresToTheSkuRow() {
        // One line of 4 units on day 90 that went on backorder, still open: rate 1/1.
        let m = metrics([OrderDay(day: 90, lines: 1, units: 4, backorderedLines: 1)],
                        [backorder(90, units: 4)])
        var row = SKUFigures(sku: "A")
        row.apply(m)
        #expect(row.orderLines == 1 && row.orderedUnits == 4)
        #expect(row.backorderRate == 1)
        #expect(row.stockoutDays == 11)  // 90...100
        #expect(row.openBackorderUnits == 4)
    }
}
