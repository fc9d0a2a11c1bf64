import Testing
import RestockCore

/// The judge of tonight's cycle (`TonightCycles`) on processes whose cycle demand can be
/// worked out by hand.
@Suite struct TonightCyclesTests {
    /// Day t's demand from `units(t)` in one line; lead time `lead` days; history of 100 days.
    static func sku(lead: Int, units: @escaping @Sendable (Int) -> Double) -> CalibrationSKU {
        CalibrationSKU(demand: { t, _ in (1, units(t)) }, leadTime: { _, _ in lead }, historyDays: 100)
    }

    @Test func aSteadyDailyLineBelowTheLotNeverUndershootsAndNeedsTheLeadTimesDemand() {
        // 1 unit a day, Q = 10, 5 days: X = 1 = d, so U = 0 and T = 5 in every cycle.
        var r = CalibrationRandom(seed: 1)
        let judge = TonightCycles(sku: Self.sku(lead: 5) { _ in 1 }, orderQuantity: 10, cycles: 500, random: &r)
        #expect(judge.serviceLevel(4) == 0)
        #expect(judge.serviceLevel(5) == 1)
        #expect(judge.smallestSufficient(0.95) == 5)
        // On-hand (s - T)⁺ + Q/2: s = 7 holds 2 + 5.
        #expect(judge.onHand(7) == 7)
        #expect(judge.onHand(3) == 5)
    }

    @Test func aDayLargerThanTheLotAlwaysTriggersAndUndershootsByItsExcess() {
        // 3 units a day, Q = 2: X uniform on {1, 2}, U = 2 or 1; D_L = 4 x 3 = 12; T = 14 or 13,
        // each half the time.
        var r = CalibrationRandom(seed: 2)
        let judge = TonightCycles(sku: Self.sku(lead: 4) { _ in 3 }, orderQuantity: 2, cycles: 4_000, random: &r)
        #expect(judge.serviceLevel(12) == 0)
        #expect(abs(judge.serviceLevel(13) - 0.5) < 0.03)
        #expect(judge.serviceLevel(14) == 1)
        #expect(judge.smallestSufficient(0.9) == 14)
    }

    @Test func triggeringDaysWeighByTheShareOfTheLotTheirDemandCrosses() {
        // 4 units on even days, 1 on odd ones; Q = 4; lead time 1 day. The week after as-of
        // (days 100-106) holds 4 even days (weight min(4, 4)/4 = 1 each) and 3 odd ones
        // (weight 1/4). Even trigger: U = 4 - X, X uniform on 1...4, then an odd day's 1: T is
        // 1, 2, 3 or 4. Odd trigger: U = 0, then an even day's 4: T = 4. So
        // P(T <= 3) = (4/7 x 3/4) / (4/7 + 3/7 x 1/4) = (12/28) / (19/28) = 12/19 = 0.6316.
        var r = CalibrationRandom(seed: 3)
        let judge = TonightCycles(sku: Self.sku(lead: 1) { $0 % 2 == 0 ? 4 : 1 }, orderQuantity: 4,
                                  cycles: 20_000, random: &r)
        #expect(abs(judge.serviceLevel(3) - 12.0 / 19.0) < 0.015)
        #expect(judge.serviceLevel(4) == 1)
        #expect(judge.smallestSufficient(0.6) == 3)
        #expect(judge.smallestSufficient(0.7) == 4)
    }
}
