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
