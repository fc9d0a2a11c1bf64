/// The named random streams of `restock generate`, each derived from the seed and a key with
/// `SplitMix64(seed:stream:)`: key = domain << 48 | index.
///
/// Every SKU owns its profile, demand and simulation streams, every supplier its profile
/// stream and every day its order-assembly stream, so a value never depends on the order in
/// which threads draw (the files are the same whatever the core count).
enum GeneratorStream: UInt64 {
    /// A supplier's lead-time behaviour; index: supplier number.
    case supplierProfile = 1
    /// A SKU's master data, demand parameters and policy; index: SKU number.
    case skuProfile = 2
    /// A SKU's daily order lines (counts, sizes, prices); index: SKU number.
    case skuDemand = 3
    /// A SKU's inventory simulation (lead times, patience of backordered customers).
    case skuSimulation = 4
    /// One day's grouping of order lines into orders, times and statuses; index: day offset.
    case dayOrders = 5

    /// The generator of this stream for `index` under `seed`.
    func generator(seed: UInt64, index: Int) -> SplitMix64 {
        SplitMix64(seed: seed, stream: rawValue << 48 | (UInt64(truncatingIfNeeded: index) & 0xFFFF_FFFF_FFFF))
    }
}
