import Testing
@testable import RestockCore

@Suite struct InventoryReplayTests {
    /// s = 3, Q = 5, 6 on hand, lead time 2 days, days 1-6 (worked by hand):
    /// d1 line of 2 -> 4 on hand; d2 line of 2 -> 2, position 2 <= 3: order 5 (due d4);
    /// d3 line of 3 -> ships 2, 1 waits (backorder line 1); d4 receipt 5 -> fills the 1 -> 4
    /// (first receipt: no whole cycle yet), two lines of 1 -> 2, position 2: order 5 (due d6);
    /// d5 nothing; d6 receipt -> 7, closing a cycle with no backorder.
    @Test func playsAHandWorkedWeekUnderSAndNQ() {
        let replay = InventoryReplay(policies: [ReplayPolicy(from: 1, reorderPoint: 3, orderQuantity: 5)],
                                     startOnHand: 6, leadTime: { _ in 2 })
        let demand = [ReplayDemandDay(day: 1, lines: 1, units: 2), ReplayDemandDay(day: 2, lines: 1, units: 2),
                      ReplayDemandDay(day: 3, lines: 1, units: 3), ReplayDemandDay(day: 4, lines: 2, units: 2)]
        let o = replay.play(from: 1, to: 6, demand: demand)
        #expect(o.backorderLines == 1)
        #expect(o.unitsShort == 1)
        #expect(o.unitsDemanded == 9)
        #expect(o.purchaseOrders == 2)
        #expect(o.cycles == 1)
        #expect(o.cyclesWithoutBackorder == 1)
        #expect(o.cycleServiceLevel == 1)
        #expect(abs(o.fillRate! - 8.0 / 9.0) < 1e-12)
        #expect(abs(o.meanOnHand! - 17.0 / 6.0) < 1e-12)   // 4, 2, 0, 2, 2, 7
        #expect(o.weeklyOnHand == [7])
        #expect(o.weeklyBackorderLines == [1])
    }

    /// s = 0, Q = 10, 1 on hand, lead time 3, days 0-6: d0 line of 3 -> 2 wait, order 10 (due
    /// d3); d1 line of 4 -> 4 wait (6 short); d3 receipt fills 2 then 4 (first in, first out),
    /// 4 left; two lines of 2.5: the second finds 1.5, 1 waits, order 10 (due d6); d6 receipt
    /// fills it, 9 left, and closes a cycle that had a backorder.
    @Test func fillsWaitingCustomersFirstInFirstOut() {
        let replay = InventoryReplay(policies: [ReplayPolicy(from: 0, reorderPoint: 0, orderQuantity: 10)],
                                     startOnHand: 1, leadTime: { _ in 3 })
        let demand = [ReplayDemandDay(day: 0, lines: 1, units: 3), ReplayDemandDay(day: 1, lines: 1, units: 4),
                      ReplayDemandDay(day: 3, lines: 2, units: 5)]
        let o = replay.play(from: 0, to: 6, demand: demand)
        #expect(o.backorderLines == 3)
        #expect(o.unitsShort == 7)
        #expect(o.purchaseOrders == 2)
        #expect(o.cycles == 1)
        #expect(o.cyclesWithoutBackorder == 0)
        #expect(abs(o.fillRate! - 5.0 / 12.0) < 1e-12)
        #expect(abs(o.meanOnHand! - 9.0 / 7.0) < 1e-12)
        #expect(o.weeklyBackorderLines == [3])
        #expect(o.weeklyOnHand == [9])
    }

    /// A decision day that raises s orders at once, before that day's demand: s 2 -> 12 on
    /// day 3 with 8 on hand orders one lot of 10 on day 3 (position 8 <= 12; 8 + 10 > 12).
    @Test func aNewDecisionTakesEffectOnItsDay() {
        let replay = InventoryReplay(policies: [ReplayPolicy(from: 0, reorderPoint: 2, orderQuantity: 10),
                                                ReplayPolicy(from: 3, reorderPoint: 12, orderQuantity: 10)],
                                     startOnHand: 8, leadTime: { _ in 5 })
        let o = replay.play(from: 0, to: 3, demand: [])
        #expect(o.purchaseOrders == 1)
        #expect(o.cycles == 0)
        #expect(o.cycleServiceLevel == nil)
        #expect(o.fillRate == nil)
    }

    /// A position far below s orders enough whole lots at once: s = 20, Q = 4, 0 on hand:
    /// floor((20 - 0) / 4) + 1 = 6 lots, 24 units, arriving the next day with lead time 0.
    @Test func ordersEnoughWholeLotsToLiftThePositionAboveS() {
        let replay = InventoryReplay(policies: [ReplayPolicy(from: 0, reorderPoint: 20, orderQuantity: 4)],
                                     startOnHand: 0, leadTime: { _ in 0 })
        let o = replay.play(from: 0, to: 1, demand: [])
        #expect(o.purchaseOrders == 1)
        #expect(o.onHandDays == 24)   // 0 at the end of day 0, 24 at the end of day 1
    }

    @Test func theSameInputsGiveTheSameReplay() {
        let times = ReplayLeadTimes(receipts: [], modelMeanDays: 12, modelSDDays: 4, seed: 99)
        let replay = InventoryReplay(policies: [ReplayPolicy(from: 0, reorderPoint: 7, orderQuantity: 6)],
                                     startOnHand: 10, leadTime: { times.draw(placedOn: $0) })
        let demand = (0..<200).map { ReplayDemandDay(day: $0, lines: 1 + $0 % 3, units: Double(1 + ($0 * 7) % 5)) }
        #expect(replay.play(from: 0, to: 199, demand: demand) == replay.play(from: 0, to: 199, demand: demand))
    }
}

@Suite struct ReplayLeadTimesTests {
    static let receipts = [10, 20, 30, 40, 50, 60].enumerated().map { i, day in
        ReceiptFact(supplier: nil, orderedDay: day, receivedDay: day + 5 + 2 * i)   // 5, 7, 9, 11, 13, 15 days
    }

    /// Order day 33: the five closest receipts were ordered on days 30, 40, 20, 50, 10 (lead
    /// times 9, 11, 7, 13, 5); the one ordered on day 60 (15 days) is never drawn.
    @Test func drawsFromTheFiveReceiptsOrderedNearest() {
        let times = ReplayLeadTimes(receipts: Self.receipts, modelMeanDays: 99, modelSDDays: 0, seed: 1)
        #expect(times.source == .receipts)
        #expect(times.nearest(to: 33).sorted() == [5, 7, 9, 11, 13])
        #expect(times.nearest(to: 70) == [15, 13, 11, 9, 7])
        var seen = Set<Int>()
        for seed in 0..<200 as Range<UInt64> {
            seen.insert(ReplayLeadTimes(receipts: Self.receipts, modelMeanDays: 99, modelSDDays: 0, seed: seed).draw(placedOn: 33))
        }
        #expect(seen == [5, 7, 9, 11, 13])
    }

    @Test func withoutReceiptsUsesTheModel() {
        let constant = ReplayLeadTimes(receipts: [], modelMeanDays: 13.6, modelSDDays: 0, seed: 1)
        #expect(constant.source == .model)
        #expect(constant.draw(placedOn: 5) == 14)
        let spread = ReplayLeadTimes(receipts: [], modelMeanDays: 20, modelSDDays: 5, seed: 7)
        let draws = (0..<4000).map { Double(spread.draw(placedOn: $0)) }
        let mean = draws.reduce(0, +) / Double(draws.count)
        #expect(abs(mean - 20) < 0.5)
        #expect(spread.draw(placedOn: 12) == spread.draw(placedOn: 12))
    }
}

@Suite struct NormalFormulaTests {
    @Test func inverseNormalMatchesPublishedQuantiles() {
        #expect(abs(NormalFormula.inverseStandardNormal(0.5)) < 1e-9)
        #expect(abs(NormalFormula.inverseStandardNormal(0.90) - 1.2815516) < 1e-6)
        #expect(abs(NormalFormula.inverseStandardNormal(0.95) - 1.6448536) < 1e-6)
        #expect(abs(NormalFormula.inverseStandardNormal(0.99) - 2.3263479) < 1e-6)
        #expect(abs(NormalFormula.inverseStandardNormal(0.01) + 2.3263479) < 1e-6)
    }

    /// d = 2, σd = 1, L = 10, σL = 2 at 0.95: 20 + 1.6449 x √(10 + 16) = 28.39 -> 29.
    @Test func reorderPointOfAWorkedExample() {
        #expect(NormalFormula.reorderPoint(dailyMean: 2, dailySD: 1, leadTimeDays: 10, leadTimeSD: 2, serviceLevel: 0.95) == 29)
        #expect(NormalFormula.reorderPoint(dailyMean: 0, dailySD: 0, leadTimeDays: 10, leadTimeSD: 2, serviceLevel: 0.95) == 0)
    }
}
