import Testing
@testable import RestockCore

/// Values a store may hold from before the input bounds (README, "Limits"): the per-SKU
/// computation must finish for every one of them, without a trap, a hang or a NaN figure.
@Suite struct ExtremeValuesTests {
    let settings = RunSettings(asOf: CivilDate.day(year: 2026, month: 12, day: 1))

    func analyze(units: Double, days: Int = 30, product: ProductFact? = nil,
                 receipts: [ReceiptFact] = []) -> SKUFigures {
        let orderDays = (0..<days).map { OrderDay(day: settings.asOf - $0 * 3, lines: 1, units: units, priceSum: 10, pricedLines: 1) }
            .sorted { $0.day < $1.day }
        let input = SKUFacts(sku: "X", product: product, orderDays: orderDays, backorders: [], receipts: receipts, supplier: nil)
        return SKUAnalyzer.analyze(input, supplierOthers: [], settings: settings).figures
    }

    func numbers(_ f: SKUFigures) -> [Double] {
        [f.orderedUnits, f.forecastDaily, f.leadTimeDays, f.leadTimeSDDays, f.safetyStock, f.reorderPoint,
         f.reorderPointIncrease, f.orderQuantity, f.revenueAtRisk] + [f.adi, f.cv2, f.forecastMAE, f.orderNowUnits].compactMap { $0 }
    }

    @Test(arguments: [1e18, 1e17, 1e308, 1e-310, 5e-324])
    func everyLineOfASKUAtAnExtremeQuantityGivesNoNaN(_ units: Double) {
        let f = analyze(units: units)
        #expect(!numbers(f).contains { $0.isNaN }, "\(units): \(numbers(f))")
    }

    @Test func oneHugeLineAmongOrdinaryOnesFinishes() {
        var days = (0..<40).map { OrderDay(day: settings.asOf - $0 * 2, lines: 1, units: 3) }
        days[0].units = 1e18
        let input = SKUFacts(sku: "X", product: nil, orderDays: days.sorted { $0.day < $1.day }, backorders: [], receipts: [], supplier: nil)
        let f = SKUAnalyzer.analyze(input, supplierOthers: [], settings: settings).figures
        #expect(f.reorderPoint > 0)
        #expect(!numbers(f).contains { $0.isNaN })
    }

    @Test func aStoredLeadTimeOfMillionsOfDaysIsLeftOut() {
        // A receipt received 3 million days after it was ordered, and a quote of 1e300 days:
        // beyond 3,650 days both are ignored, so the default 14 days applies.
        let receipt = ReceiptFact(supplier: nil, orderedDay: settings.asOf - 3_000_000, receivedDay: settings.asOf - 1)
        var product = ProductFact(sku: "X")
        product.leadTimeDays = 1e300
        let f = analyze(units: 2, product: product, receipts: [receipt])
        #expect(f.leadTimeDays == 14)
        #expect(f.leadTimeSource == .default)
    }

    @Test func saturatingConversionIsTotal() {
        #expect(Int(saturating: .nan) == 0)
        #expect(Int(saturating: .infinity) == 1 << 62)
        #expect(Int(saturating: -.infinity) == -(1 << 62))
        #expect(Int(saturating: 1e300) == 1 << 62)
        #expect(Int(saturating: 12.9) == 12)
        #expect(Int(saturating: -12.9) == -12)
    }
}
