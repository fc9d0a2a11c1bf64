/// The replay section of `report.html` (`restock run --replay`; README, "Replay").
extension HTMLReport {
    static func replay(_ model: ReportModel) -> HTML {
        guard let r = model.replay else { return "" }
        let rows = r.totals.map { t -> HTML in
            let cells = ReplaySummaryText.cells(t).dropFirst(2)
            let tds = cells.map { c -> HTML in "<td class=\"n\">\(c)</td>" }
            return "<tr><td>\(t.demandClass.rawValue)</td><td>\(t.policy)</td>\(tds)</tr>"
        }
        let headCells = ReplaySummaryText.header.dropFirst(2).map { h -> HTML in "<th class=\"n\">\(h)</th>" }
        return """
            <section id="replay"><h2>Replay: the advice against the last \(ReportFormat.count(r.plan.days)) days</h2>
            <p>On each of \(ReportFormat.count(r.plan.decisionDays.count)) decision days from \(CivilDate.string(r.plan.from)), \
            every \(r.plan.every) days, each SKU's reorder point was decided as a run on that day would have decided it, \
            then the real order lines up to \(CivilDate.string(r.plan.to)) were played against it, against the reorder points \
            in force and against the textbook normal formula, from the same starting stock with the same lead times. \
            "cycles ok" is the share of replenishment cycles without a backorder, to compare with the target; \
            "actual" is what the backorders file recorded. One row per SKU and policy is in replay.csv.</p>
            <div class="scroll"><table><thead><tr><th>Class</th><th>Policy</th>\(headCells)</tr></thead>
            <tbody>\(rows)</tbody></table></div>
            </section>
            """
    }
}
