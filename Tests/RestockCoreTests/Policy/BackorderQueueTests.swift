import Testing
@testable import RestockCore

/// The days open backorders are expected to ship (README, "When each waiting customer gets
/// the goods"), worked by hand. as-of = day 100 (the run's day is 101).
@Suite struct BackorderQueueTests {
    /// Eight equally likely lead times, days; their mean is 13.75 (the forecast's, here).
    let leadTimes: [Double] = [6, 8, 10, 12, 14, 16, 20, 24]
    /// Three open backorders, given out of order: O1 (3 units) and O2 (2) on day 92, O3 (4) on 95.
    let open = [
        BackorderFact(orderId: "O3", quantity: 4, backorderedDay: 95),
        BackorderFact(orderId: "O2", quantity: 2, backorderedDay: 92),
        BackorderFact(orderId: "O1", quantity: 3, backorderedDay: 92),
    ]

    @Test func aQueueOfThreeBackordersWaitsForOnePurchaseOrderOnOrder() {
        // 10 units on order cover all 9. The order was placed by day 92 (the oldest backorder)
        // and has not come by day 100: lead times 6 and 8 (92 + 8 = 100) are ruled out. The
        // other six, 10 12 14 16 20 24, have mean 96 / 6 = 16: expected 92 + 16 = 108. 50%:
        // the 3rd of 6 (ceil(0.5 x 6)) is 14: 106. 90%: the 6th (ceil(0.9 x 6)) is 24: 116.
        let dates = BackorderQueue.dates(open: open, onHand: 0, onOrder: 10, leadTimes: leadTimes, meanLeadTime: 13.75, asOf: 100)
        #expect(dates.map(\.orderId) == ["O1", "O2", "O3"])   // first in, first out; a tie by order_id
        #expect(dates.map(\.waitingSince) == [92, 92, 95])
        #expect(dates.allSatisfy { $0.supply == .onOrder && $0.expected == 108 && $0.shipsByP50 == 106 && $0.shipsByP90 == 116 })
        #expect(BackorderQueue.eta(dates) == 108)
    }

    @Test func whatOnOrderDoesNotCoverWaitsForAnOrderPlacedNow() {
        // 4 units on order: O1 (3, running total 3) is covered; O2 (total 5) and O3 (9) are not.
        // An order placed on day 101: expected 101 + ceil(13.75) = 115; 50%: the 4th of 8
        // (ceil(0.5 x 8)) is 12: 113; 90%: the 8th (ceil(7.2)) is 24: 125.
        let dates = BackorderQueue.dates(open: open, onHand: nil, onOrder: 4, leadTimes: leadTimes, meanLeadTime: 13.75, asOf: 100)
        #expect(dates.map(\.supply) == [.onOrder, .nextOrder, .nextOrder])
        #expect((dates[0].expected, dates[0].shipsByP50, dates[0].shipsByP90) == (108, 106, 116))
        #expect(dates[1...].allSatisfy { ($0.expected, $0.shipsByP50, $0.shipsByP90) == (115, 113, 125) })
        #expect(BackorderQueue.eta(dates) == 115)
        // 3 units on hand ship the head of the queue tomorrow; 4 on order take O2 (total 5 of 7).
        let withStock = BackorderQueue.dates(open: open, onHand: 3, onOrder: 4, leadTimes: leadTimes, meanLeadTime: 13.75, asOf: 100)
        #expect(withStock.map(\.supply) == [.onHand, .onOrder, .nextOrder])
        #expect((withStock[0].expected, withStock[0].shipsByP50, withStock[0].shipsByP90) == (101, 101, 101))
    }

    @Test func aPurchaseOrderLaterThanEveryLeadTimeIsExpectedTomorrow() {
        // One lead time, 13.2 days. Placed on 95: 95 + 14 = 109. Placed on 60: 74 has passed,
        // every lead time is ruled out: tomorrow, 101. Not covered: 101 + 14 = 115.
        let one = [BackorderFact(orderId: "A", quantity: 8, backorderedDay: 95)]
        #expect(BackorderQueue.dates(open: one, onHand: nil, onOrder: 10, leadTimes: [13.2], meanLeadTime: 13.2, asOf: 100).first?.expected == 109)
        let old = [BackorderFact(orderId: "A", quantity: 8, backorderedDay: 60)]
        let late = BackorderQueue.dates(open: old, onHand: nil, onOrder: 10, leadTimes: [13.2], meanLeadTime: 13.2, asOf: 100)
        #expect(late.map { [$0.expected, $0.shipsByP50, $0.shipsByP90] } == [[101, 101, 101]])
        #expect(BackorderQueue.dates(open: one, onHand: nil, onOrder: 5, leadTimes: [13.2], meanLeadTime: 13.2, asOf: 100).first?.expected == 115)
        #expect(BackorderQueue.dates(open: [], onHand: nil, onOrder: 10, leadTimes: [13.2], meanLeadTime: 13.2, asOf: 100).isEmpty)
    }
}
