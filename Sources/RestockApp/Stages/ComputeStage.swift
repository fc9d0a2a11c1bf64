import Foundation
import RestockCore

/// Stage 3, "compute": every SKU's figures (service metrics, demand class, forecast, lead
/// time, reorder point and policy: `SKUAnalyzer`), in parallel on all cores. Each SKU is
/// independent; results keep the SKUs' order.
///
/// Input: a chunk of `SKUFacts` and the supplier pools. Output: the chunk's `SKUAnalysis`.
struct ComputeStage: Sendable {
    /// The stage's name in the store and in summary.json.
    static let name = "compute"
    /// SKUs per piece of parallel work: enough that handing out pieces costs nothing next to
    /// their work, few enough that the cores finish a chunk at about the same time.
    static let pieceSKUs = 64

    /// Worker threads: all cores, or `RESTOCK_WORKERS` when set (for measuring the speed-up).
    static var defaultWorkers: Int {
        if let text = ProcessInfo.processInfo.environment["RESTOCK_WORKERS"], let n = Int(text), n >= 1 { return n }
        return ProcessInfo.processInfo.activeProcessorCount
    }

    var settings: RunSettings
    var pools: SupplierPools
    /// Threads to use (1: on the calling thread).
    var workers = ComputeStage.defaultWorkers

    /// The figures of every SKU of `skus`, in their order.
    func run(_ skus: [SKUFacts]) -> [SKUAnalysis] {
        let settings = settings, pools = pools
        return ParallelChunks.map(items: skus.count, pieceSize: Self.pieceSKUs, workers: workers) {
            SKUAnalyzer.analyze(skus[$0], pools: pools, settings: settings)
        }
    }
}
