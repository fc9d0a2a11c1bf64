/// The report's inline SVG charts, as `HTML` fragments (README, "The report":
/// inline SVG, no scripts, no external references).
///
/// Every chart scales to its container through its `viewBox`; colours and text sizes come
/// from the page's style sheet (classes `c-*`), so print CSS can change them. Every label and
/// tooltip (`<title>`) is interpolated, hence escaped. No `xmlns`: inline SVG in HTML5 needs
/// none, and the page then holds no URL at all.
enum SVGChart {
    /// One labelled value of a horizontal bar chart.
    struct Bar: Sendable {
        var label: String
        var value: Double
        /// The value as printed at the end of the bar.
        var valueText: String
        /// Tooltip text.
        var tooltip: String
    }

    /// Vertical bars, one per week, oldest on the left: the weekly backorder lines of the
    /// window. `orderLines` (same length, or empty) only feeds the tooltips. Weeks are
    /// labelled by their last day: week i (0 = oldest) ends on `firstWeekEnd + 7 i`.
    static func weeklyBars(_ values: [Int], orderLines: [Int], firstWeekEnd: Day, label: String) -> HTML {
        let width = 800.0, height = 250.0
        let left = 44.0, right = 8.0, top = 12.0, bottom = 30.0
        let plotW = width - left - right, plotH = height - top - bottom
        let maxValue = max(1, values.max() ?? 0)
        let scaleMax = Double(niceCeiling(maxValue))
        let n = max(1, values.count)
        let step = plotW / Double(n)
        let barW = max(1, step * 0.8)
        var bars = HTML()
        for (i, v) in values.enumerated() {
            let h = plotH * Double(v) / scaleMax
            let x = left + step * Double(i) + (step - barW) / 2
            let y = top + plotH - h
            let end = firstWeekEnd + 7 * i
            var tip = "week ending \(CivilDate.string(end)): \(ReportFormat.plural(v, "backorder line"))"
            if i < orderLines.count {
                let rate = orderLines[i] > 0 ? Double(v) / Double(orderLines[i]) : nil
                tip += " of \(ReportFormat.plural(orderLines[i], "order line")) (\(ReportFormat.percent(rate)))"
            }
            bars += """
                <rect class="c-bar" x="\(c(x))" y="\(c(y))" width="\(c(barW))" height="\(c(max(h, 0)))"><title>\(tip)</title></rect>
                """
        }
        let firstStart = firstWeekEnd - 6
        let lastEnd = firstWeekEnd + 7 * (values.count - 1)
        let axis: HTML = """
            <line class="c-axis" x1="\(c(left))" y1="\(c(top + plotH))" x2="\(c(width - right))" y2="\(c(top + plotH))"/>\
            <line class="c-grid" x1="\(c(left))" y1="\(c(top))" x2="\(c(width - right))" y2="\(c(top))"/>\
            <line class="c-grid" x1="\(c(left))" y1="\(c(top + plotH / 2))" x2="\(c(width - right))" y2="\(c(top + plotH / 2))"/>\
            <text class="c-tick" x="\(c(left - 6))" y="\(c(top + 5))" text-anchor="end">\(ReportFormat.number(scaleMax))</text>\
            <text class="c-tick" x="\(c(left - 6))" y="\(c(top + plotH / 2 + 5))" text-anchor="end">\(ReportFormat.number(scaleMax / 2, decimals: 1, trim: true))</text>\
            <text class="c-tick" x="\(c(left - 6))" y="\(c(top + plotH + 5))" text-anchor="end">0</text>\
            <text class="c-tick" x="\(c(left))" y="\(c(height - 8))">\(CivilDate.string(firstStart))</text>\
            <text class="c-tick" x="\(c(width - right))" y="\(c(height - 8))" text-anchor="end">\(values.isEmpty ? "" : "week ending " + CivilDate.string(lastEnd))</text>
            """
        return """
            <svg class="chart chart-weekly" viewBox="0 0 \(c(width)) \(c(height))" role="img" aria-label="\(label)" preserveAspectRatio="xMidYMid meet">\
            <title>\(label)</title>\(axis)\(bars)</svg>
            """
    }

    /// Horizontal bars with the label on the left and the value at the bar's end, largest
    /// bar full width. Labels longer than `labelChars` characters are shortened with "…"
    /// (the full label stays in the tooltip).
    static func horizontalBars(_ items: [Bar], label: String, labelChars: Int = 16) -> HTML {
        let width = 480.0, rowH = 26.0, top = 6.0
        let labelW = 160.0, valueW = 70.0
        let barMax = width - labelW - valueW - 8
        let height = top * 2 + rowH * Double(max(1, items.count))
        let maxValue = items.map(\.value).max() ?? 0
        var rows = HTML()
        for (i, item) in items.enumerated() {
            let y = top + rowH * Double(i)
            let w = maxValue > 0 ? max(item.value > 0 ? 1.5 : 0, barMax * item.value / maxValue) : 0
            rows += """
                <g><title>\(item.tooltip)</title>\
                <text class="c-label" x="\(c(labelW - 8))" y="\(c(y + rowH * 0.66))" text-anchor="end">\(shorten(item.label, labelChars))</text>\
                <rect class="c-bar" x="\(c(labelW))" y="\(c(y + 4))" width="\(c(w))" height="\(c(rowH - 8))"/>\
                <text class="c-value" x="\(c(labelW + w + 6))" y="\(c(y + rowH * 0.66))">\(item.valueText)</text></g>
                """
        }
        return """
            <svg class="chart chart-hbars" viewBox="0 0 \(c(width)) \(c(height))" role="img" aria-label="\(label)">\
            <title>\(label)</title>\(rows)</svg>
            """
    }

    /// A small chart of one SKU's weekly demand (filled line, oldest on the left), its
    /// forecast as a dashed level carried on into `aheadWeeks` shaded future weeks, and a red
    /// tick under each week with a backorder opened. The y scale runs from 0 to the larger
    /// of the highest week and the forecast.
    static func sparkline(demand: [Double], forecastWeekly: Double, backorderWeeks: [Int], aheadWeeks: Int = 8,
                          label: String) -> HTML {
        let width = 300.0, height = 84.0
        let left = 2.0, right = 2.0, top = 14.0, bottom = 10.0
        let plotH = height - top - bottom
        let n = demand.count
        let slots = Double(max(1, n - 1 + aheadWeeks))
        let step = (width - left - right) / slots
        let yMax = max(demand.max() ?? 0, forecastWeekly, 1e-9)
        func y(_ v: Double) -> Double { top + plotH - plotH * max(0, v) / yMax }
        let historyEnd = left + step * Double(max(0, n - 1))
        var parts = HTML()
        parts += """
            <rect class="c-future" x="\(c(historyEnd))" y="\(c(top))" width="\(c(width - right - historyEnd))" height="\(c(plotH))"/>
            """
        if n > 0 {
            var points = ""
            for (i, v) in demand.enumerated() {
                points += (i == 0 ? "" : " ") + c(left + step * Double(i)) + "," + c(y(v))
            }
            let area = c(left) + "," + c(y(0)) + " " + points + " " + c(historyEnd) + "," + c(y(0))
            parts += """
                <polygon class="c-area" points="\(area)"/><polyline class="c-line" points="\(points)"/>
                """
        }
        parts += """
            <line class="c-forecast" x1="\(c(left))" y1="\(c(y(forecastWeekly)))" x2="\(c(width - right))" y2="\(c(y(forecastWeekly)))"/>
            """
        for (i, lines) in backorderWeeks.enumerated() where lines > 0 && i < max(n, backorderWeeks.count) {
            let x = left + step * Double(i)
            parts += """
                <rect class="c-backorder" x="\(c(x - 1.5))" y="\(c(height - bottom + 3))" width="3" height="6"/>
                """
        }
        parts += """
            <text class="c-spark" x="\(c(left))" y="10">peak \(ReportFormat.units(demand.max() ?? 0))/wk</text>\
            <text class="c-spark" x="\(c(width - right))" y="10" text-anchor="end">forecast \(ReportFormat.units(forecastWeekly))/wk</text>
            """
        return """
            <svg class="spark" viewBox="0 0 \(c(width)) \(c(height))" role="img" aria-label="\(label)">\
            <title>\(label)</title>\(parts)</svg>
            """
    }

    /// The smallest of 1, 2, 5 x 10^k at or above `value` (> 0), for a round axis maximum.
    static func niceCeiling(_ value: Int) -> Int {
        var magnitude = 1
        while true {
            for m in [1, 2, 5] where m * magnitude >= value { return m * magnitude }
            magnitude *= 10
        }
    }

    /// `text` cut to `limit` characters, ending in "…" when cut.
    static func shorten(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(max(1, limit - 1))) + "…"
    }

    private static func c(_ v: Double) -> String { ReportFormat.coordinate(v) }
}
