import Testing
@testable import RestockCore

/// Credits (negative order lines) taken out of a SKU's demand (README, "Returns and cancellations").
@Suite struct CreditNettingTests {
    static func day(_ d: Day, _ units: Double, lines: Int32 = 1) -> DailyTotal {
        DailyTotal(day: d, lines: lines, units: units)
    }

    @Test func aCreditNoteCancellingABulkOrderTakesItsWholeDayOut() {
        // 100 units on day 10, 4 on day 11; a credit of 100 dated day 12 finds day 10 (the
        // latest day at or before it with at least 100 units), not day 11.
        let netted = CreditNetting.net([Self.day(10, 100), Self.day(11, 4)],
                                       credits: [CreditLine(day: 12, units: 100, isCancellation: true)])
        #expect(netted == [Self.day(11, 4)])
    }

    @Test func aPartlyCancelledLineKeepsTheRestOfItsDay() {
        // 5 ordered on day 3, 2 of them cancelled the same day: 3 left.
        let netted = CreditNetting.net([Self.day(3, 5)], credits: [CreditLine(day: 3, units: 2, isCancellation: true)])
        #expect(netted == [Self.day(3, 3)])
    }

    @Test func aCreditLargerThanAnyDayIsTakenFromTheLatestDaysFirst() {
        // 2 on day 1, 3 on day 2, 4 on day 5 (after the credit); a credit of 4 on day 2:
        // no day at or before day 2 has 4, so day 2 gives 3 and day 1 gives 1. Day 5 is untouched.
        let netted = CreditNetting.net([Self.day(1, 2), Self.day(2, 3), Self.day(5, 4)],
                                       credits: [CreditLine(day: 2, units: 4, isCancellation: false)])
        #expect(netted == [Self.day(1, 1), Self.day(5, 4)])
    }

    @Test func aCreditWithNoDemandBeforeItTakesNothingOut() {
        let netted = CreditNetting.net([Self.day(5, 4)], credits: [CreditLine(day: 4, units: 1, isCancellation: false)])
        #expect(netted == [Self.day(5, 4)])
    }

    @Test func onlyCreditsThatCancelNothingCountAsReturned() {
        let credits = [CreditLine(day: 1, units: 2, isCancellation: true), CreditLine(day: 2, units: 1, isCancellation: false),
                       CreditLine(day: 3, units: 1.5, isCancellation: false)]
        #expect(CreditNetting.returnedUnits(credits) == 2.5)
    }

    @Test func windowRulesNetOnlyCreditsDatedInTheWindowAndCarryTheReturnedUnits() {
        // A 28-day window ending 2026-11-26: days 20756 ... 20783.
        let rules = WindowRules(settings: RunSettings(asOf: 20_783, windowDays: 28))
        let totals = [Self.day(20_770, 6)]
        let credits = [CreditLine(day: 20_771, units: 2, isCancellation: false),   // in the window: a return
                       CreditLine(day: 20_790, units: 6, isCancellation: true)]    // after as-of: ignored
        let facts = rules.facts(sku: "A", product: nil, dailyTotals: totals, backorderedLineDays: [], backorders: [],
                                receipts: [], credits: credits)
        #expect(facts?.orderDays.map(\.units) == [4])
        #expect(facts?.returnedUnits == 2)
    }

    @Test func aDailyTotalLeavesCreditsOut() {
        #expect(DailyTotal(day: 1, cancelled: false, units: -3, price: 2).isZero)
        #expect(DailyTotal(day: 1, cancelled: false, units: -3, price: 2, sign: -1).isZero)
    }
}
