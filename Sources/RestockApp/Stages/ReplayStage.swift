import Foundation
import RestockCore

/// The replay (`restock replay`, `restock run --replay`, `restock sku SKU --replay`): what
/// restock's advice would have done over the shop's own past (README, "Replay").
///
/// Input: the store, the run's settings and a `ReplayPlan`. Output: one `ReplayRow` per SKU
/// and policy, and each SKU's `SKUReplay` when one SKU is asked for.
///
/// 1. Decisions: on each decision day every SKU's figures are computed exactly as
///    `restock run --as-of <that day>` computes them (the read stage's `FactsReader` and the
///    compute stage, with as-of set to that day), so nothing dated later can move them.
/// 2. Demand: the SKUs' daily order-line totals of the played period, their receipts (for the
///    lead times) and the backorders the store holds for it, read once with as-of = the
///    period's last day.
/// 3. Each SKU's policies are played against that demand (`SKUReplay`).
struct ReplayStage {
    static let name = "replay"
    /// Receipts ordered up to this many days before the period also serve as nearby lead
    /// times for its first purchase orders.
    static let receiptLookBackDays = 182

    var plan: ReplayPlan
    var settings: RunSettings
    /// Only this SKU (for `restock sku --replay`), or every SKU.
    var sku: String?

    struct Output {
        var rows: [ReplayRow]
        /// The SKU replays themselves, kept only for a one-SKU replay.
        var replays: [SKUReplay]
        var decisionDays: Int
        var plan: ReplayPlan
    }

    func run(store: Store, progress: Progress) throws -> Output {
        let decisions = try decide(store: store, progress: progress)
        Trace.mark("replay: decisions made")
        return try play(store: store, decisions: decisions, progress: progress)
    }

    /// Every SKU's decisions, by SKU, each list in day order.
    func decide(store: Store, progress: Progress) throws -> [String: [ReplayDecision]] {
        var decisions: [String: [ReplayDecision]] = [:]
        let days = plan.decisionDays
        for (index, day) in days.enumerated() {
            var s = settings
            s.asOf = day
            try computeAsOf(s, store: store) { facts, analysis in
                let moments = DailyDemandMoments(orderDays: facts.orderDays, first: s.windowStart, last: day)
                decisions[facts.sku, default: []].append(ReplayDecision(day: day, figures: analysis.figures, moments: moments))
            }
            progress.update(done: Int64(index + 1), total: Int64(days.count), note: "decision days", unit: "days")
        }
        return decisions
    }

    /// Every SKU's figures as `restock run --as-of` computes them with `settings`: the run's
    /// read and compute stages, a chunk read while the one before is computed. One SKU (for
    /// `restock sku --replay`) is read alone.
    private func computeAsOf(_ settings: RunSettings, store: Store, each: (SKUFacts, SKUAnalysis) -> Void) throws {
        if let sku {
            let reader = try FactsReader(store.db, settings: settings, sku: sku)
            let compute = ComputeStage(settings: settings, pools: reader.pools)
            while let chunk = try reader.next(1) {
                for (facts, analysis) in zip(chunk, compute.run(chunk)) { each(facts, analysis) }
            }
            return
        }
        let read = try ReadStage(store: store, settings: settings)
        let compute = ComputeStage(settings: settings, pools: read.pools)
        _ = try OverlappedChunks(read: read.next, compute: { chunk in (chunk, compute.run(chunk)) }).run { done in
            for (facts, analysis) in zip(done.0, done.1) { each(facts, analysis) }
        }
        _ = read.finish()
    }

    /// The period's demand, receipts and backorders, played under each SKU's policies.
    private func play(store: Store, decisions: [String: [ReplayDecision]], progress: Progress) throws -> Output {
        var s = settings
        s.asOf = plan.to
        s.windowDays = plan.to - (plan.from - Self.receiptLookBackDays) + 1
        // The play samples lead times from receipts near each order day, this look-back
        // its own; the run's reach for lead-time evidence is the decisions' (stage 1).
        s.leadTimeEvidenceDays = 0
        // Its demand is the period's order lines (the decisions read their own history).
        s.demandEvidenceDays = 0
        let reader = try FactsReader(store.db, settings: s, sku: sku)
        let storeHasBackorders = try store.db.scalarInt("SELECT EXISTS (SELECT 1 FROM backorders)") == 1
        var rows: [ReplayRow] = []
        var replays: [SKUReplay] = []
        while let chunk = try reader.next(ReadStage.chunkSKUs) {
            for facts in chunk {
                guard let own = decisions[facts.sku], !own.isEmpty else { continue }
                let replay = skuReplay(facts, decisions: own)
                var skuRows = Self.rows(replay, facts: facts, plan: plan, withActual: storeHasBackorders)
                if sku != nil {
                    replays.append(replay)
                } else {
                    // Only one SKU's replay draws the weekly series: every SKU's would hold
                    // about 1 KB per row.
                    for i in skuRows.indices { skuRows[i].outcome?.weeklyOnHand = []; skuRows[i].outcome?.weeklyBackorderLines = [] }
                }
                rows += skuRows
            }
        }
        Trace.mark("replay: played")
        return Output(rows: rows, replays: replays, decisionDays: plan.decisionDays.count, plan: plan)
    }

    /// One SKU's replay from its facts over the period and its decisions.
    private func skuReplay(_ facts: SKUFacts, decisions: [ReplayDecision]) -> SKUReplay {
        let demand = facts.orderDays.filter { $0.day >= plan.from && $0.day <= plan.to }
            .map { ReplayDemandDay(day: $0.day, lines: $0.lines, units: $0.units) }
        let last = decisions[decisions.count - 1]
        let times = ReplayLeadTimes(receipts: facts.receipts, modelMeanDays: last.leadTimeDays,
                                    modelSDDays: last.leadTimeSDDays, seed: Self.seed(facts.sku))
        var inForce: (reorderPoint: Double, orderQuantity: Double)?
        if let p = facts.product, let s = p.reorderPoint, let q = p.orderQuantity, q > 0 { inForce = (s, q) }
        let actual = facts.backorders.filter { $0.backorderedDay >= plan.from && $0.backorderedDay <= plan.to }
        return SKUReplay(sku: facts.sku, decisions: decisions, inForce: inForce, demand: demand, leadTimes: times,
                         actualBackorderLines: actual.count, actualBackorderedUnits: actual.reduce(0) { $0 + $1.quantity })
    }

    /// The SKU's rows of replay.csv: one per policy played, then `actual` when the store holds
    /// backorders at all.
    static func rows(_ replay: SKUReplay, facts: SKUFacts, plan: ReplayPlan, withActual: Bool) -> [ReplayRow] {
        var rows: [ReplayRow] = replay.play(plan).map { kind, outcome in
            var row = ReplayRow(sku: replay.sku, demandClass: replay.demandClass, policy: kind.rawValue,
                                serviceLevel: replay.serviceLevel)
            row.startOnHand = replay.startOnHand
            row.outcome = outcome
            row.unitCost = facts.product?.unitCost
            row.leadTimeSource = replay.leadTimes.source
            return row
        }
        if withActual {
            var row = ReplayRow(sku: replay.sku, demandClass: replay.demandClass, policy: "actual", serviceLevel: replay.serviceLevel)
            row.actualBackorderLines = replay.actualBackorderLines
            row.actualBackorderedUnits = replay.actualBackorderedUnits
            rows.append(row)
        }
        return rows
    }

    /// The SKU's lead-time seed: FNV-1a (64-bit) of its bytes, so a SKU's draws never depend
    /// on which other SKUs are replayed.
    static func seed(_ sku: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in sku.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }
}
