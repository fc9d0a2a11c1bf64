/// The sentences under the report's headline figures that say how backorders were found and
/// where the open ones are listed (README, "Backorders inferred from orders" and "When each
/// waiting customer gets the goods").
public enum BackorderNote {
    /// How the SKUs' backorders were found, in words.
    public static func source(_ h: ReportModel.Headline, handlingDays: Int) -> String {
        let file = h.backorderSources[.file] ?? 0, inferred = h.backorderSources[.inferred] ?? 0
        let none = h.backorderSources[.none] ?? 0
        if file == 0 && inferred == 0 {
            return "No backorder is known: there is no backorders file, and the orders show no line shipped late or still waiting. "
                + "Orders exported with their fulfilment status and dates (a Shopify orders export has them) let restock find backorders."
        }
        var parts: [String] = []
        if file > 0 { parts.append("from your backorders file for \(ReportFormat.plural(file, "SKU"))") }
        if inferred > 0 {
            parts.append("inferred from the orders for \(ReportFormat.plural(inferred, "SKU")) (an order line not shipped within "
                         + "\(ReportFormat.plural(handlingDays, "day")) of ordering counts as backordered, --handling-days)")
        }
        if none > 0 { parts.append("none known for \(ReportFormat.plural(none, "SKU"))") }
        return "How backorders were found: " + parts.joined(separator: "; ") + "."
    }

    /// Where the open backorders are listed, in words.
    public static func openList(_ h: ReportModel.Headline) -> String {
        guard h.openBackorders > 0 else {
            return "No backorder is open at the end of the as-of day; open_backorders.csv holds only its header."
        }
        let which = h.openBackorders == 1 ? "The open backorder (\(ReportFormat.units(h.openBackorderUnits)) units) is"
            : "The \(ReportFormat.count(h.openBackorders)) open backorders (\(ReportFormat.units(h.openBackorderUnits)) units) are"
        return which + " listed one per order line in open_backorders.csv, beside this report, with the day each is expected to ship "
            + "and the days by which it ships with 50% and 90% probability: ready to tell each waiting customer when."
    }
}
