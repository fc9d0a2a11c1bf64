/// The daily-total deltas an ingest has noted but not yet merged into the stored blocks, per
/// SKU id (0, 1, 2...; the caller numbers the SKUs), and their cutting into blocks.
///
/// Order lines arrive nearly in day order, so each SKU is mostly on one day at a time: its
/// current day's delta is summed in place, and earlier days' deltas move to a list.
public struct DailyDeltas: Sendable {
    /// Per SKU id, the summed delta of the day it is on; nil while it has none.
    private var current: [DailyTotal?] = []
    /// Deltas of days a SKU has moved on from.
    private var spilled: [(id: Int32, total: DailyTotal)] = []

    public init() {}

    /// Deltas kept apart (a measure of the memory held; the current days' are not counted).
    public var spilledCount: Int { spilled.count }

    /// The number of SKU ids seen (one more than the highest).
    public var skuCount: Int { current.count }

    /// Whether no delta is pending.
    public private(set) var isEmpty = true

    /// Makes room for `count` spilled deltas at once (a bulk load; doubling would overshoot).
    public mutating func reserve(_ count: Int) {
        if spilled.capacity < count { spilled.reserveCapacity(count) }
    }

    /// Adds one line's delta to SKU `id`.
    public mutating func add(_ id: Int, _ delta: DailyTotal) {
        if delta.isZero { return }
        isEmpty = false
        if id >= current.count { current.append(contentsOf: repeatElement(nil, count: id + 1 - current.count)) }
        if current[id]?.day == delta.day {
            current[id]!.add(delta)
        } else {
            if let previous = current[id] { spilled.append((Int32(id), previous)) }
            current[id] = delta
        }
    }

    /// One SKU's summed deltas within one block: `totals[range]` of `Drained`, by day.
    public struct BlockDeltas: Sendable, Hashable {
        public var block: Int
        public var sku: Int
        public var range: Range<Int>
    }

    /// Every pending delta, summed per SKU and day: `blocks` index into `totals`.
    public struct Drained: Sendable {
        public var totals: [DailyTotal]
        /// In (block, SKU rank) order (neighbouring keys share the store's pages).
        public var blocks: [BlockDeltas]
    }

    /// Takes every pending delta out, summed per SKU and day and cut into blocks; `rank[id]`
    /// (one per SKU id, all different) orders SKUs within a block.
    public mutating func drain(rank: [Int]) -> Drained {
        precondition(rank.count >= current.count, "a rank for every SKU id")
        for id in current.indices {
            if let total = current[id] { spilled.append((Int32(id), total)) }
            current[id] = nil
        }
        var (totals, starts) = groupedBySKU()
        spilled = []
        isEmpty = true
        var blocks: [BlockDeltas] = []
        for id in current.indices where starts[id + 1] > starts[id] {
            let base = starts[id]
            let summed = DailyTotalsBlock.coalesce(Array(totals[base ..< starts[id + 1]]))
            for (k, t) in summed.enumerated() { totals[base + k] = t }
            cutIntoBlocks(summed, sku: id, base: base, into: &blocks)
        }
        blocks.sort { $0.block != $1.block ? $0.block < $1.block : rank[$0.sku] < rank[$1.sku] }
        return Drained(totals: totals, blocks: blocks)
    }
}

extension DailyDeltas {
    /// The spilled deltas grouped by SKU id (a counting sort, in arrival order within a SKU),
    /// with where each SKU's begin: id i's are `grouped[starts[i] ..< starts[i + 1]]`.
    private func groupedBySKU() -> (grouped: [DailyTotal], starts: [Int]) {
        var starts = [Int](repeating: 0, count: current.count + 1)
        for d in spilled { starts[Int(d.id) + 1] += 1 }
        for i in 1..<starts.count { starts[i] += starts[i - 1] }
        var grouped = [DailyTotal](repeating: DailyTotal(day: 0), count: spilled.count)
        var next = starts
        for d in spilled {
            grouped[next[Int(d.id)]] = d.total
            next[Int(d.id)] += 1
        }
        return (grouped, starts)
    }

    /// Cuts one SKU's day totals (sorted, at `base` of the drained totals) into blocks.
    private func cutIntoBlocks(_ totals: [DailyTotal], sku: Int, base: Int, into blocks: inout [BlockDeltas]) {
        var start = 0
        while start < totals.count {
            let block = DailyTotalsBlock.block(of: totals[start].day)
            var end = start + 1
            while end < totals.count && DailyTotalsBlock.block(of: totals[end].day) == block { end += 1 }
            blocks.append(BlockDeltas(block: block, sku: sku, range: base + start ..< base + end))
            start = end
        }
    }
}
