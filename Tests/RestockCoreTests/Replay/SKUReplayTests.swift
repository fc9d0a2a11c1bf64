import Testing
@testable import RestockCore

@Suite struct SKUReplayTests {
    /// As-of day 400: the 364 days 37...400, decisions on 37, 65, ..., 373 (13 of them).
    @Test func defaultPlanIsFiftyTwoWeeksWithDecisionsEveryFourWeeks() {
        let plan = ReplayPlan(asOf: 400, from: nil, to: nil, every: nil)
        #expect(plan.from == 37)
        #expect(plan.to == 400)
        #expect(plan.days == 364)
        #expect(plan.decisionDays.count == 13)
        #expect(plan.decisionDays.first == 37)
        #expect(plan.decisionDays.last == 373)
        #expect(ReplayPlan(from: 10, to: 9, every: 28).decisionDays.isEmpty)
    }

    /// 4 units on day 1 and 2 on day 3 over days 1-4: mean 6/4 = 1.5, variance 20/4 - 2.25 = 2.75.
    @Test func dailyMomentsCountDaysWithoutDemandAsZero() {
        let m = DailyDemandMoments(orderDays: [OrderDay(day: 1, lines: 1, units: 4), OrderDay(day: 3, lines: 2, units: 2),
                                               OrderDay(day: 9, lines: 1, units: 50)], first: 1, last: 4)
        #expect(m.mean == 1.5)
        #expect(abs(m.sd - 2.75.squareRoot()) < 1e-12)
    }

    /// The first hand-worked week of InventoryReplayTests, reached through SKUReplay: start
    /// s + Q/2 = 3 + 2.5 -> 6 units, lead time 2 days from the model; the normal formula's
    /// point (0 here) plays on the same demand; without a point in force that policy is absent.
    @Test func everyPolicyPlaysTheSameDemandFromTheSameStart() {
        let decision = ReplayDecision(day: 1, reorderPoint: 3, orderQuantity: 5, normalFormulaPoint: 0,
                                      serviceLevel: 0.95, demandClass: .smooth)
        let demand = [ReplayDemandDay(day: 1, lines: 1, units: 2), ReplayDemandDay(day: 2, lines: 1, units: 2),
                      ReplayDemandDay(day: 3, lines: 1, units: 3), ReplayDemandDay(day: 4, lines: 2, units: 2)]
        let times = ReplayLeadTimes(receipts: [], modelMeanDays: 2, modelSDDays: 0, seed: 5)
        var replay = SKUReplay(sku: "A", decisions: [decision], inForce: nil, demand: demand, leadTimes: times,
                               actualBackorderLines: 0, actualBackorderedUnits: 0)
        #expect(replay.startOnHand == 6)
        let plan = ReplayPlan(from: 1, to: 6, every: 28)
        let outcomes = replay.play(plan)
        #expect(outcomes.map(\.kind) == [.restock, .normalFormula])
        let restock = outcomes[0].outcome
        #expect(restock.backorderLines == 1 && restock.purchaseOrders == 2 && restock.cyclesWithoutBackorder == 1)
        // s = 0: d1 4, d2 2, d3 ships 2 and 1 waits, position -1 -> order 5 (due d5);
        // d4 two lines of 1 wait too (3 backorder lines in all, 3 short).
        let normal = outcomes[1].outcome
        #expect(normal.backorderLines == 3)
        #expect(normal.unitsShort == 3)
        replay.inForce = (reorderPoint: 10, orderQuantity: 5)
        #expect(replay.play(plan).map(\.kind) == [.restock, .inForce, .normalFormula])
    }
}
