import Testing
@testable import RestockCore

/// What the per-SKU computation makes of non-stock SKUs, one-off bulk lines and unknown stock
/// settings (README, "Non-stock lines", "One-off bulk orders", "Advice without stock levels").
@Suite struct SKUAnalyzerDemandRulesTests {
    let settings = RunSettings(asOf: CivilDate.day(year: 2026, month: 11, day: 26))

    /// One line of 2 units every 7th day of the window, ending on as-of (52 lines).
    func weeklyDays() -> [OrderDay] {
        (0 ..< 52).map { OrderDay(day: settings.asOf - 7 * (51 - $0), lines: 1, units: 2, priceSum: 5, pricedLines: 1) }
    }

    func stocked(_ sku: String) -> ProductFact {
        var p = ProductFact(sku: sku)
        p.onHand = 0
        p.reorderPoint = 0
        return p
    }

    @Test func aSKUWithNoStockSettingsIsAReorderPointToSetUpNotAnActionAndHasNoRevenueAtRisk() {
        let f = SKUAnalyzer.analyze(SKUFacts(sku: "A", orderDays: weeklyDays()), supplierOthers: [], settings: settings).figures
        #expect(!f.stockKnown)
        #expect(!f.isRecommended)
        #expect(f.isToSetUp && f.reorderPoint > 0)
        #expect(f.revenueAtRisk == 0)
        #expect(SKUColumn.named("revenue_at_risk")?.cell(f) == .number(nil))
        #expect(f.reason.contains("no reorder point set: use \(SKUAnalyzer.words(f.reorderPoint))"))
        // With on_hand 0 and reorder point 0 in force, the same demand is an action.
        let known = SKUAnalyzer.analyze(SKUFacts(sku: "A", product: stocked("A"), orderDays: weeklyDays()), supplierOthers: [],
                                        settings: settings).figures
        #expect(known.stockKnown && known.isRecommended && !known.isToSetUp && known.revenueAtRisk > 0)
    }

    @Test func aNonStockSKUIsNeverRecommendedAndHasNoReorderPoint() {
        var facts = SKUFacts(sku: "POST", product: stocked("POST"), orderDays: weeklyDays())
        facts.nonStock = NonStock(source: .builtIn, why: "built in: postage")
        let f = SKUAnalyzer.analyze(facts, supplierOthers: [], settings: settings).figures
        #expect(!f.isRecommended && !f.isToSetUp)
        #expect(f.reorderPoint == 0 && f.reorderPointIncrease == 0 && f.revenueAtRisk == 0 && f.orderNowUnits == 0)
        #expect(f.orderedUnits == 104 && f.orderLines == 52)
        #expect(f.leftOut?.why == "built in: postage")
        #expect(f.reason.isEmpty)
    }

    @Test func aSingleBulkLineDoesNotSetTheReorderPointUnlessMarkedRecurring() {
        // 52 weekly lines of 2, one of them (the 40th) 5,000 units instead: usual 2, the line
        // is a one-off counted as 2, so the SKU looks like the plain weekly 2.
        var bulky = weeklyDays()
        bulky[40].units = 5_000
        let plain = SKUAnalyzer.analyze(SKUFacts(sku: "A", product: stocked("A"), orderDays: weeklyDays()), supplierOthers: [],
                                        settings: settings)
        let once = SKUAnalyzer.analyze(SKUFacts(sku: "A", product: stocked("A"), orderDays: bulky), supplierOthers: [],
                                       settings: settings)
        #expect(once.figures.orderedUnits == 51 * 2 + 5_000)
        #expect(once.figures.oneOffUnits == 4_998)
        #expect(once.oneOffDays.map(\.day) == [bulky[40].day])
        #expect(once.figures.reorderPoint == plain.figures.reorderPoint)
        #expect(once.figures.forecastDaily == plain.figures.forecastDaily)
        var marked = SKUFacts(sku: "A", product: stocked("A"), orderDays: bulky)
        marked.recurringBulk = true
        let recurring = SKUAnalyzer.analyze(marked, supplierOthers: [], settings: settings)
        #expect(recurring.oneOffDays.isEmpty && recurring.figures.oneOffUnits == 0)
        #expect(recurring.figures.reorderPoint > plain.figures.reorderPoint + 100)
    }
}
