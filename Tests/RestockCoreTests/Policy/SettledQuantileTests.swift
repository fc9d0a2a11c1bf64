import Testing
@testable import RestockCore

/// A reorder-point simulation stops early only where its whole-unit point is settled
/// (`SettledQuantile`), and drawing its cycles in batches changes none of them (`CycleSampler`).
@Suite struct SettledQuantileTests {
    static func counts(_ groups: [(value: Double, count: Int)]) -> WholeUnitCounts {
        let values = groups.flatMap { Array(repeating: $0.value, count: $0.count) }
        return values.withUnsafeBufferPointer {
            WholeUnitCounts($0, least: values.min()!, largest: values.max()!)!
        }
    }

    @Test func aPointIsSettledWhenBothSharesClearTheLevelByThreeStandardErrors() {
        // 500 cycles at 0.90: one standard error of a share is √(0.9 x 0.1 / 500) = 0.013416,
        // three are 0.040249.
        // 400 x 0 and 100 x 1: the 450th smallest is 1, so s = 1; the share at or below 1 is
        // 1.0 (0.1 above 0.90), at or below 0 it is 0.80 (0.1 below): settled.
        #expect(SettledQuantile.isSettled(Self.counts([(0, 400), (1, 100)]), drawn: 500, level: 0.9))
        // 440 x 0 and 60 x 1: s = 1 again, but 0.88 at or below 0 is only 0.02 below: not yet.
        #expect(!SettledQuantile.isSettled(Self.counts([(0, 440), (1, 60)]), drawn: 500, level: 0.9))
        // At 0.95 (three standard errors 0.029240): 470 x 2 and 30 x 3 put s at 3 with 1.0 at or
        // below it, but 0.94 at or below 2 is 0.01 short of 0.95: not settled.
        #expect(!SettledQuantile.isSettled(Self.counts([(2, 470), (3, 30)]), drawn: 500, level: 0.95))
        // 450 x 2 and 50 x 3: 0.90 at or below 2 is 0.05 short: settled at s = 3.
        #expect(SettledQuantile.isSettled(Self.counts([(2, 450), (3, 50)]), drawn: 500, level: 0.95))
    }

    @Test func countsOfBatchesAddUpToTheCountsOfAll() {
        var all = Self.counts([(0, 3), (2, 1)])
        all.add(Self.counts([(1, 2), (5, 1)]))
        #expect(all.count(atMost: 0) == 3)
        #expect(all.count(atMost: 1) == 5)
        #expect(all.count(atMost: 4) == 6)
        #expect(all.kthSmallest(6) == 5)
        #expect(all.excessSum(over: 1) == Double(1 + 4))
    }

    @Test func cyclesDrawnInBatchesAreTheCyclesDrawnAtOnce() {
        let daily = (0..<364).map { Double(($0 * 7) % 5 == 0 ? 3 : 0) }
        let total = daily.reduce(0, +)
        func sampler() -> CycleSampler {
            CycleSampler(daily: daily, total: total, lines: 73, forecastDaily: 0.7,
                         leadTimes: [5, 9, 14], orderQuantity: 6, capacity: 2_000)
        }
        var once = sampler(), batched = sampler()
        var r1 = PolicyRandom(seed: 42), r2 = PolicyRandom(seed: 42)
        once.draw(2_000, random: &r1)
        for _ in 0..<4 { batched.draw(500, random: &r2) }
        #expect(once.values == batched.values)
        #expect(once.undershootSum == batched.undershootSum)
        #expect(once.least == batched.least && once.largest == batched.largest)
        #expect(r1.next() == r2.next())
    }

    @Test func aSlowMoverStopsEarlyAndAFastMoverDrawsEveryCycle() {
        let lead = LeadTimeForecast(days: 7, sdDays: 0, source: .quoted, observations: 0,
                                    explanation: "", sample: [])
        // One unit about every 20 days, a lead time of 7 days: a cycle needs 0, 1 or now and
        // then 2 units, far apart in probability.
        let slow = stride(from: 3, through: 363, by: 20).map { OrderDay(day: $0, lines: 1, units: 1) }
        let slowModel = ReorderPointModel(history: slow, historyStart: 0, asOf: 363, forecastDaily: 0.05,
                                          leadTime: lead, orderQuantity: 3, serviceLevel: 0.95)
        #expect(slowModel.cycles < 2_000)
        #expect(slowModel.cycles % SettledQuantile.batch == 0)
        // 40 units every day from 40 lines: the point sits among many close units.
        let fast = (0...363).map { OrderDay(day: $0, lines: 40, units: 40) }
        let fastModel = ReorderPointModel(history: fast, historyStart: 0, asOf: 363, forecastDaily: 40,
                                          leadTime: LeadTimeForecast(days: 7, sdDays: 2, source: .quoted, observations: 0,
                                                                     explanation: "", sample: []),
                                          orderQuantity: 300, serviceLevel: 0.95)
        #expect(fastModel.cycles == 2_000)
    }
}
