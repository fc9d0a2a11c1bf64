import Testing
@testable import RestockCore

/// Each model against values worked out by hand (derivations in the comments).
@Suite struct ForecastModelTests {
    /// Weeks 0…9: demand 3 in week 0, 6 in week 3, 2 in week 5, 4 in week 9.
    static let intermittent: [Double] = [3, 0, 0, 6, 0, 2, 0, 0, 0, 4]

    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-9 }

    @Test func naiveRepeatsTheLastWeek() {
        #expect(NaiveModel.forecast(weekly: [3, 0, 5]) == 5)
        #expect(NaiveModel.forecast(weekly: [3, 5, 0]) == 0)
    }

    @Test func meanAveragesTheWholeHistory() {
        // (3 + 0 + 5 + 0) / 4 = 2.
        #expect(MeanModel.forecast(weekly: [3, 0, 5, 0]) == 2)
    }

    @Test func movingAverageFitsTheShortWindowOnATrend() {
        // y = 1…6. One-step errors of window 2: t=1: 1−1, no: forecast of week 1 is 1 (only
        // week 0), error 1; week 2: mean(1,2) = 1.5, error 1.5; weeks 3, 4, 5: 2.5, 3.5, 4.5,
        // errors 1.5 each. Window 4: errors 1, 1.5, 2 (mean 1,2,3), 2.5, 2.5: larger.
        // Longer windows lag more. Window 2 wins: forecast mean(5, 6) = 5.5.
        #expect(MovingAverageModel.forecast(weekly: [1, 2, 3, 4, 5, 6]) == 5.5)
    }

    @Test func movingAverageFitsALongWindowOnNoise() {
        // Alternating 0, 8 for 16 weeks: a window of even length forecasts 4 (error 4 every
        // week once full); window 13 (odd) forecasts 48/13 or 56/13, errors near 4 but its
        // warm-up is longer; the 2-week window reaches 4 first and ties go to the shorter
        // window: 2, forecast (0 + 8) / 2 = 4.
        let y = (0..<16).map { $0 % 2 == 0 ? 0.0 : 8 }
        #expect(MovingAverageModel.forecast(weekly: y) == 4)
    }

    @Test func sesFitsALargeConstantAfterAStep() {
        // y = 0, 10, 10, 10; ℓ(0) = 0. Errors: 10, 10(1−α), 10(1−α)²; SSE = 100[1 + (1−α)² +
        // (1−α)⁴] falls as α rises: α = 0.95. Level 10[1 − (1−α)³] = 10(1 − 0.05³) = 9.99875.
        let y: [Double] = [0, 10, 10, 10]
        #expect(SESModel.fittedAlpha(weekly: y) == 0.95)
        #expect(Self.close(SESModel.forecast(weekly: y), 9.99875))
    }

    @Test func sesFitsASmallConstantOnNoise() {
        // y = 5, 0, 10, 0, 10, 0, 10 swings around 5: the least SSE is at α = 0.05
        // (157.69 against 165.78 at 0.10). Levels with α = 0.05 from ℓ(0) = 5:
        // 4.75, 5.0125, 4.761875, 5.02378125, 4.7725921875, 5.033962578125.
        let y: [Double] = [5, 0, 10, 0, 10, 0, 10]
        #expect(SESModel.fittedAlpha(weekly: y) == 0.05)
        #expect(Self.close(SESModel.forecast(weekly: y), 5.033962578125))
    }

    @Test func crostonWorkedByHand() {
        // Demand weeks 0 (3), 3 (6), 5 (2), 9 (4); α = 0.1.
        // Week 3, the second demand: z = (3 + 6)/2 = 4.5, p = 3 − 0 = 3     -> 1.5
        // Week 5: q = 2: z = 4.5 + 0.1(2 − 4.5) = 4.25, p = 3 + 0.1(2 − 3) = 2.9
        // Week 9: q = 4: z = 4.25 + 0.1(4 − 4.25) = 4.225, p = 2.9 + 0.1(4 − 2.9) = 3.01
        // Forecast z/p = 4.225 / 3.01 = 1.403654485…
        let f = RollingForecast.all(of: .croston, weekly: Self.intermittent)
        #expect(f[1] == 3 && f[2] == 1.5 && f[3] == 1)  // `mean` until the second demand
        #expect(Self.close(f[4], 1.5))
        #expect(Self.close(f[6], 4.25 / 2.9))
        #expect(Self.close(f[10], 4.225 / 3.01))
    }

    @Test func crostonSBADeflatesCrostonByOneMinusHalfAlpha() {
        // 0.95 × 4.225 / 3.01 = 1.333471760…
        #expect(Self.close(CrostonSBAModel.forecast(weekly: Self.intermittent), 0.95 * 4.225 / 3.01))
    }

    @Test func tsbWorkedByHand() {
        // α = 0.1, β = 0.05. Week 3, the second demand: z = 4.5, π = 1/(3 − 0) = 1/3 -> 1.5.
        // Week 4 (0): π = 1/3 · 0.95 = 0.316667                     -> 1.425
        // Week 5 (2): π = 0.316667 + 0.05(1 − 0.316667) = 0.350833; z = 4.25 -> 1.491042
        // Weeks 6-8 (0): π × 0.95³ = 0.300796
        // Week 9 (4): π = 0.300796 + 0.05(1 − 0.300796) = 0.335756; z = 4.225
        // Forecast π z = 1.418569 (to 6 places; exact value from the same steps below).
        var p = 1.0 / 3 * 0.95
        p += 0.05 * (1 - p)
        p *= 0.95 * 0.95 * 0.95
        p += 0.05 * (1 - p)
        let f = RollingForecast.all(of: .tsb, weekly: Self.intermittent)
        #expect(Self.close(f[4], 1.5))
        #expect(Self.close(f[5], 1.425))
        #expect(Self.close(f[10], p * 4.225))
        #expect(abs(f[10] - 1.418569) < 1e-6)
    }

    @Test func tsbForecastsDownAfterDemandStopsButCrostonDoesNot() {
        // After the last demand Croston's z and p freeze; TSB's π shrinks by 0.95 a week.
        let y = Self.intermittent + Array(repeating: 0, count: 20)
        #expect(CrostonModel.forecast(weekly: y) == CrostonModel.forecast(weekly: Self.intermittent))
        #expect(Self.close(TSBModel.forecast(weekly: y),
                           TSBModel.forecast(weekly: Self.intermittent) * pow095(20)))
    }

    @Test func dampedTrendTwoWeeksTieOnEveryTripleAndKeepTheFirst() {
        // [10, 12]: every triple forecasts week 1 as 10 (ℓ = 10, b = 0) and misses by 2, so
        // all tie and the first, α 0.1, β 0.05, φ 0.8, is kept:
        // ℓ = 10 + 0.1·2 = 10.2; b = 0.05·(10.2 − 10) + 0.95·0.8·0 = 0.01;
        // forecast 10.2 + 0.8·0.01 = 10.208.
        let f = RollingForecast.all(of: .dampedTrend, weekly: [10, 12])
        #expect(f[0] == 0 && f[1] == 10)
        #expect(Self.close(f[2], 10.208))
        let path = DampedTrendModel.path(weekly: [10, 12])
        #expect(Self.close(path.level, 10.2) && Self.close(path.trend, 0.01) && path.damping == 0.8)
    }

    @Test func dampedTrendWorkedByHandOnThreeRisingWeeks() {
        // [10, 12, 14]. After week 1 a triple holds ℓ = 10 + 2α, b = 2αβ and forecasts week 2
        // as 10 + 2α + φ·2αβ, largest (least error) for α 0.5, β 0.2, φ 0.98:
        // 11 + 0.98·0.2 = 11.196, error 2.804; its SSE 4 + 2.804² is the least.
        // ℓ = 11.196 + 0.5·2.804 = 12.598; b = 0.2·(12.598 − 11) + 0.8·0.98·0.2 = 0.4764.
        // Next week: 12.598 + 0.98·0.4764 = 13.064872; two weeks: 12.598 + 1.9404·0.4764 = 13.52240656.
        let f = RollingForecast.all(of: .dampedTrend, weekly: [10, 12, 14])
        #expect(Self.close(f[2], 10.208))
        #expect(Self.close(f[3], 13.064872))
        let path = DampedTrendModel.path(weekly: [10, 12, 14])
        #expect(Self.close(path.level, 12.598) && Self.close(path.trend, 0.4764) && path.damping == 0.98)
        #expect(Self.close(path.weekly(ahead: 2), 13.52240656))
    }

    @Test func dampedTrendFollowsADeclineThatSESLags() {
        // 40 weeks falling by 1 a week from 60 to 21: SES (even α 0.95) stays above the last
        // week; the damped trend forecasts below it, as the decline carries on.
        let y = (0..<40).map { 60 - Double($0) }
        #expect(SESModel.forecast(weekly: y) > 21)
        #expect(DampedTrendModel.forecast(weekly: y) < 21)
        #expect(DampedTrendModel.forecast(weekly: y) > 19)
    }

    static func pow095(_ k: Int) -> Double { (0..<k).reduce(1.0) { r, _ in r * 0.95 } }
    func pow095(_ k: Int) -> Double { Self.pow095(k) }
}
