import Foundation
import RestockCore

/// Stage 2, "read": each SKU's facts from the store (`FactsReader`), a chunk of
/// `chunkSKUs` SKUs at a time.
///
/// Input: the store and the run's settings. Output: chunks of `SKUFacts` and the supplier
/// pools, for the compute stage; then, from `finish`, what the report needs of the read.
final class ReadStage {
    /// The stage's name in the store and in summary.json.
    static let name = "read"
    /// SKUs read, then computed, at a time. Big enough that the hand-off between the reading
    /// thread and the computing ones happens only about 25 times at 100,000 SKUs; small
    /// enough that the two chunks in flight (one read, one computed) hold a few MB, so memory
    /// stays flat however many SKUs there are.
    static let chunkSKUs = 4_096

    /// What the report needs of the read.
    struct Output: Sendable {
        /// First to last day with any loaded row, nil for an empty store.
        var dataRange: ClosedRange<Day>?
        /// The newest day with a non-cancelled order line in the window.
        var lastOrderDay: Day?
        /// SKUs read (each gets a row in skus.csv).
        var skus: Int
        /// The stale-data note (`StaleData.note`), nil when the data reaches as-of.
        var staleData: String?
    }

    private var reader: FactsReader?
    private let settings: RunSettings
    /// Each supplier's recent receipts, for the compute stage.
    let pools: SupplierPools
    /// SKUs that may get a row: the total the progress counts towards.
    let candidates: Int
    private var skus = 0

    /// Reads the supplier pools and opens the streams the chunks are read from
    /// (`FactsReader`).
    init(store: Store, settings: RunSettings) throws {
        // Reading streams through the tables once: a small page cache is enough.
        try FactsReader.useStreamingCache(store.db)
        let reader = try FactsReader(store.db, settings: settings)
        self.reader = reader
        self.settings = settings
        pools = reader.pools
        candidates = reader.candidates
    }

    /// The next chunk of SKUs' facts, nil when every SKU was read.
    func next() throws -> [SKUFacts]? {
        guard let chunk = try reader?.next(Self.chunkSKUs) else { return nil }
        skus += chunk.count
        return chunk
    }

    /// Ends the stage: the facts are not needed again, so the reader and its memory are given
    /// back (`FreedMemory`) before the report is made.
    func finish() -> Output {
        var output = Output(dataRange: nil, lastOrderDay: reader?.lastOrderDay, skus: skus)
        if let first = reader?.firstDay, let last = reader?.lastDay, first <= last { output.dataRange = first...last }
        output.staleData = StaleData.note(newestInWindow: reader?.lastOrderDay, newestLoaded: reader?.lastDay, settings: settings)
        reader = nil
        Trace.mark("reader closed")
        FreedMemory.returnToSystem()
        Trace.mark("facts released")
        return output
    }
}
