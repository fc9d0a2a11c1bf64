import Foundation
import Testing
@testable import RestockCore

@Suite struct LeadTimeEstimatorTests {
    static let asOf: Day = 1_000

    /// A receipt received `age` days before as-of after `days` of lead time.
    static func receipt(age: Int, days: Int, supplier: String = "S") -> ReceiptFact {
        ReceiptFact(supplier: supplier, orderedDay: asOf - age - days, receivedDay: asOf - age)
    }

    static func estimate(own: [ReceiptFact] = [], supplier: [ReceiptFact] = [],
                         quoted: Double? = nil, fills: [Int] = []) -> LeadTimeForecast {
        LeadTimeEstimator.estimate(own: own, supplierOthers: supplier, quotedDays: quoted,
                                   fillDays: fills, defaultDays: 14, asOf: asOf, receiptDays: 365)
    }

    @Test func weighsReceiptsByAgeWithAHalfLifeOf180Days() {
        // Ages 0, 0, 180, 180, 360 -> weights 1, 1, .5, .5, .25 (V1 = 3.25, V2 = 2.5625).
        // Mean (20 + 18 + .5(12 + 14) + .25 x 4) / 3.25 = 52 / 3.25 = 16.
        // Σ w (x - 16)² = 16 + 4 + .5(16 + 4) + .25 x 144 = 66;
        // V1 - V2/V1 = 3.25 - 0.78846 = 32/13; variance 66 x 13/32 = 26.8125; sd 5.17808.
        let f = Self.estimate(own: [
            Self.receipt(age: 0, days: 20), Self.receipt(age: 0, days: 18),
            Self.receipt(age: 180, days: 12), Self.receipt(age: 180, days: 14),
            Self.receipt(age: 360, days: 4),
        ])
        #expect(f.source == .receipts)
        #expect(f.observations == 5)
        #expect(abs(f.days - 16) < 1e-9)
        #expect(abs(f.sdDays - 5.17808) < 1e-4)
        // As precise as V1² / V2 = 10.5625 / 2.5625 = 4.12195 equally weighted receipts.
        #expect(abs(f.effectiveObservations - 4.12195) < 1e-5)
        // Oldest receipt first; on one day, the earlier order first (14 days before 12).
        #expect(f.sample == [4, 14, 12, 20, 18])
    }

    @Test func keepsTheObservedSpreadOfFewReceiptsWhenAboveTheFloor() {
        // Ages 0, 180, 360: weights 1, .5, .25; mean (20 + 6 + 2) / 1.75 = 16;
        // Σ w (x - 16)² = 16 + 8 + 16 = 40; V1 - V2/V1 = 1.75 - 1.3125/1.75 = 1; sd √40.
        // Three receipts are few: sd = max(6.3246, 25% x 16 = 4) = 6.3246.
        let f = Self.estimate(own: [Self.receipt(age: 0, days: 20), Self.receipt(age: 180, days: 12),
                                    Self.receipt(age: 360, days: 8)])
        #expect(abs(f.days - 16) < 1e-9)
        #expect(abs(f.sdDays - 40.0.squareRoot()) < 1e-9)
    }

    @Test func slowingSupplierForecastsAboveThePlainMean() {
        // Lead times 10, 12, 14, 16, 18 received 330, 240, 150, 60 and 0 days ago: plain
        // mean 14; weights .2806, .3969, .5612, .7937, 1 give 46.12 / 3.032 = 15.21.
        let f = Self.estimate(own: [
            Self.receipt(age: 330, days: 10), Self.receipt(age: 240, days: 12),
            Self.receipt(age: 150, days: 14), Self.receipt(age: 60, days: 16),
            Self.receipt(age: 0, days: 18),
        ])
        #expect(f.days > 15.2 && f.days < 15.22)
    }

    @Test func poolsASingleReceiptWithTheSuppliersMean() {
        // Own: one receipt of 30 days; supplier: 12, 15, 18 on one day (mean 15, sd 3).
        // Z = 1/3: 10 + 2/3 x 15 = 20; sd = max(0, 3, 25% x 20 = 5) = 5.
        let f = Self.estimate(
            own: [Self.receipt(age: 10, days: 30)],
            supplier: [Self.receipt(age: 5, days: 12), Self.receipt(age: 5, days: 15),
                       Self.receipt(age: 5, days: 18)])
        #expect(f.source == .receipts)
        #expect(abs(f.days - 20) < 1e-9)
        #expect(abs(f.sdDays - 5) < 1e-9)
        #expect(f.explanation == "20 days from 1 receipt, pooled with 3 of the supplier's")
    }

    @Test func explainsTheFigureInWords() {
        let f = Self.estimate(own: (0..<6).map { Self.receipt(age: $0 * 30, days: 21) })
        #expect(f.explanation == "21 days from 6 receipts (recent ones weigh more)")
        #expect(f.sdDays == 0)
    }

    @Test func ignoresReceiptsOutsideTheWindow() {
        // Received 365 days before as-of (outside [as-of - 364, as-of]) and after as-of.
        let f = Self.estimate(own: [Self.receipt(age: 365, days: 9), Self.receipt(age: -1, days: 9)],
                              quoted: 12)
        #expect(f.source == .quoted)
    }

    @Test func aRunReadsTwoYearsOfReceiptsWhateverTheShorterWindow() {
        // The default window of 365 days reads 730 days of receipts; a longer window its own.
        #expect(RunSettings(asOf: Self.asOf).receiptDays == 730)
        #expect(RunSettings(asOf: Self.asOf, windowDays: 90).receiptDays == 730)
        #expect(RunSettings(asOf: Self.asOf, windowDays: 1_000).receiptDays == 1_000)
        // Ages 0, 540 and 730 days: the last is outside [as-of - 729, as-of]. Weights 1 and
        // 0.5^(540/180) = 0.125: mean (10 + 0.125 x 19) / 1.125 = 11 days; a 365-day reach
        // would have read the first alone (10 days).
        let own = [Self.receipt(age: 0, days: 10), Self.receipt(age: 540, days: 19), Self.receipt(age: 730, days: 40)]
        let f = LeadTimeEstimator.estimate(own: own, supplierOthers: [], quotedDays: nil, fillDays: [], defaultDays: 14,
                                           asOf: Self.asOf, receiptDays: RunSettings(asOf: Self.asOf).receiptDays)
        #expect(f.observations == 2)
        #expect(abs(f.days - 11) < 1e-9)
        #expect(Self.estimate(own: own).days == 10)
    }

    @Test func fallsBackFromSupplierToQuotedToFillTimesToDefault() {
        let supplier = Self.estimate(supplier: [Self.receipt(age: 0, days: 8),
                                                Self.receipt(age: 0, days: 12)], quoted: 30)
        #expect(supplier.source == .supplier)
        // Equal weights: mean 10, sample sd √8 = 2.83, above the 25% floor of 2.5.
        #expect(abs(supplier.days - 10) < 1e-9)
        #expect(abs(supplier.sdDays - 8.0.squareRoot()) < 1e-9)

        let quoted = Self.estimate(quoted: 20, fills: [3])
        #expect(quoted.source == .quoted)
        #expect(quoted.days == 20 && quoted.sdDays == 5 && quoted.sample.isEmpty)

        // Fill days 5, 9, 10: mean 8, sample sd √7 = 2.65 above the 2.0 floor.
        let fills = Self.estimate(fills: [5, 9, 10])
        #expect(fills.source == .fillTimes)
        #expect(fills.days == 8 && abs(fills.sdDays - 7.0.squareRoot()) < 1e-9)
        #expect(fills.observations == 3)

        let fallback = Self.estimate()
        #expect(fallback.source == .default)
        #expect(fallback.days == 14 && fallback.sdDays == 3.5)
        #expect(fallback.observations == 0)
    }

    @Test func formatPrintsWhatPercentOneFPrintsForTenths() {
        var random = SplitMix64(state: 5)
        var values: [Double] = [0, 0.05, 0.15, 0.25, 0.35, 0.95, 1.05, 20.55, 20.64, 99.95, -0.3, -0.04,
                                -1.55, 1e13 + 0.3, 123_456_789.87, 1e15, 3e20, .infinity, -.infinity, .nan]
        for _ in 0..<20_000 {
            let scale = [1.0, 10, 1_000, 1e6, 1e12][Int(random.next() % 5)]
            values.append((Double(random.next() >> 11) * 0x1p-53 - 0.25) * scale)
        }
        for x in values {
            // The format-string version it replaces (whole numbers aside, which stay as they were).
            let tenths = (x * 10).rounded()
            guard !(tenths.isFinite && abs(tenths) >= 0x1p62) else { continue }
            let expected = tenths.truncatingRemainder(dividingBy: 10) == 0
                ? String(Int(tenths / 10)) : String(format: "%.1f", tenths / 10)
            #expect(LeadTimeEstimator.format(x) == expected, "\(x)")
        }
        #expect(DecimalText.fixed(995, places: 1) == "99.5")
        #expect(DecimalText.fixed(-3, places: 1) == "-0.3")
    }

    @Test func supplierReceiptsAreReadOnlyBelowFiveOwnReceiptsInTheWindow() {
        let supplier = (0..<30).map { Self.receipt(age: $0 * 10, days: 40 + $0 % 7) }
        // Receipts outside the window or with a negative lead time do not count as own ones.
        let stray = [Self.receipt(age: 400, days: 10), Self.receipt(age: 5, days: -2)]
        for ownCount in 0...7 {
            let own = (0..<ownCount).map { Self.receipt(age: $0 * 30, days: 10 + $0) } + stray
            let reads = LeadTimeEstimator.readsSupplierReceipts(own: own, asOf: Self.asOf, receiptDays: 365)
            #expect(reads == (ownCount < 5))
            if ownCount == 0 { #expect(Self.estimate(own: own, supplier: supplier).source == .supplier) }
            if !reads {
                #expect(Self.estimate(own: own, supplier: supplier) == Self.estimate(own: own))
            }
        }
    }
}
