import Testing
@testable import RestockCore

/// as-of = day 100, window-days = 30: the window is [71, 100].
@Suite struct WindowRulesTests {
    let rules = WindowRules(settings: RunSettings(asOf: 100, windowDays: 30))

    func backorder(_ opened: Day, fulfilled: Day? = nil, cancelled: Day? = nil) -> BackorderFact {
        BackorderFact(orderId: "o", quantity: 1, backorderedDay: opened, fulfilledDay: fulfilled, cancelledDay: cancelled)
    }

    func receipt(_ received: Day, supplier: String? = nil) -> ReceiptFact {
        ReceiptFact(supplier: supplier, orderedDay: received - 5, receivedDay: received)
    }

    @Test func theWindowIsAsOfMinusWindowDaysPlusOneThroughAsOf() {
        #expect(rules.start == 71 && rules.asOf == 100)
        #expect([70, 71, 100, 101].map(rules.contains) == [false, true, true, false])
    }

    @Test func aBackorderCountsWhenOpenedByAsOfAndNotClosedBeforeTheWindow() {
        #expect(rules.counts(backorder(60)))                      // opened before, still open
        #expect(rules.counts(backorder(60, fulfilled: 71)))       // closed on the window's first day
        #expect(!rules.counts(backorder(60, fulfilled: 70)))      // closed the day before the window
        #expect(!rules.counts(backorder(60, cancelled: 70)))
        #expect(rules.counts(backorder(100, fulfilled: 130)))     // opened on as-of
        #expect(!rules.counts(backorder(101)))                    // opened after as-of
    }

    @Test func onlyABackorderOpenedInTheWindowOpensInIt() {
        #expect([70, 71, 100, 101].map { rules.opensInWindow(backorder($0)) } == [false, true, true, false])
    }

    @Test func aReceiptCountsForTheLeadTimeWhenReceivedInTheLast730DaysOrInALongerWindow() {
        // Window [71, 100], shorter than the lead time's 730 days: receipts of [-629, 100] count.
        #expect(rules.receiptsStart == 100 - 730 + 1)
        #expect([-630, -629, 70, 71, 100, 101].map { rules.counts(receipt($0)) } == [false, true, true, true, true, false])
        // A window of 1,000 days is longer: its own start, day 1,001, is the receipts' too.
        let long = WindowRules(settings: RunSettings(asOf: 2_000, windowDays: 1_000))
        #expect(long.receiptsStart == long.start && long.start == 1_001)
        #expect([1_000, 1_001].map { long.counts(receipt($0)) } == [false, true])
    }

    @Test func orderLinesAndCreditsCountForTheDemandWhenDatedInTheLast730DaysOrInALongerWindow() {
        // Window [71, 100], shorter than the demand's 730 days: totals and credits of [-629, 100] count.
        #expect(rules.demandStart == 100 - 730 + 1)
        #expect([-630, -629, 70, 71, 100, 101].map { rules.counts(DailyTotal(day: $0, lines: 1, units: 1)) }
                == [false, true, true, true, true, false])
        #expect([-630, -629, 100, 101].map { rules.counts(CreditLine(day: $0, units: 1, isCancellation: false)) }
                == [false, true, true, false])
        // A window of 1,000 days is longer: its own start is the demand's too.
        let long = WindowRules(settings: RunSettings(asOf: 2_000, windowDays: 1_000))
        #expect(long.demandStart == long.start && long.start == 1_001)
        #expect([1_000, 1_001].map { long.counts(DailyTotal(day: $0, lines: 1, units: 1)) } == [false, true])
    }

    @Test func anOrderLineBeforeTheWindowFeedsTheForecastButGivesNoRow() {
        let old = [DailyTotal(day: -200, lines: 2, units: 6)]
        #expect(!rules.lists(product: nil, dailyTotals: old, backorders: [], receipts: []))
        #expect(rules.facts(sku: "X", product: nil, dailyTotals: old, backorderedLineDays: [], backorders: [], receipts: []) == nil)
        // With a line in the window too, the SKU's order days hold both.
        let facts = rules.facts(sku: "A", product: nil, dailyTotals: old + [DailyTotal(day: 90, lines: 1, units: 1)],
                                backorderedLineDays: [], backorders: [], receipts: [])
        #expect(facts?.orderDays.map(\.day) == [-200, 90])
    }

    @Test func aCreditBeforeTheWindowIsNettedFromTheDemandButIsNoReturnOfTheWindow() {
        // 10 units on day 20 (before the window [71, 100]), 4 returned on day 30; 3 units on
        // day 90, 1 returned on day 95.
        let totals = [DailyTotal(day: 20, lines: 1, units: 10), DailyTotal(day: 90, lines: 1, units: 3)]
        let credits = [CreditLine(day: 30, units: 4, isCancellation: false), CreditLine(day: 95, units: 1, isCancellation: false)]
        let facts = rules.facts(sku: "A", product: nil, dailyTotals: totals, backorderedLineDays: [], backorders: [],
                                receipts: [], credits: credits)
        #expect(facts?.orderDays.map(\.units) == [6, 2])
        #expect(facts?.returnedUnits == 1)
    }

    @Test func aCreditOfTheWindowComesOutOfTheWindowsDaysOnly() {
        // 50 units on day 50 (before the window [71, 100]), 2 on day 73, 50 returned on day 75:
        // the window's credit takes the window's 2 units (ordered_units is the window's lines
        // less the window's credits), not the older day's 50.
        let totals = [DailyTotal(day: 50, lines: 1, units: 50), DailyTotal(day: 73, lines: 1, units: 2)]
        let facts = rules.facts(sku: "A", product: nil, dailyTotals: totals, backorderedLineDays: [], backorders: [],
                                receipts: [], credits: [CreditLine(day: 75, units: 50, isCancellation: false)])
        #expect(facts?.orderDays.map(\.day) == [50])
        #expect(facts?.returnedUnits == 50)
    }

    @Test func aBackorderedLineCountsWhenOrderedInTheWindowAndBackorderedByAsOf() {
        #expect(rules.counts(SKUEvents.BackorderedLine(day: 80, firstBackorderDay: 100)))
        #expect(!rules.counts(SKUEvents.BackorderedLine(day: 80, firstBackorderDay: 101)))
        #expect(!rules.counts(SKUEvents.BackorderedLine(day: 70, firstBackorderDay: 75)))
        #expect(!rules.counts(SKUEvents.BackorderedLine(day: 101, firstBackorderDay: 101)))
    }

    @Test func orderDaysSkipDaysWithoutLinesAndCountBackorderedLinesPerDay() {
        // Day 81's total holds no line (every line taken out again): no order day.
        let totals = [DailyTotal(day: 80, lines: 2, pricedLines: 1, units: 5, priceSum: 3),
                      DailyTotal(day: 81),
                      DailyTotal(day: 82, lines: 1, units: 1)]
        let days = WindowRules.orderDays(dailyTotals: totals, backorderedLineDays: [80, 82, 80])
        #expect(days == [OrderDay(day: 80, lines: 2, units: 5, backorderedLines: 2, priceSum: 3, pricedLines: 1),
                         OrderDay(day: 82, lines: 1, units: 1, backorderedLines: 1)])
    }

    @Test func aSKUIsListedForAProductADayOfLinesAReceiptOrABackorderOpenedInTheWindow() {
        let none = rules.lists(product: nil, dailyTotals: [], backorders: [], receipts: [])
        #expect(!none)
        #expect(rules.lists(product: ProductFact(sku: "A"), dailyTotals: [], backorders: [], receipts: []))
        #expect(rules.lists(product: nil, dailyTotals: [DailyTotal(day: 81)], backorders: [], receipts: []))
        #expect(rules.lists(product: nil, dailyTotals: [], backorders: [], receipts: [receipt(90)]))
        // A receipt before the window counts for the lead time, but gives no row.
        #expect(!rules.lists(product: nil, dailyTotals: [], backorders: [], receipts: [receipt(70)]))
        #expect(rules.lists(product: nil, dailyTotals: [], backorders: [backorder(71)], receipts: []))
        // Still open in the window, but opened before it: it counts, yet gives no row.
        #expect(!rules.lists(product: nil, dailyTotals: [], backorders: [backorder(60)], receipts: []))
    }

    @Test func theSuppliersIsTheProductsElseTheLatestReceiptNamingOne() {
        let receipts = [receipt(80, supplier: "A"), receipt(85, supplier: "B"), receipt(90)]
        #expect(SKUFacts.supplier(product: nil, receipts: receipts) == "B")
        #expect(SKUFacts.supplier(product: ProductFact(sku: "S", supplier: "P"), receipts: receipts) == "P")
        #expect(SKUFacts.supplier(product: ProductFact(sku: "S"), receipts: [receipt(90)]) == nil)
    }

    @Test func factsAreNilForASKUWithoutARowAndCarryItsOrderDaysOtherwise() {
        #expect(rules.facts(sku: "X", product: nil, dailyTotals: [], backorderedLineDays: [],
                            backorders: [backorder(60)], receipts: []) == nil)
        let facts = rules.facts(sku: "A", product: nil, dailyTotals: [DailyTotal(day: 90, lines: 3, units: 4)],
                                backorderedLineDays: [90], backorders: [], receipts: [receipt(95, supplier: "S")])
        #expect(facts == SKUFacts(sku: "A", orderDays: [OrderDay(day: 90, lines: 3, units: 4, backorderedLines: 1)],
                                  receipts: [receipt(95, supplier: "S")], supplier: "S"))
    }
}
