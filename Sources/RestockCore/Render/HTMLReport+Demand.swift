/// The report's sections on demand it does not take as it stands (README, "The report"):
/// the reorder points to set up where stock settings are not known, the SKUs left out as not
/// stock, and one-off bulk lines.
extension HTMLReport {
    /// What restock can say without stock levels: leads the report when some SKUs' stock
    /// settings are not known (README, "Advice without stock levels"); nothing otherwise.
    static func stockAdvice(_ model: ReportModel) -> HTML {
        let a = model.stockAdvice
        guard a.unknownSKUs > 0 else { return HTML() }
        let none = a.knownSKUs == 0
        let lead: HTML = none
            ? "<p>restock knows no stock level and no reorder point for any SKU: it cannot tell what to order today, nor what revenue is at risk. What it can say without them is the reorder point each SKU needs, below, ranked by backorders, then sales.</p>"
            : "<p>For \(ReportFormat.plural(a.unknownSKUs, "SKU")) restock knows neither the stock on hand nor a reorder point in force: they are not counted as SKUs to act on and have no revenue at risk. Below are the reorder points \(a.toSetUpCount == a.unknownSKUs ? "they need" : "of the \(ReportFormat.count(a.toSetUpCount)) that need one above 0"), ranked by backorders, then sales.</p>"
        let rows = a.toSetUp.enumerated().map { i, f -> HTML in
            """
            <tr><td class="n">\(i + 1)</td><td>\(clip(f.sku))</td><td>\(clip(f.name ?? ""))</td>\
            <td class="n">\(ReportFormat.units(f.reorderPoint))</td><td class="n">\(ReportFormat.units(f.orderQuantity))</td>\
            <td class="n">\(ReportFormat.count(f.backorderLines))</td><td class="n">\(ReportFormat.units(f.forecastDaily * 7))</td>\
            <td class="n">\(ReportFormat.units(f.leadTimeDays))</td></tr>
            """
        }
        let table: HTML = rows.isEmpty ? "<p>No SKU needs a reorder point yet.</p>" : """
            <div class="scroll"><table><thead><tr><th class="n">#</th><th>SKU</th><th>Name</th><th class="n">Reorder point</th>\
            <th class="n">Order quantity</th><th class="n">Backorder lines</th><th class="n">Units a week</th><th class="n">Lead time, days</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            <p class="note">\(rows.count < a.toSetUpCount ? "The first \(ReportFormat.count(rows.count)) of \(ReportFormat.count(a.toSetUpCount)); all" : "All of them") with their evidence in reorder_points_to_set_up.csv, ready to enter in your shop system.</p>
            """
        return """
            <section id="set-up"><h2>Reorder points to set up</h2>
            \(lead)\(table)
            <p><strong>To sharpen this:</strong> add a products export to the data folder (products….csv with on_hand and reorder_point, or your shop system's products or inventory export, see the README's "Input files from your shop system"). restock then says what to order today and what revenue is at risk.</p>
            </section>
            """
    }

    /// SKUs left out as not stock: a data-quality subsection.
    static func leftOut(_ q: ReportModel.DataQuality) -> HTML {
        guard !q.leftOut.isEmpty else { return "\n<h3>Left out: not stock</h3><p>No SKU was left out as not stock.</p>" }
        let lines = q.leftOut.reduce(0) { $0 + $1.orderLines }
        let units = q.leftOut.reduce(0) { $0 + $1.units }
        let revenue = q.leftOut.reduce(0) { $0 + $1.revenue }
        var rows = q.leftOut.prefix(maxListed).map { l -> HTML in
            """
            <tr><td>\(clip(l.sku))</td><td>\(clip(l.name ?? ""))</td><td>\(clip(l.why))</td><td class="n">\(ReportFormat.count(l.orderLines))</td>\
            <td class="n">\(ReportFormat.units(l.units))</td><td class="n">\(ReportFormat.money(l.revenue))</td></tr>
            """
        }
        if q.leftOut.count > maxListed {
            rows.append("<tr><td colspan=\"6\" class=\"muted\">and \(ReportFormat.plural(q.leftOut.count - maxListed, "more SKU")) (see left_out in skus.csv)</td></tr>")
        }
        return """

            <h3>Left out: not stock</h3>
            <p>\(ReportFormat.plural(q.leftOut.count, "SKU")) with \(ReportFormat.plural(lines, "order line")), \(unitsText(units)) and \(ReportFormat.money(revenue)) of sales in the window \(q.leftOut.count == 1 ? "is" : "are") postage, fees, discounts, adjustments, gift cards or services: never recommended. To bring one back, add a line <code>!SKU</code> to restock-exclude.txt in the data folder (or set stocked = yes in products).</p>
            <div class="scroll"><table><thead><tr><th>SKU</th><th>Name</th><th>Why</th><th class="n">Lines</th><th class="n">Units</th><th class="n">Sales</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
    }

    /// What the bulk days of the demand history are and how each kind counts, in words.
    static func bulkWords(days: Int, oneOffs: Int, rule: String) -> String {
        let others = days - oneOffs
        let apart = ReportFormat.units(OneOffBulkRule.apart)
        let head = "\(ReportFormat.plural(days, "day")) of order lines \(days == 1 ? "holds" : "hold") \(rule)."
        let oneOffWords = oneOffs == 0 ? " None is a one-off"
            : " \(ReportFormat.count(oneOffs)) \(oneOffs == 1 ? "is a one-off: its" : "are one-offs: each its") SKU's only such day in its demand history (the order lines of the last two years, or of the window where longer), standing apart from everything else the SKU sold (its line more than \(apart) times the largest line of any other day). The forecast and the reorder point count a one-off at its lines times the usual line (or the SKU's largest other line, if larger), so that one order does not set a reorder point by itself"
        let rest = others == 0 ? "."
            : "\(oneOffs == 0 ? ": all \(ReportFormat.count(others))" : ". The other \(ReportFormat.count(others))") count as ordered: their SKU has two or more such days (its bulk orders recur), or the day does not stand apart from the SKU's other large lines (its line not more than \(apart) times the largest of any other day)."
        return head + oneOffWords + rest + " ordered_units always keeps what was ordered in the window. If a SKU's one-off does recur, list the SKU in restock-recurring.txt in the data folder."
    }

    /// Bulk lines and one-offs: a data-quality subsection (every bulk day, set aside or not).
    static func oneOffs(_ q: ReportModel.DataQuality) -> HTML {
        let rule = "a line more than \(ReportFormat.units(OneOffBulkRule.factor)) times the SKU's usual line (the median of at least \(OneOffBulkRule.minimumLines) lines in its demand history)"
        guard !q.oneOffs.isEmpty else { return "\n<h3>Bulk lines and one-offs</h3><p>No order line is \(rule).</p>" }
        var rows = q.oneOffs.prefix(maxListed).map { o -> HTML in
            """
            <tr><td>\(clip(o.sku))</td><td class="nw">\(CivilDate.string(o.day.day))</td><td class="n">\(ReportFormat.count(o.day.lines))</td>\
            <td class="n">\(ReportFormat.units(o.day.units))</td><td class="n">\(ReportFormat.units(o.day.usualLineUnits))</td>\
            <td class="n">\(ReportFormat.units(o.day.countedUnits))</td></tr>
            """
        }
        if q.oneOffs.count > maxListed {
            rows.append("<tr><td colspan=\"6\" class=\"muted\">and \(ReportFormat.plural(q.oneOffs.count - maxListed, "more day")) (see one_off_units in skus.csv)</td></tr>")
        }
        let oneOff = q.oneOffs.count { $0.day.isOneOff }
        return """

            <h3>Bulk lines and one-offs</h3>
            <p>\(bulkWords(days: q.oneOffs.count, oneOffs: oneOff, rule: rule))</p>
            <div class="scroll"><table><thead><tr><th>SKU</th><th>Day</th><th class="n">Lines</th><th class="n">Units ordered</th>\
            <th class="n">Usual line</th><th class="n">Units counted</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
    }
}
