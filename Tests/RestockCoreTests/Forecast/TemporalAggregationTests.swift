import Testing
@testable import RestockCore

/// ADIDA and IMAPA, and the aggregation they share, against values worked out by hand.
@Suite struct TemporalAggregationTests {
    /// Weeks 0…9: demand 3 in week 0, 6 in week 3, 2 in week 5, 4 in week 9 (ADI 10/4 = 2.5).
    static let intermittent = ForecastModelTests.intermittent

    static func level(_ y: [Double]) -> Int { y.withUnsafeBufferPointer { TemporalAggregation.level($0) } }
    static func buckets(_ y: [Double], _ k: Int) -> [Double] {
        var out = [Double](repeating: -1, count: y.count)
        let count = y.withUnsafeBufferPointer { y in
            out.withUnsafeMutableBufferPointer { TemporalAggregation.buckets(y, level: k, into: $0) }
        }
        return Array(out[0..<count])
    }

    @Test func theLevelIsTheAverageDemandIntervalRounded() {
        #expect(Self.level(Self.intermittent) == 3)         // 10 / 4 = 2.5, halves up
        #expect(Self.level([1, 0, 0, 1, 0, 0, 1]) == 2)     // 7 / 3 = 2.33
        #expect(Self.level([5, 5, 5]) == 1)
        #expect(Self.level([0, 0, 0]) == 1)                 // no demand
        #expect(Self.level([9, 0, 0]) == 3)                 // 3 / 1, capped at the length
    }

    @Test func bucketsAreCountedBackFromTheLastWeek() {
        // 10 weeks in buckets of 3: the oldest week (3) does not fill a bucket and is left out.
        #expect(Self.buckets(Self.intermittent, 3) == [6, 2, 4])
        #expect(Self.buckets(Self.intermittent, 2) == [3, 6, 2, 0, 4])
        #expect(Self.buckets(Self.intermittent, 1) == Self.intermittent)
        #expect(Self.buckets([1, 2], 3) == [])
    }

    @Test func adidaSmoothsTheBucketTotalsAndDividesByTheLevel() {
        // k = 3, totals 6, 2, 4. SES from ℓ = 6: errors −4 and 4α − 2, SSE 16 + (4α − 2)²
        // falls as α rises to 0.30 (the grid's top): ℓ = 6 − 1.2 = 4.8, then 4.8 + 0.3·(−0.8)
        // = 4.56. Forecast 4.56 / 3 = 1.52 units a week.
        #expect(abs(ADIDAModel.forecast(weekly: Self.intermittent) - 1.52) < 1e-12)
    }

    @Test func adidaOnABucketTooFewIsThatBucketPerWeek() {
        // [9, 0, 0, 0]: ADI 4, one bucket of 4 weeks holding 9: 9 / 4 a week.
        #expect(ADIDAModel.forecast(weekly: [9, 0, 0, 0]) == 2.25)
    }

    @Test func imapaAveragesTheLevelsWithTheMethodEachLevelCallsFor() {
        // K = 3.
        // k = 1: the weekly series is intermittent (4 demand weeks of 10): SBA,
        //        0.95 · 4.225 / 3.01 (ForecastModelTests.crostonSBADeflatesCrostonByOneMinusHalfAlpha).
        // k = 2: totals 3, 6, 2, 0, 4: 4 non-empty of 5 (ADI 1.25 < 1.32): SES. SSE at
        //        α = 0.10 is 9 + 1.69 + 10.0489 + 1.315609 = 22.054509, the least (rising with α);
        //        levels 3.3, 3.17, 2.853, 2.9677: 2.9677 / 2 a week.
        // k = 3: totals 6, 2, 4, none empty: SES, 4.56 (as ADIDA): 4.56 / 3 a week.
        let expected = (0.95 * 4.225 / 3.01 + 2.9677 / 2 + 4.56 / 3) / 3
        #expect(abs(IMAPAModel.forecast(weekly: Self.intermittent) - expected) < 1e-12)
    }

    @Test func adidaForecastsTheRateOfRegularDemandExactly() {
        // One order of 6 every third week, 24 weeks: ADI 3, eight buckets of 3 weeks each
        // holding 6: SES forecasts 6, so 2 a week, where Croston-SBA deflates to 0.95 · 2.
        let y = (0..<24).map { $0 % 3 == 2 ? 6.0 : 0 }
        #expect(ADIDAModel.forecast(weekly: y) == 2)
        #expect(abs(CrostonSBAModel.forecast(weekly: y) - 1.9) < 1e-12)
    }

    @Test func imapaIsTheMeanOfItsLevelsPerWeek() {
        // The same series, K = 3: level 1 is intermittent (SBA, 1.9); level 2's totals
        // 0, 6, 6, 0, 6, 6, … have 8 non-empty of 12 (ADI 1.5): SBA on them, halved; level 3's
        // totals are all 6: SES, 6, a third.
        let y = (0..<24).map { $0 % 3 == 2 ? 6.0 : 0 }
        let level2 = (0..<12).map { $0 % 3 == 0 ? 0.0 : 6 }
        #expect(Self.buckets(y, 2) == level2)
        let expected = (1.9 + CrostonSBAModel.forecast(weekly: level2) / 2 + 6.0 / 3) / 3
        #expect(abs(IMAPAModel.forecast(weekly: y) - expected) < 1e-12)
    }

    /// Weekly histories of every shape the running buckets must follow: intermittent and
    /// lumpy whole units, fractional units, two years long, and one early demand week only
    /// (whose level grows with every origin, up to the history's length).
    static func histories() -> [[Double]] {
        var random = SplitMix64(seed: 16, stream: 0)
        var out: [[Double]] = [[], [0], [4], [0, 0, 3], [9] + Array(repeating: 0, count: 60)]
        for weeks in [5, 13, 52, 104] {
            for chance in [0.08, 0.3, 0.7, 1.0] {
                out.append((0..<weeks).map { _ in
                    random.uniform() < chance ? Double(1 + Int(random.uniform() * 40)) : 0
                })
                out.append((0..<weeks).map { _ in
                    random.uniform() < chance ? (random.uniform() * 17).rounded(.down) / 4 + 0.1 : 0
                })
            }
        }
        return out
    }

    @Test(arguments: [ForecastMethod.adida, .imapa])
    func everyRollingForecastIsTheSameDoubleAsItsPrefixComputedAfresh(method: ForecastMethod) {
        // The running buckets (`RollingAggregation`) must not move a figure: each origin's
        // forecast equals, bit for bit, the model computed from that origin's weeks alone.
        for y in Self.histories() {
            let rolling = RollingForecast.all(of: method, weekly: y)
            for t in 0...y.count {
                let prefix = Array(y[0..<t])
                let afresh = method == .adida ? ADIDAModel.forecast(weekly: prefix) : IMAPAModel.forecast(weekly: prefix)
                #expect(rolling[t].bitPattern == afresh.bitPattern, "\(method) at origin \(t) of \(y): \(rolling[t]) against \(afresh)")
            }
        }
    }

    @Test func imapaRollsOverLevelsThatGrowWithEveryOrigin() {
        // [9, 0, 0, 0]: at origin t the ADI is t, so IMAPA averages levels 1 ... t.
        // t = 1: [9]: 9.
        // t = 2: k = 1, buckets 9, 0 (one non-empty: SES; every α has SSE 81, the tie goes
        //        to α = 0.10): 8.1; k = 2, the bucket 9: 9 / 2. (8.1 + 4.5) / 2 = 6.3.
        // t = 3: k = 1, 9, 0, 0: SSE 81 + 8.1² at α = 0.10, 81 + 7.2² at 0.20, 81 + 6.3² at
        //        0.30, the least: level 9 · 0.7² = 4.41; k = 2, phase 1, the bucket of weeks 1-2:
        //        0; k = 3: 9 / 3. (4.41 + 0 + 3) / 3 = 2.47.
        // t = 4: k = 1, α = 0.30 again: 9 · 0.7³ = 3.087; k = 2, phase 0, buckets 9, 0: 8.1 / 2;
        //        k = 3, phase 1: 0; k = 4: 9 / 4. (3.087 + 4.05 + 0 + 2.25) / 4 = 2.34675.
        let rolling = RollingForecast.all(of: .imapa, weekly: [9, 0, 0, 0])
        for (got, expected) in zip(rolling, [0, 9, 6.3, 2.47, 2.34675]) {
            #expect(abs(got - expected) < 1e-12, "\(rolling)")
        }
    }
}
