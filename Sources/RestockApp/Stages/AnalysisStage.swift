import Foundation
import RestockCore

/// Stages 2-4 (metrics, forecast, policy): the pure per-SKU computation of README, "The figures",
/// run in parallel over all cores. Each SKU is independent; results keep the SKUs' order.
enum AnalysisStage {
    /// Worker threads: all cores, or `RESTOCK_WORKERS` when set (for measuring the speed-up).
    static var defaultWorkers: Int {
        if let text = ProcessInfo.processInfo.environment["RESTOCK_WORKERS"], let n = Int(text), n >= 1 { return n }
        return ProcessInfo.processInfo.activeProcessorCount
    }

    /// Analyses every SKU of `facts` with `workers` threads (default: all cores).
    static func run(_ facts: RunFacts, settings: RunSettings, workers: Int = AnalysisStage.defaultWorkers,
                    progress: (@Sendable (Int) -> Void)? = nil) -> [SKUAnalysis] {
        let skus = facts.skus
        let results = ResultSlots<SKUAnalysis>(count: skus.count)
        let chunk = 64
        let chunks = (skus.count + chunk - 1) / chunk
        let done = Counter()
        let work: @Sendable (Int) -> Void = { c in
            let start = c * chunk, end = min(skus.count, start + chunk)
            for i in start..<end {
                let input = skus[i]
                // The supplier's receipts are gathered only where the lead-time estimate reads them.
                let others = LeadTimeEstimator.readsSupplierReceipts(
                    own: input.receipts, asOf: settings.asOf, windowDays: settings.windowDays)
                    ? Self.supplierOthers(facts, sku: input.sku, supplier: input.supplier) : []
                results.set(i, SKUAnalyzer.analyze(SKUAnalyzer.Input(
                    sku: input.sku, product: input.product, orderDays: input.orderDays, backorders: input.backorders,
                    receipts: input.receipts, supplier: input.supplier, supplierReceipts: others), settings: settings))
            }
            let n = done.add(end - start)
            progress?(n)
        }
        if workers <= 1 {
            for c in 0..<chunks { work(c) }
        } else {
            // concurrentPerform spreads the chunks over the cores; each writes its own slots.
            let queue = ChunkQueue(count: chunks)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let c = queue.next() { work(c) }
            }
        }
        return results.values
    }

    /// The supplier's most recent receipts of other SKUs (at most 200), newest last.
    static func supplierOthers(_ facts: RunFacts, sku: String, supplier: String?) -> [ReceiptFact] {
        guard let supplier, let all = facts.supplierReceipts[supplier] else { return [] }
        // Where the newest 200 start, then copied oldest first (no reversed copy).
        var first = all.count, taken = 0
        while first > 0 && taken < 200 {
            first -= 1
            if all[first].sku != sku { taken += 1 }
        }
        var picked: [ReceiptFact] = []
        picked.reserveCapacity(taken)
        for i in first..<all.count where all[i].sku != sku { picked.append(all[i].receipt) }
        return picked
    }
}

/// Fixed slots that several threads fill, each slot written once by one thread.
///
/// `@unchecked Sendable`: slots are disjoint per writer, and the array is read only after
/// `concurrentPerform` returned (which orders the writes before the read).
final class ResultSlots<T>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<T?>
    private let count: Int
    init(count: Int) {
        self.count = count
        storage = UnsafeMutablePointer<T?>.allocate(capacity: max(count, 1))
        storage.initialize(repeating: nil, count: count)
    }
    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }
    func set(_ i: Int, _ value: T) { storage[i] = value }
    var values: [T] { (0..<count).map { storage[$0]! } }
}

/// Hands out chunk numbers to worker threads. `@unchecked Sendable`: guarded by a lock.
final class ChunkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var nextChunk = 0
    private let count: Int
    init(count: Int) { self.count = count }
    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextChunk < count else { return nil }
        nextChunk += 1
        return nextChunk - 1
    }
}

/// A thread-safe running total. `@unchecked Sendable`: guarded by a lock.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func add(_ n: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += n
        return value
    }
}
