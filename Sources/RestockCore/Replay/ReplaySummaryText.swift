/// The replay's table by demand class, as plain text (stdout of `restock replay`) and as
/// `replay-summary.csv`.
public enum ReplaySummaryText {
    static let header = ["class", "policy", "SKUs", "target", "cycles", "cycles ok", "backorder lines",
                         "units short", "fill rate", "stock on hand", "stock value", "orders"]

    /// The cells of one class total, as text.
    static func cells(_ t: ReplayClassTotal) -> [String] {
        let n = CSVWriter.format
        let o = t.outcome
        let actual = t.policy == "actual"
        return [t.demandClass.rawValue, t.policy, String(t.skus), t.meanServiceLevel.map(n) ?? "",
                actual ? "" : String(o.cycles), actual ? "" : (o.cycleServiceLevel.map(n) ?? "-"),
                String(actual ? t.actualBackorderLines : o.backorderLines),
                n(actual ? t.actualBackorderedUnits : o.unitsShort),
                actual ? "" : (o.fillRate.map(n) ?? "-"), actual ? "" : n(t.meanOnHand),
                actual ? "" : n(t.meanStockValue), actual ? "" : String(o.purchaseOrders)]
    }

    /// A fixed-width table: one line per class and policy.
    public static func table(_ totals: [ReplayClassTotal]) -> String {
        let rows = [header] + totals.map(cells)
        var widths = Array(repeating: 0, count: header.count)
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
        return rows.map { r in
            r.enumerated().map { i, c in
                i < 2 ? c.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                      : String(repeating: " ", count: widths[i] - c.count) + c
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// `replay-summary.csv`: the same table.
    public static func csv(_ totals: [ReplayClassTotal]) -> [UInt8] {
        let names = ["demand_class", "policy", "skus", "service_level", "cycles", "cycle_service_level",
                     "backorder_lines", "units_short", "fill_rate", "mean_on_hand", "mean_stock_value", "purchase_orders"]
        var w = CSVWriter(header: names)
        for t in totals { w.append(cells(t).map { .text($0.isEmpty ? nil : $0) }) }
        return w.bytes
    }
}
