import Foundation
import RestockCore

/// The daily-total deltas of an ingest, numbered by SKU, summed and cut into blocks on a thread
/// of their own, so that the thread writing rows (which owns the SQLite connection) only notes
/// each line's delta and writes the blocks that come back (Sources/PERFORMANCE.md).
///
/// `DigestWriter` hands its noted deltas over in batches (`add`); this thread numbers their
/// SKUs (`SKUIntern`), adds them up (`DailyDeltas`) and, after a batch that leaves
/// `flushThreshold` or more deltas spilled, drains them into a `Drained` (blocks in (block, SKU)
/// order, each new block already encoded) for the writer to write (`nextDrained`). The batches
/// and the drains follow each other exactly as when the writer did this itself, so the sums,
/// and the bytes stored, are the same.
///
/// The mutable state (`Sums`) lives on the worker thread only (`QueuedThread`); its two queues
/// are the only things both threads touch.
final class DailyDeltasThread: Sendable {
    /// A batch of noted deltas, or the end of the ingest's deltas.
    private enum Message: Sendable {
        /// `drainAtEach`: check the threshold after every delta, not only after the batch.
        case add([(sku: String, total: DailyTotal)], drainAtEach: Bool)
        case finish
    }

    /// One block of one SKU to write: `blob` when the block is new in this ingest (its bytes,
    /// encoded here), else `totals[range]` of `Drained`, to merge with the stored block.
    struct Block: Sendable {
        var block: Int
        var sku: String
        var blob: [UInt8]?
        var range: Range<Int>
    }

    /// The pending deltas of one drain, in (block, SKU byte order) order.
    struct Drained: Sendable {
        var deltaCount: Int
        var blocks: [Block]
        var totals: [DailyTotal]
        /// The ingest's last drain (`finish`): nothing comes after it.
        var isLast = false
    }

    /// Two batches queued at most; one drain waiting while the writer writes the one before:
    /// two drains held at most.
    private let worker: QueuedThread<Message, Drained>

    /// Starts the thread. `hadDays`: whether the store held daily totals before this ingest
    /// (else a block this ingest has not written yet is new, and needs no read).
    init(flushThreshold: Int, hadDays: Bool) {
        worker = QueuedThread(inboxCapacity: 2, outboxCapacity: 1) { inbox, outbox in
            var sums = Sums(flushThreshold: flushThreshold, hadDays: hadDays)
            while let message = inbox.take() {
                switch message {
                case let .add(batch, drainAtEach):
                    for drained in sums.add(batch, drainAtEach: drainAtEach) where !outbox.put(drained) { return }
                case .finish:
                    var last = sums.drain() ?? Drained(deltaCount: 0, blocks: [], totals: [])
                    last.isLast = true
                    outbox.put(last)
                    return
                }
            }
        }
    }

    /// Hands a batch of noted deltas over, in the order they were noted; waits while two
    /// batches are still queued.
    func add(_ batch: [(sku: String, total: DailyTotal)], drainAtEach: Bool = false) {
        worker.inbox.put(.add(batch, drainAtEach: drainAtEach))
    }

    /// No more deltas: the thread drains what is left (the last `Drained`, `isLast`).
    func finish() {
        worker.inbox.put(.finish)
        worker.inbox.close()
    }

    /// The next drain to write: waiting for it when `wait`, else only when one is ready.
    func nextDrained(wait: Bool) -> Drained? {
        wait ? worker.outbox.take() : worker.outbox.poll()
    }
}

extension DailyDeltasThread {
    /// The worker thread's state: the SKUs' numbers, the pending deltas, and the blocks this
    /// ingest has drained before.
    private struct Sums {
        let flushThreshold: Int
        let hadDays: Bool
        var intern = SKUIntern()
        var deltas = DailyDeltas()
        /// Blocks drained before, as block << 32 | SKU id (only counted when `!hadDays`).
        var written = Set<Int64>()

        init(flushThreshold: Int, hadDays: Bool) {
            (self.flushThreshold, self.hadDays) = (flushThreshold, hadDays)
        }

        /// Numbers and adds a batch; the drains it makes, in order.
        mutating func add(_ batch: [(sku: String, total: DailyTotal)], drainAtEach: Bool) -> [Drained] {
            var drains: [Drained] = []
            if batch.count >= 200_000 { deltas.reserve(flushThreshold + batch.count + deltas.skuCount) }
            for (sku, delta) in batch {
                deltas.add(intern.id(for: sku), delta)
                if drainAtEach && deltas.spilledCount >= flushThreshold, let d = drain() { drains.append(d) }
            }
            if deltas.spilledCount >= flushThreshold, let d = drain() { drains.append(d) }
            return drains
        }

        /// Takes every pending delta out, summed and cut into blocks; new blocks encoded.
        mutating func drain() -> Drained? {
            guard !deltas.isEmpty else { return nil }
            let drained = deltas.drain(rank: intern.currentRanks())
            let names = intern.names
            var blocks: [Block] = []
            blocks.reserveCapacity(drained.blocks.count)
            for item in drained.blocks {
                var block = Block(block: item.block, sku: names[item.sku], blob: nil, range: item.range)
                if !hadDays && written.insert(Int64(item.block) << 32 | Int64(item.sku)).inserted {
                    let merged = DailyTotalsBlock.merge([], drained.totals[item.range])
                    if merged.isEmpty { continue }
                    block.blob = DailyTotalsBlock.encode(merged, block: item.block)
                }
                blocks.append(block)
            }
            return Drained(deltaCount: drained.totals.count, blocks: blocks, totals: drained.totals)
        }
    }
}
