import Testing
@testable import RestockCore

@Suite struct ReorderPointModelTests {
    static let asOf: Day = 363

    static func leadTime(_ days: Double, sd: Double = 0) -> LeadTimeForecast {
        LeadTimeForecast(days: days, sdDays: sd, source: .quoted, observations: 0,
                         explanation: "", sample: [])
    }

    /// `units` on every `every`-th day of a 364-day history, with `lines` lines a day.
    static func history(units: Double, every: Int = 1, lines: Int = 1) -> [OrderDay] {
        stride(from: 0, through: asOf, by: every).map {
            OrderDay(day: $0, lines: lines, units: units)
        }
    }

    @Test func countsTheUndershootOfSteadyDemand() {
        // 2 units every day, lead time exactly 10 days, Q 10: D_L = 20. Before a day the
        // position is s + X, X uniform on 1...10; the day triggers iff X <= 2, leaving
        // U = 2 - X = 1 or 0 with equal chance. T = 21 or 20: at 0.95, s = 21 where the
        // textbook (no variability) says 20. (10,000 lines a day make the level error tiny.)
        let result = ReorderPointModel.reorderPoint(
            history: Self.history(units: 2, lines: 10_000), historyStart: 0, asOf: Self.asOf,
            forecastDaily: 2, leadTime: Self.leadTime(10), orderQuantity: 10, serviceLevel: 0.95)
        #expect(result.reorderPoint == 21)
        #expect(abs(result.expectedLeadTimeDemand - 20) < 1e-9)
        #expect(abs(result.safetyStock - 1) < 1e-9)
        #expect(abs(result.meanUndershoot - 0.5) < 0.05)
    }

    @Test func linesLargerThanTheLotAlwaysTriggerAndUndershootDeep() {
        // 10 units every 10th day, Q 5, lead time 0: every demand day triggers; X uniform
        // on 1...5, U = 10 - X uniform on 5...9. P(U <= 6) = 0.4, P(U <= 7) = 0.6, so
        // s = 7 at 0.5 and 9 at 0.95.
        let history = Self.history(units: 10, every: 10)
        func point(_ level: Double) -> Int {
            ReorderPointModel.reorderPoint(history: history, historyStart: 0, asOf: Self.asOf,
                                           forecastDaily: 1, leadTime: Self.leadTime(0),
                                           orderQuantity: 5, serviceLevel: level).reorderPoint
        }
        #expect(point(0.5) == 7)
        #expect(point(0.95) == 9)
    }

    @Test func handlesFractionalQuantities() {
        // 2.5 units a day, Q 7.5, lead time 4 days: D_L = 10; X uniform on (0, 2.5], so
        // T = 10 + U is uniform on [10, 12.5): 0.95 quantile 12.375 -> 13; median 11.25 -> 12.
        let history = Self.history(units: 2.5, lines: 10_000)
        func point(_ level: Double) -> Int {
            ReorderPointModel.reorderPoint(history: history, historyStart: 0, asOf: Self.asOf,
                                           forecastDaily: 2.5, leadTime: Self.leadTime(4),
                                           orderQuantity: 7.5, serviceLevel: level).reorderPoint
        }
        #expect(point(0.95) == 13)
        #expect(point(0.5) == 12)
    }

    @Test func expectedShortageUsesTheSameCycleDemand() {
        // U uniform on 5...9 (as above): E[(U - 7)+] = (1 + 2) / 5 = 0.6; E[U] = 7.
        let model = ReorderPointModel(
            history: Self.history(units: 10, every: 10), historyStart: 0, asOf: Self.asOf,
            forecastDaily: 1, leadTime: Self.leadTime(0), orderQuantity: 5, serviceLevel: 0.95)
        #expect(abs(model.expectedShortagePerCycle(reorderPoint: 7) - 0.6) < 0.05)
        #expect(abs(model.expectedShortagePerCycle(reorderPoint: 0) - 7) < 0.1)
        #expect(model.expectedShortagePerCycle(reorderPoint: 9) == 0)
    }

    @Test func assumesSingleUnitPoissonOrdersWithoutHistory() {
        // Forecast 0.5/day, lead time 10: Poisson(5); P(N <= 8) = 0.9319, P(N <= 9) = 0.9682.
        let model = ReorderPointModel(history: [], historyStart: 0, asOf: Self.asOf,
                                      forecastDaily: 0.5, leadTime: Self.leadTime(10),
                                      orderQuantity: 15, serviceLevel: 0.95)
        #expect(model.result.reorderPoint == 9)
        #expect(abs(model.result.safetyStock - 4) < 1e-9)
        // E[(N - 0)+] = 5; E[(N - 9)+] = Σ_{k>9} (k - 9) p(k) = 0.05402 (summed to k = 100).
        #expect(abs(model.expectedShortagePerCycle(reorderPoint: 0) - 5) < 1e-9)
        #expect(abs(model.expectedShortagePerCycle(reorderPoint: 9) - 0.05402) < 0.00001)
    }

    @Test func noForecastMeansNoReorderPoint() {
        let model = ReorderPointModel(history: Self.history(units: 3, every: 7), historyStart: 0,
                                      asOf: Self.asOf, forecastDaily: 0,
                                      leadTime: Self.leadTime(14, sd: 3.5), orderQuantity: 1,
                                      serviceLevel: 0.95)
        #expect(model.result.reorderPoint == 0)
        #expect(model.expectedShortagePerCycle(reorderPoint: 0) == 0)
    }

    @Test func sameInputsGiveTheSamePoint() {
        let history = (0..<52).map { OrderDay(day: $0 * 7 + $0 % 3, lines: 1, units: Double(1 + $0 % 9)) }
        let lead = LeadTimeForecast(days: 12, sdDays: 3, source: .receipts, observations: 6,
                                    explanation: "", sample: [8, 10, 11, 12, 14, 17])
        let a = ReorderPointModel.reorderPoint(history: history, historyStart: 0, asOf: Self.asOf,
                                               forecastDaily: 0.7, leadTime: lead,
                                               orderQuantity: 21, serviceLevel: 0.95)
        let b = ReorderPointModel.reorderPoint(history: history, historyStart: 0, asOf: Self.asOf,
                                               forecastDaily: 0.7, leadTime: lead,
                                               orderQuantity: 21, serviceLevel: 0.95)
        #expect(a == b)
        #expect(a.explanation.hasPrefix("\(a.reorderPoint) = 8.4 lead-time demand (0.7/day x 12 days)"))
    }

    @Test func higherServiceNeedsAtLeastAsHighAPoint() {
        let history = (0..<52).map { OrderDay(day: $0 * 7, lines: 1, units: Double(1 + ($0 * 5) % 11)) }
        let lead = Self.leadTime(10, sd: 2.5)
        let points = [0.8, 0.9, 0.95, 0.99].map {
            ReorderPointModel.reorderPoint(history: history, historyStart: 0, asOf: Self.asOf,
                                           forecastDaily: 0.85, leadTime: lead,
                                           orderQuantity: 26, serviceLevel: $0).reorderPoint
        }
        #expect(points == points.sorted())
        #expect(points[0] < points[3])
    }

    @Test func kthSmallestFindsEveryRankWithTies() {
        let values: [Double] = [5, 3, 9, 3, 1, 8, 7, 3, 2, 6]
        let sorted = values.sorted()
        for k in 0..<values.count {
            #expect(values.withUnsafeBufferPointer { ReorderPointModel.kthSmallest($0, k, least: $0.min()!, largest: $0.max()!) } == sorted[k])
        }
        var random = PolicyRandom(seed: 9)
        let many = (0..<2_001).map { _ in Double(random.next() % 50) }
        let manySorted = many.sorted()
        for k in [0, 1, 999, 1_000, 1_001, 1_900, 1_999, 2_000] {
            #expect(many.withUnsafeBufferPointer { ReorderPointModel.kthSmallest($0, k, least: $0.min()!, largest: $0.max()!) } == manySorted[k])
        }
    }

    @Test func leadTimeDistributionKeepsTheForecastsMean() {
        let forecast = LeadTimeForecast(days: 15, sdDays: 4, source: .receipts, observations: 8,
                                        explanation: "", sample: [9, 11, 12, 13, 14, 16, 18, 22])
        let values = LeadTimeDistribution(forecast).values
        let mean = values.reduce(0, +) / Double(values.count)
        let sd = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)).squareRoot()
        // Mean 15; sd 4 x √((1 + 1/8)(7/5)) = 4 x 1.2550 = 5.02 (clamping at 0 never bites).
        #expect(abs(mean - 15) < 1e-9)
        #expect(abs(sd - 5.02) < 0.01)
        let lognormal = LeadTimeDistribution(Self.leadTime(14, sd: 3.5)).values
        let lognormalMean = lognormal.reduce(0, +) / Double(lognormal.count)
        #expect(abs(lognormalMean - 14) < 0.1)
        #expect(lognormal.allSatisfy { $0 > 0 })
    }

    @Test func leadTimesWeighedByAgeWidenTheSpreadAsTheirEffectiveNumberWould() {
        // The same eight values, weighed as about 6 equal ones (old receipts weigh less):
        // sd 4 x √((1 + 1/6)(5/3)) = 4 x 1.39443 = 5.5777, against 5.02 for eight.
        let weighed = LeadTimeForecast(days: 15, sdDays: 4, source: .receipts, observations: 8,
                                       explanation: "", sample: [9, 11, 12, 13, 14, 16, 18, 22],
                                       effectiveObservations: 6)
        let values = LeadTimeDistribution(weighed).values
        let mean = values.reduce(0, +) / Double(values.count)
        let sd = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)).squareRoot()
        #expect(abs(mean - 15) < 1e-9)
        #expect(abs(sd - 5.5777) < 0.01)
        // The factor by itself: eight values (1.25499), as six (1.39443); below five effective
        // values it stays at five's, √(1.2 x 4/2) = 1.54919, so that it cannot run away near 3;
        // it never exceeds what the values' own count gives: 10 values as 12 count as 10.
        #expect(abs(LeadTimeDistribution.predictiveInflation(observations: 8, effective: 8) - 1.25499) < 1e-5)
        #expect(abs(LeadTimeDistribution.predictiveInflation(observations: 8, effective: 6) - 1.39443) < 1e-5)
        #expect(abs(LeadTimeDistribution.predictiveInflation(observations: 8, effective: 3.2) - 1.54919) < 1e-5)
        #expect(abs(LeadTimeDistribution.predictiveInflation(observations: 10, effective: 12) - 1.18924) < 1e-5)
        #expect(LeadTimeDistribution.predictiveInflation(observations: 4, effective: 4) == 1)
    }
}
