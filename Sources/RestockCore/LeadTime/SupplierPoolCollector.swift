/// Gathers the supplier pools a SKU at a time (`FactsReader` reads every SKU's receipts once),
/// keeping each pool bounded while it grows: when a supplier holds `2 x kept` receipts, only
/// its newest `kept` stay (`SupplierPools.newest`). The newest `kept` of all receipts are
/// the newest `kept` of (the newest `kept` of the first ones) plus the rest, so the pools end
/// as `SupplierPools(_:kept:)` makes them from all receipts at once, while memory holds at
/// most `2 x kept` receipts per supplier however many SKUs there are.
public struct SupplierPoolCollector: Sendable {
    private var pools: [String: [PooledReceipt]] = [:]
    private let kept: Int

    public init(kept: Int = SupplierPools.keptPerSupplier) {
        self.kept = kept
    }

    /// Adds one receipt to `supplier`'s pool.
    public mutating func add(_ receipt: PooledReceipt, supplier: String) {
        Self.add(receipt, to: &pools[supplier, default: []], kept: kept)
    }

    /// Adds to one pool in place (the supplier is looked up once, the pool not copied).
    private static func add(_ receipt: PooledReceipt, to pool: inout [PooledReceipt], kept: Int) {
        pool.append(receipt)
        if pool.count >= 2 * kept { pool = SupplierPools.newest(kept, of: pool) }
    }

    /// The pools, each its supplier's newest `kept` receipts, oldest first.
    public func finish() -> SupplierPools { SupplierPools(pools, kept: kept) }
}
