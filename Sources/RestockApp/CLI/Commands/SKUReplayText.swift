import RestockCore

/// The text `restock sku SKU --replay` adds: the SKU's replay under each policy, with its
/// weekly path of stock and backorders (README, "Replay").
enum SKUReplayText {
    static func text(_ replay: SKUReplay, rows: [ReplayRow], plan: ReplayPlan) -> String {
        let n = CSVWriter.format
        var out = ["", "Replay \(CivilDate.string(plan.from)) .. \(CivilDate.string(plan.to)), decisions every \(plan.every) days",
                   "  start: \(n(replay.startOnHand)) units on hand for every policy; lead times from \(replay.leadTimes.source == .receipts ? "the SKU's receipts ordered nearest each purchase order" : "its lead-time model (no receipts)")"]
        out.append("  " + "policy".padding(toLength: 16, withPad: " ", startingAt: 0)
                   + "cycles ok".leftPad(12) + "backorders".leftPad(12) + "units short".leftPad(13)
                   + "fill rate".leftPad(11) + "on hand".leftPad(10) + "orders".leftPad(8))
        for row in rows {
            let o = row.outcome
            let cycles = o.map { "\($0.cyclesWithoutBackorder)/\($0.cycles)" } ?? ""
            out.append("  " + row.policy.padding(toLength: 16, withPad: " ", startingAt: 0)
                       + cycles.leftPad(12) + String(row.backorderLines).leftPad(12) + n(row.unitsShort).leftPad(13)
                       + (o?.fillRate.map(n) ?? "").leftPad(11) + (o?.meanOnHand.map(n) ?? "").leftPad(10)
                       + (o.map { String($0.purchaseOrders) } ?? "").leftPad(8))
        }
        out.append("  decisions (reorder point s, order quantity Q; the normal formula's s):")
        for d in replay.decisions {
            out.append("    \(CivilDate.string(d.day))  s \(n(d.reorderPoint))  Q \(n(d.orderQuantity))  normal \(n(d.normalFormulaPoint))  \(d.demandClass.rawValue)")
        }
        let outcomes = rows.compactMap { row in row.outcome.map { (row.policy, $0) } }
        out.append("  stock on hand at the end of each week (oldest left):")
        for (policy, o) in outcomes {
            out.append("    " + policy.padding(toLength: 16, withPad: " ", startingAt: 0) + SKUExplanation.sparkline(o.weeklyOnHand)
                       + "  max \(n(o.weeklyOnHand.max() ?? 0))")
        }
        out.append("  backorder lines per week:")
        for (policy, o) in outcomes {
            out.append("    " + policy.padding(toLength: 16, withPad: " ", startingAt: 0)
                       + SKUExplanation.sparkline(o.weeklyBackorderLines.map(Double.init)) + "  total \(o.backorderLines)")
        }
        return out.joined(separator: "\n")
    }
}
