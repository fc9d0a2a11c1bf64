import Testing
@testable import RestockCore

@Suite struct SupplierPoolsTests {
    func pooled(_ sku: String, _ received: Day, ordered: Day? = nil) -> PooledReceipt {
        PooledReceipt(sku: sku, receipt: ReceiptFact(supplier: nil, orderedDay: ordered ?? received - 5, receivedDay: received))
    }

    @Test func theRuleIsTwoHundredOthersFromAPoolOfAThousand() {
        #expect(SupplierPools.othersRead == 200)
        #expect(SupplierPools.keptPerSupplier == 1_000)
        // A SKU reading the pool has at most 4 usable receipts of its own in it.
        #expect(LeadTimeEstimator.supplierReceiptsUnused == 5)
    }

    @Test func dayOfTheNthNewestReceiptCountsTies() {
        let days = [3, 1, 2, 3, 2, 3]
        #expect(SupplierPools.dayOfNewest(1, days) == 3)
        #expect(SupplierPools.dayOfNewest(3, days) == 3)
        #expect(SupplierPools.dayOfNewest(4, days) == 2)
        #expect(SupplierPools.dayOfNewest(5, days) == 2)
        #expect(SupplierPools.dayOfNewest(6, days) == 1)
    }

    @Test func aPoolKeepsItsNewestReceiptsOldestFirstWithTiesBySKU() {
        // Received on days 5, 1, 4, 2, 4: the newest 3 are day 4 (B, then C) and day 5.
        let pools = SupplierPools(["S": [pooled("A", 5), pooled("A", 1), pooled("C", 4), pooled("B", 2), pooled("B", 4)]],
                                  kept: 3)
        #expect(pools.receipts["S"] == [pooled("B", 4), pooled("C", 4), pooled("A", 5)])
        // Same received day: the one ordered earlier is older.
        let sameDay = SupplierPools(["S": [pooled("A", 9, ordered: 3), pooled("A", 9, ordered: 1)]])
        #expect(sameDay.receipts["S"] == [pooled("A", 9, ordered: 1), pooled("A", 9, ordered: 3)])
    }

    @Test func poolsCollectedASKUAtATimeEqualPoolsMadeFromAllReceiptsAtOnce() {
        // kept 2: the collector trims at 4 receipts. Received 7, 2, 9, 4 (trimmed to 7, 9),
        // then 8, 1, 9: the newest two of all seven are day 9 of A and day 9 of C.
        let all = [pooled("A", 7), pooled("B", 2), pooled("A", 9), pooled("B", 4), pooled("C", 8), pooled("C", 1), pooled("C", 9)]
        var collector = SupplierPoolCollector(kept: 2)
        for receipt in all { collector.add(receipt, supplier: "S") }
        collector.add(pooled("D", 3), supplier: "T")
        let pools = collector.finish()
        #expect(pools.receipts["S"] == [pooled("A", 9), pooled("C", 9)])
        #expect(pools.receipts["S"] == SupplierPools(["S": all], kept: 2).receipts["S"])
        #expect(pools.receipts["T"] == [pooled("D", 3)])
    }

    @Test func receiptsOlderThanAPoolsCutoffAreTurnedAwayWithoutChangingThePools() {
        // kept 2: A's receipts of days 5, 6, 7, 8 make the first cut (A7, A8: cutoff day 7).
        // Then B6 is turned away, and C7 is added: on the cutoff day, it sorts after A7 (by
        // SKU), so it is among the newest two.
        var collector = SupplierPoolCollector(kept: 2)
        let all = [pooled("A", 5), pooled("A", 6), pooled("A", 7), pooled("A", 8), pooled("B", 6), pooled("C", 7)]
        for receipt in all { collector.add(receipt, supplier: "S") }
        #expect(collector.finish().receipts["S"] == [pooled("C", 7), pooled("A", 8)])
        #expect(collector.finish().receipts["S"] == SupplierPools(["S": all], kept: 2).receipts["S"])
        // Many receipts of three suppliers, with ties of day and SKU that differ only in the
        // receipt's own supplier: the same pools as made from all receipts at once.
        var random = SplitMix64(state: 7)
        var bySupplier: [String: [PooledReceipt]] = [:]
        var many = SupplierPoolCollector(kept: 5)
        for _ in 0..<2_000 {
            let supplier = ["S", "T", "U"][Int(random.next() % 3)]
            let receipt = PooledReceipt(sku: ["A", "B"][Int(random.next() % 2)],
                                        receipt: ReceiptFact(supplier: ["x", "y"][Int(random.next() % 2)], orderedDay: 1,
                                                             receivedDay: 1 + Int(random.next() % 40)))
            bySupplier[supplier, default: []].append(receipt)
            many.add(receipt, supplier: supplier)
        }
        #expect(many.finish().receipts == SupplierPools(bySupplier, kept: 5).receipts)
    }

    @Test func othersAreTheNewestReceiptsOfOtherSKUsOldestFirst() {
        let pools = SupplierPools(["S": [pooled("A", 1), pooled("B", 2), pooled("A", 3), pooled("C", 4), pooled("A", 5)]])
        let day = { (receipts: [ReceiptFact]) in receipts.map(\.receivedDay) }
        #expect(day(pools.others(of: "A", supplier: "S", count: 2)) == [2, 4])
        #expect(day(pools.others(of: "A", supplier: "S", count: 1)) == [4])
        #expect(day(pools.others(of: "Z", supplier: "S", count: 2)) == [4, 5])
        #expect(day(pools.others(of: "A", supplier: "S")) == [2, 4])
        #expect(pools.others(of: "A", supplier: nil).isEmpty)
        #expect(pools.others(of: "A", supplier: "T").isEmpty)
    }

    @Test func aReceiptIsPooledUnderTheProductsSupplierElseItsOwn() {
        let r = ReceiptFact(supplier: "R", orderedDay: 1, receivedDay: 5)
        #expect(SupplierPools.supplier(of: r, productSupplier: "P") == "P")
        #expect(SupplierPools.supplier(of: r, productSupplier: nil) == "R")
        #expect(SupplierPools.supplier(of: ReceiptFact(supplier: nil, orderedDay: 1, receivedDay: 5), productSupplier: nil) == nil)
    }
}
