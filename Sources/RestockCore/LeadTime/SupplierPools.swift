/// A receipt in its supplier's pool, with the SKU it belongs to.
public struct PooledReceipt: Sendable, Hashable {
    public var sku: String
    public var receipt: ReceiptFact

    public init(sku: String, receipt: ReceiptFact) {
        self.sku = sku
        self.receipt = receipt
    }
}

/// Each supplier's recent receipts, pooled so that a SKU with thin lead-time evidence of its
/// own borrows its supplier's (`LeadTimeEstimator`, README "How the lead time is forecast").
///
/// **The rule**: a SKU that reads its supplier's receipts gets the `othersRead` (200) most
/// recent receipts of the supplier's *other* SKUs received in the receipts' reach
/// (`RunSettings.receiptDays`, at least 730 days). 200 values give a
/// stable mean and spread (the standard error of a mean of 200 is 7% of their standard
/// deviation, and recency weighting already makes old receipts count little), while a
/// supplier of thousands of SKUs does not hand each thin SKU every one of its receipts.
///
/// **Why a pool keeps 1,000** (`keptPerSupplier`): the newest 200 receipts of other SKUs
/// lie within a pool's newest 1,000 unless the reading SKU itself holds more than 800 of
/// those. A SKU reads the pool only with fewer than 5 usable receipts of its own
/// (`LeadTimeEstimator.readsSupplierReceipts`), so that would take hundreds of its receipts
/// with a negative lead time. Keeping 1,000 rather than every receipt bounds what the pools
/// hold while the SKUs are computed, at 100,000 SKUs too.
public struct SupplierPools: Sendable {
    /// Receipts of the supplier's other SKUs that one SKU's lead-time estimate reads.
    public static let othersRead = 200
    /// Receipts a supplier's pool keeps, newest first (see the type's documentation).
    public static let keptPerSupplier = 1_000

    /// Per supplier, its newest receipts, oldest first (by `SKUEvents.older`, then SKU).
    public let receipts: [String: [PooledReceipt]]

    /// Keeps each supplier's newest `kept` receipts of `collected` (any order), oldest first.
    public init(_ collected: [String: [PooledReceipt]], kept: Int = SupplierPools.keptPerSupplier) {
        var pools = collected
        for supplier in Array(pools.keys) {
            pools[supplier] = Self.newest(kept, of: pools.removeValue(forKey: supplier)!)
        }
        receipts = pools
    }

    /// The supplier a receipt is pooled under: the SKU's products supplier, else the
    /// receipt's own; nil (not pooled) when neither names one.
    public static func supplier(of receipt: ReceiptFact, productSupplier: String?) -> String? {
        productSupplier ?? receipt.supplier
    }

    /// The `count` most recent receipts of `supplier`'s SKUs other than `sku`, oldest first;
    /// empty without a supplier or pool.
    public func others(of sku: String, supplier: String?, count: Int = SupplierPools.othersRead) -> [ReceiptFact] {
        guard let supplier, let all = receipts[supplier] else { return [] }
        // Where the newest `count` start, then copied oldest first (no reversed copy).
        var first = all.count, taken = 0
        while first > 0 && taken < count {
            first -= 1
            if all[first].sku != sku { taken += 1 }
        }
        var picked: [ReceiptFact] = []
        picked.reserveCapacity(taken)
        for i in first..<all.count where all[i].sku != sku { picked.append(all[i].receipt) }
        return picked
    }

    /// The newest `kept` of `pool`, oldest first.
    static func newest(_ kept: Int, of pool: [PooledReceipt]) -> [PooledReceipt] {
        var pool = pool
        // Receipts received before the day of the `kept`th newest sort before all kept ones:
        // drop them before sorting (the order is by received day first).
        if pool.count > kept {
            let cutoff = dayOfNewest(kept, pool.map(\.receipt.receivedDay))
            pool.removeAll { $0.receipt.receivedDay < cutoff }
        }
        pool.sort { SKUEvents.older($0.receipt, $1.receipt) || (!SKUEvents.older($1.receipt, $0.receipt) && $0.sku < $1.sku) }
        if pool.count > kept { pool.removeFirst(pool.count - kept) }
        return pool
    }

    /// The day of the `n`th newest of `days` (1 <= n <= days.count): every day after it holds
    /// fewer than `n`.
    static func dayOfNewest(_ n: Int, _ days: [Day]) -> Day {
        guard let low = days.min(), let high = days.max() else { return 0 }
        var counts = [Int](repeating: 0, count: high - low + 1)
        for d in days { counts[d - low] += 1 }
        var seen = 0
        var day = high
        while day > low {
            seen += counts[day - low]
            if seen >= n { return day }
            day -= 1
        }
        return low
    }
}
