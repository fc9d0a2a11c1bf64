import Testing
@testable import RestockCore

@Suite struct SKUAnalyzerTests {
    // as-of 2026-11-26, window 365 days: 2025-11-27 ... 2026-11-26, 52 whole weeks.
    let settings = RunSettings(asOf: CivilDate.day(year: 2026, month: 11, day: 26))

    /// A smooth SKU: 2 lines of 3 units every day of the window at price 10 (one line unpriced on odd days).
    func steadyDays() -> [OrderDay] {
        (settings.windowStart...settings.asOf).map { day in
            OrderDay(day: day, lines: 2, units: 6, backorderedLines: 0, priceSum: day % 2 == 0 ? 20 : 10, pricedLines: day % 2 == 0 ? 2 : 1)
        }
    }

    @Test func combinesThePolicyFiguresAsTheContractSays() {
        var product = ProductFact(sku: "A", name: "Widget", supplier: "Acme")
        product.onHand = 10
        product.onOrder = 5
        product.reorderPoint = 20
        product.casePack = 12
        let backorder = BackorderFact(orderId: "O1", quantity: 4, backorderedDay: settings.asOf - 2)
        let facts = SKUFacts(sku: "A", product: product, orderDays: steadyDays(), backorders: [backorder],
                             receipts: [], supplier: "Acme")
        let f = SKUAnalyzer.analyze(facts, supplierOthers: [], settings: settings).figures
        // Demand is exactly 6 units a day, every week 42: a smooth SKU forecast at 6 a day.
        #expect(f.demandClass == .smooth)
        #expect(abs(f.forecastDaily - 6) < 1e-9)
        // No receipts, no quote, no fills: the default lead time of 14 days.
        #expect(f.leadTimeSource == .default)
        #expect(f.leadTimeDays == 14)
        // order_quantity: 30 days x 6 = 180, a whole number of 12-packs (15 packs).
        #expect(f.orderQuantity == 180)
        // inventory_position = 10 + 5 - 4 open backorder units.
        #expect(f.inventoryPosition == 11)
        // The reorder point covers at least the 84 units of lead-time demand.
        #expect(f.reorderPoint >= 84)
        #expect(f.safetyStock == f.reorderPoint - 84)
        // Increase: reorder point - 20, rounded up to whole 12-packs.
        let rise = f.reorderPoint - 20
        #expect(f.reorderPointIncrease == (rise / 12).rounded(.up) * 12)
        // order_now_units: the fewest 180-unit lots lifting 11 above the reorder point.
        let lots = ((f.reorderPoint - 11) / 180).rounded(.down) + 1
        #expect(f.orderNowUnits == lots * 180)
        // Mean price over priced lines: (183 even days x 20 + 182 odd days x 10) / (183 x 2 + 182).
        let window = settings.windowStart...settings.asOf
        let even = window.filter { $0 % 2 == 0 }.count, odd = window.count - even
        #expect(f.unitPrice == Double(even * 20 + odd * 10) / Double(even * 2 + odd))
        #expect(f.isRecommended)
        #expect(f.reason.contains("reorder point 20 -> \(SKUAnalyzer.words(f.reorderPoint))"))
        #expect(f.backorderETA != nil)
    }

    @Test func forecastDailyIsTheForecastsMeanOverTheLeadTimeNotJustTheComingWeek() {
        // Demand rising by one unit a day (1 on the window's first day, 365 on as-of): the
        // weekly totals rise by 49 a week, the damped trend is chosen, and forecast_daily is
        // its path's mean over the 14-day default lead time, above the coming week's / 7.
        let days = (settings.windowStart...settings.asOf).map { day in
            OrderDay(day: day, lines: 1, units: Double(day - settings.windowStart + 1))
        }
        let a = SKUAnalyzer.analyze(SKUFacts(sku: "R", orderDays: days), supplierOthers: [], settings: settings)
        #expect(a.figures.forecastMethod == "damped_trend" && a.figures.leadTimeDays == 14)
        #expect(a.figures.forecastDaily == a.forecast.path.dailyRate(overDays: 14))
        #expect(a.figures.forecastDaily > a.forecast.daily)
    }

    @Test func aSKUWithNothingButAProductRowGetsEmptyDemandFigures() {
        let facts = SKUFacts(sku: "P", product: ProductFact(sku: "P"))
        let f = SKUAnalyzer.analyze(facts, supplierOthers: [], settings: settings).figures
        #expect(f.demandClass == .new)
        #expect(f.adi == nil && f.cv2 == nil)
        #expect(f.backorderRate == nil)
        #expect(f.forecastDaily == 0)
        #expect(f.inventoryPosition == nil)
        #expect(f.orderNowUnits == nil)
        #expect(f.revenueAtRisk == 0)
    }

    @Test func aSKUWithOneReceiptBorrowsItsSuppliersOtherSKUsReceiptsFromThePool() {
        // All received on as-of (weight 1 each). Own: 1 receipt of 10 days; the supplier's
        // other SKU B: 2 of 4 days. Z = 1/3: mean = 10/3 + (2/3) x 4 = 6.
        let asOf = settings.asOf
        func receipt(_ days: Int) -> ReceiptFact { ReceiptFact(supplier: "S", orderedDay: asOf - days, receivedDay: asOf) }
        let pools = SupplierPools(["S": [PooledReceipt(sku: "A", receipt: receipt(10)),
                                         PooledReceipt(sku: "B", receipt: receipt(4)), PooledReceipt(sku: "B", receipt: receipt(4))]])
        let thin = SKUFacts(sku: "A", receipts: [receipt(10)], supplier: "S")
        let pooled = SKUAnalyzer.analyze(thin, pools: pools, settings: settings).leadTime
        #expect(pooled.source == .receipts)
        #expect(abs(pooled.days - 6) < 1e-12)
        // With 5 receipts of its own the pool is not read: the mean is its own 10 days.
        let rich = SKUFacts(sku: "A", receipts: Array(repeating: receipt(10), count: 5), supplier: "S")
        #expect(SKUAnalyzer.analyze(rich, pools: pools, settings: settings).leadTime.days == 10)
    }

    @Test func theLeadTimeReadsReceiptsOlderThanTheWindowUpTo730Days() {
        // A 365-day window; received on as-of after 10 days, and 540 days before it after 19
        // (weight 0.5^3 = 0.125): (10 + 0.125 x 19) / 1.125 = 11 days from 2 receipts.
        let asOf = settings.asOf
        let receipts = [ReceiptFact(supplier: "S", orderedDay: asOf - 10, receivedDay: asOf),
                        ReceiptFact(supplier: "S", orderedDay: asOf - 540 - 19, receivedDay: asOf - 540)]
        let facts = SKUFacts(sku: "A", orderDays: steadyDays(), receipts: receipts, supplier: "S")
        let f = SKUAnalyzer.analyze(facts, supplierOthers: [], settings: settings).figures
        #expect(f.leadTimeSource == .receipts)
        #expect(abs(f.leadTimeDays - 11) < 1e-9)
    }

    @Test func theClassAndForecastReadOrderLinesOlderThanTheWindowUpTo730Days() {
        // 7 units on the next-to-last day of every week of the year before the window (weeks
        // 52-103 back), and of every other week of the window (weeks 0, 2, ..., 50 back).
        let asOf = settings.asOf
        let days = (0..<104).reversed().filter { $0 >= 52 || $0 % 2 == 0 }.map {
            OrderDay(day: asOf - 7 * $0 - 1, lines: 1, units: 7)
        }
        let facts = SKUFacts(sku: "A", orderDays: days)
        // Two years read: 104 history weeks, 52 + 26 of them with demand, every one 7 units.
        let a = SKUAnalyzer.analyze(facts, supplierOthers: [], settings: settings)
        #expect(a.weeklyHistory.count == 104)
        #expect(abs(a.figures.adi! - 104.0 / 78) < 1e-12)
        #expect(a.figures.cv2 == 0)
        #expect(a.figures.demandClass == .intermittent)
        // The window's figures still read the window: 26 order lines of 7 units, 52 chart weeks.
        #expect(a.figures.orderLines == 26 && a.figures.orderedUnits == 182)
        #expect(a.windowWeeks.count == 52)
        // Read from the window alone (restock until 0.8.8): 51 weeks from the first sale, 26 with demand.
        var windowOnly = settings
        windowOnly.demandEvidenceDays = 0
        let b = SKUAnalyzer.analyze(facts, supplierOthers: [], settings: windowOnly)
        #expect(b.weeklyHistory.count == 51)
        #expect(abs(b.figures.adi! - 51.0 / 26) < 1e-12)
    }

    @Test func aShortHistoryIsShortAgainstTheDemandHistoryNotAShortWindow() {
        // A 28-day window (4 weeks) reads 104 weeks of order lines: 10 weeks of sales are
        // "only 10 weeks", as with the default window; 13 weeks or more are not short.
        var f = SKUFigures(sku: "A")
        f.demandClass = .smooth
        f.forecastDaily = 1
        let lead = LeadTimeForecast(days: 7, sdDays: 1, source: .default, observations: 0, explanation: "7 days", sample: [])
        let ten = SKUAnalyzer.reason(f, backorderedWeeks: 1, weeks: 4, historyWeeks: 10, demandWeeks: 104, leadTime: lead)
        #expect(ten.contains("smooth demand of 7 units a week from only 10 weeks of sales"))
        let thirteen = SKUAnalyzer.reason(f, backorderedWeeks: 1, weeks: 4, historyWeeks: 13, demandWeeks: 104, leadTime: lead)
        #expect(thirteen.contains("smooth demand of 7 units a week;"))
    }

    @Test func wordsRoundFiguresForSentences() {
        #expect(SKUAnalyzer.words(17.8807) == "17.9")
        #expect(SKUAnalyzer.words(354) == "354")
        #expect(SKUAnalyzer.words(123.6) == "124")
    }

    @Test func wordsWriteWhatCSVWriterWritesForTheRoundedFigure() {
        var random = SplitMix64(state: 11)
        var values: [Double] = [0, -0.0, 0.04, -0.04, 0.05, -0.05, 0.95, 99.94, 99.96, -99.96, 100,
                                -0.3, 17.8807, 1e14 + 0.5, 2e15, -3e16, .infinity, .nan]
        for _ in 0..<20_000 {
            let scale = [1.0, 10, 100, 1e5, 1e12][Int(random.next() % 5)]
            values.append((Double(random.next() >> 11) * 0x1p-53 - 0.3) * scale)
        }
        for x in values {
            let reference = x == x.rounded() || abs(x) >= 100
                ? CSVWriter.format(x.rounded()) : CSVWriter.format((x * 10).rounded() / 10)
            #expect(SKUAnalyzer.words(x) == reference, "\(x)")
        }
    }

    @Test func aReasonSaysWhenTheRateRestsOnFewerThanThirteenWeeksOfSales() {
        var f = SKUFigures(sku: "N")
        f.demandClass = .smooth
        f.forecastDaily = 12
        f.serviceLevel = 0.95
        f.reorderPoint = 264
        f.reorderPointInForce = 83
        f.reorderPointIncrease = 192
        let lead = LeadTimeForecast(days: 7, sdDays: 1, source: .receipts, observations: 8, explanation: "7 days from 8 receipts", sample: [])
        let young = SKUAnalyzer.reason(f, backorderedWeeks: 1, weeks: 52, historyWeeks: 2, demandWeeks: 104, leadTime: lead)
        #expect(young.contains("smooth demand of 84 units a week from only 2 weeks of sales; lead time"))
        #expect(SKUAnalyzer.reason(f, backorderedWeeks: 1, weeks: 52, historyWeeks: 1, demandWeeks: 104, leadTime: lead).contains("from only 1 week of sales"))
        for weeks in [13, 52] {
            #expect(!SKUAnalyzer.reason(f, backorderedWeeks: 1, weeks: 52, historyWeeks: weeks, demandWeeks: 104, leadTime: lead).contains("only"))
        }
        // A short demand history (8 weeks, `demandEvidenceDays` 0 and an 8-week window) holds
        // no more: its SKUs are not called young for that.
        #expect(!SKUAnalyzer.reason(f, backorderedWeeks: 1, weeks: 8, historyWeeks: 8, demandWeeks: 8, leadTime: lead).contains("only"))
    }

    @Test func aReasonNamesTheLargestBulkDayAndHowItCounts() {
        let d = CivilDate.day(year: 2026, month: 5, day: 26)
        let counted = OneOffDay(day: d, lines: 1, units: 360, usualLineUnits: 2, countedUnits: 360)
        #expect(SKUAnalyzer.bulkWords([counted]) == "a bulk line (360 units on 2026-05-26) counted as ordered")
        let smaller = OneOffDay(day: d - 30, lines: 1, units: 90, usualLineUnits: 2, countedUnits: 90)
        #expect(SKUAnalyzer.bulkWords([smaller, counted]) == "2 days of bulk lines counted as ordered, the largest 360 units on 2026-05-26")
        let oneOff = OneOffDay(day: d, lines: 1, units: 400, usualLineUnits: 2, countedUnits: 2)
        #expect(SKUAnalyzer.bulkWords([oneOff]) == "a one-off bulk line (400 units on 2026-05-26) counted at the usual size")
        #expect(SKUAnalyzer.bulkWords([]) == nil)
    }
}
