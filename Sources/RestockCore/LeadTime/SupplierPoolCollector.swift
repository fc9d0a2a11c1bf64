/// Gathers the supplier pools a SKU at a time (`FactsReader` reads every SKU's receipts once),
/// keeping each pool bounded while it grows: when a supplier holds `2 x kept` receipts, those
/// received before the day of its `kept`-th newest (the pool's `cutoff`) are dropped. The
/// newest `kept` of all receipts are among the newest `kept` of the first ones plus the rest,
/// so the pools end as `SupplierPools(_:kept:)` makes them from all receipts at once, while
/// memory holds at most `2 x kept` receipts per supplier however many SKUs there are.
///
/// A receipt received before a pool's cutoff is not added at all: `kept` receipts received
/// on or after that day are already in, so it can never be among the newest `kept`. Most
/// receipts of a long history are so turned away with one comparison, and a pool is sorted
/// once, at the end.
public struct SupplierPoolCollector: Sendable {
    private struct Pool: Sendable {
        var receipts: [PooledReceipt] = []
        /// The day of the `kept`-th newest receipt at the last cut; none before one.
        var cutoff = Day.min
    }

    private var pools: [Pool] = []
    private var index: [String: Int] = [:]
    /// The supplier added to last and its pool: a SKU's receipts mostly share one.
    private var last: (supplier: String, pool: Int)?
    private let kept: Int

    public init(kept: Int = SupplierPools.keptPerSupplier) {
        self.kept = kept
    }

    /// Adds one receipt to `supplier`'s pool.
    public mutating func add(_ receipt: PooledReceipt, supplier: String) {
        let i = pool(of: supplier)
        guard receipt.receipt.receivedDay >= pools[i].cutoff else { return }
        Self.add(receipt, to: &pools[i], kept: kept)
    }

    /// Adds to one pool in place (the pool not copied). At `2 x kept` receipts, the pool drops
    /// those received before the day of its `kept`-th newest, in the order they came; only when
    /// ties on that day keep it above `1.5 x kept` is it cut to its newest `kept` by sorting.
    /// (`SupplierPools.newest` sorts stably, so receipts that tie keep the order they came in
    /// either way.)
    private static func add(_ receipt: PooledReceipt, to pool: inout Pool, kept: Int) {
        pool.receipts.append(receipt)
        guard pool.receipts.count >= 2 * kept else { return }
        pool.cutoff = SupplierPools.dayOfNewest(kept, pool.receipts.map(\.receipt.receivedDay))
        let cutoff = pool.cutoff
        pool.receipts.removeAll { $0.receipt.receivedDay < cutoff }
        if pool.receipts.count * 2 > 3 * kept { pool.receipts = SupplierPools.newest(kept, of: pool.receipts) }
    }

    /// `supplier`'s pool, made when it has none.
    private mutating func pool(of supplier: String) -> Int {
        if let last, last.supplier == supplier { return last.pool }
        let i: Int
        if let known = index[supplier] {
            i = known
        } else {
            i = pools.count
            pools.append(Pool())
            index[supplier] = i
        }
        last = (supplier, i)
        return i
    }

    /// The pools, each its supplier's newest `kept` receipts, oldest first.
    public func finish() -> SupplierPools {
        SupplierPools(index.mapValues { pools[$0].receipts }, kept: kept)
    }
}
