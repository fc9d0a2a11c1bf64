/// `report.html` (README, "The report"): one self-contained HTML5 page from a `ReportModel`.
///
/// - Self-contained: inline CSS and inline SVG, no script, no font, no image, no URL of any
///   kind (not even the SVG namespace, which HTML5 does not need).
/// - Safe: every value goes through `HTML` interpolation, so it is escaped, in SVG too.
/// - Well-formed: XHTML-compatible syntax (every element closed, attributes quoted, only
///   the five XML entities), so the page also parses as XML.
/// - Bounded: only the first `topN` recommendations are detailed, and never more than
///   `maxDetailed`; lists of changes stop at `maxListed`. The page stays well under 2 MB
///   whatever the number of SKUs; the full lists are in the CSV files.
public enum HTMLReport {
    /// The most recommendations detailed, whatever `topN` asks (about 3 kB each, 6 kB at worst).
    public static let maxDetailed = 200
    /// The most rows of any list or table besides the recommendations (SKUs under each heading
    /// of "what changed", files, reject reasons).
    public static let maxListed = 50
    /// The most characters of a SKU, name, category or supplier shown; longer ones end in "…"
    /// (the CSV files have them whole). Keeps a hostile input from bloating the page.
    public static let maxTextChars = 80
    /// A card's reason is shown whole: restock writes it from figures, a few clauses (390
    /// characters at most over the 100,000-SKU benchmark's 82,558 reasons) that stay below this bound, which
    /// only guards the page; a longer one is cut between clauses (`reasonShown`), never through
    /// a number ("not above 2…" for 24 misleads).
    public static let maxReasonChars = 600

    /// `reason` whole, or its clauses that fit in `maxReasonChars` and "…".
    static func reasonShown(_ reason: String) -> String {
        guard reason.count > maxReasonChars else { return reason }
        var shown = ""
        for clause in reason.components(separatedBy: "; ") {
            let next = shown.isEmpty ? clause : shown + "; " + clause
            guard next.count < maxReasonChars else { break }
            shown = next
        }
        return shown.isEmpty ? SVGChart.shorten(reason, maxReasonChars) : shown + "; …"
    }
    /// Bars in the revenue-at-risk chart.
    static let riskBars = 12

    /// The whole page.
    public static func render(_ model: ReportModel) -> String {
        let asOf = CivilDate.string(model.asOf)
        let page: HTML = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <meta name="generator" content="restock"/>
            <title>Restock report, as of \(asOf)</title>
            <style>
            \(HTML(trusted: styleSheet))
            </style>
            </head>
            <body>
            \(header(model))
            <main>
            \(headline(model))
            \(stockAdvice(model))
            \(charts(model))
            \(recommendations(model))
            \(replay(model))
            \(dataQuality(model))
            \(changes(model))
            \(guide())
            \(footer(model))
            </main>
            </body>
            </html>

            """
        return page.rendered
    }

    // MARK: Sections

    static func header(_ model: ReportModel) -> HTML {
        let s = model.settings
        let range = model.dataRange.map { "\(CivilDate.string($0.lowerBound)) to \(CivilDate.string($0.upperBound))" } ?? "none"
        return """
            <header class="top" id="top"><div class="inner">
            <h1>Restock report, as of \(CivilDate.string(model.asOf))</h1>
            <p class="meta"><span>Window: \(ReportFormat.count(s.windowDays)) days, \(CivilDate.string(s.windowStart)) to \(CivilDate.string(s.asOf))</span> \
            <span>Data in store: \(range)</span></p>
            <p class="meta"><span>Service level: \(ReportFormat.percent(s.serviceLevel)) (a product's own where products.csv gives one)</span> \
            <span>Default lead time: \(ReportFormat.units(s.leadTimeDays)) days</span> \
            <span>Order cover: \(ReportFormat.units(s.orderCoverDays)) days</span> \
            <span>Time zone: \(s.timeZone)</span> \
            <span>Handling days: \(ReportFormat.count(s.handlingDays))</span> \
            <span>Detailed: top \(ReportFormat.count(model.topN))</span></p>
            <nav class="toc"><a href="#figures">Figures</a>\(model.stockAdvice.unknownSKUs > 0 ? HTML("<a href=\"#set-up\">Set up</a>") : HTML())<a href="#recommendations">Recommendations</a>\
            <a href="#data-quality">Data quality</a><a href="#changes">Changes</a><a href="#guide">Guide</a></nav>
            </div></header>
            """
    }

    static func headline(_ model: ReportModel) -> HTML {
        let h = model.headline
        func tile(_ value: String, _ key: String, alert: Bool = false) -> HTML {
            alert ? "<div class=\"tile alert\"><span class=\"v\">\(value)</span><span class=\"k\">\(key)</span></div>"
                : "<div class=\"tile\"><span class=\"v\">\(value)</span><span class=\"k\">\(key)</span></div>"
        }
        let a = model.stockAdvice
        let setUp = a.unknownSKUs > 0 ? tile(ReportFormat.count(a.toSetUpCount), "reorder points to set up", alert: a.toSetUpCount > 0) : HTML()
        let act = [tile(ReportFormat.count(h.skusToActOn), "SKUs to act on", alert: h.skusToActOn > 0),
                   tile(ReportFormat.count(h.orderNowSKUs), "of them to order now", alert: h.orderNowSKUs > 0)]
        // Without any stock level, what restock can say leads (README, "Advice without stock levels").
        let risk = model.revenueAtRiskFigure
        let tiles: [HTML] = (a.knowsNoStockLevel ? [setUp] + act : act + [setUp]) + [
            tile(risk.value, risk.key),
            tile(ReportFormat.percent(h.backorderRate), "backorder rate: of the order lines, backordered"),
            tile(ReportFormat.units(h.openBackorderUnits), "open backorder units"),
            tile(ReportFormat.count(h.backorderLines), "backorder lines (backorders opened; one order line may have several)"),
            tile(ReportFormat.count(h.orderLines), "order lines"),
            tile(ReportFormat.count(h.skuCount), "SKUs"),
        ]
        return """
            <section id="figures"><h2>Figures for the window</h2>
            <div class="tiles">\(tiles)</div>
            <p class="note">\(BackorderNote.source(h, handlingDays: model.settings.handlingDays))</p>
            <p class="note">\(BackorderNote.openList(h))</p>
            </section>
            """
    }

    /// The window's days before its first whole week, which count in the headline figures
    /// but fall in no bar (README, "The figures": weeks); "" when there are none.
    static func leftoverDays(_ s: RunSettings) -> String {
        let leftover = s.firstWeekStart - s.windowStart
        guard leftover > 0, s.weekCount > 0 else { return "" }
        let days = leftover == 1 ? "day" : "\(leftover) days"
        return " The window's first \(days) (from \(CivilDate.string(s.windowStart))) fall\(leftover == 1 ? "s" : "") in no whole week: \(leftover == 1 ? "its" : "their") lines count in the figures above but in no bar."
    }

    static func charts(_ model: ReportModel) -> HTML {
        let s = model.settings
        let weeks = model.weeklyBackorderLines
        // Week i of n (0 = oldest) ends on as-of - 7 (n - 1 - i).
        let firstWeekEnd = s.asOf - 7 * (weeks.count - 1)
        let weekly: HTML = weeks.isEmpty
            ? "<p class=\"muted\">No whole week in the window.</p>"
            : SVGChart.weeklyBars(weeks, orderLines: model.weeklyOrderLines, firstWeekEnd: firstWeekEnd,
                                  label: "Backorder lines opened per week, \(weeks.count) weeks to \(CivilDate.string(s.asOf))")

        let classes = DemandClass.allCases.map { dc -> SVGChart.Bar in
            let n = model.demandClassCounts[dc] ?? 0
            return SVGChart.Bar(label: dc.rawValue, value: Double(n), valueText: ReportFormat.count(n),
                                tooltip: "\(dc.rawValue): \(ReportFormat.plural(n, "SKU"))")
        }
        let risky = model.recommendations.prefix(riskBars).filter { $0.figures.revenueAtRisk > 0 }
        let risk: HTML = risky.isEmpty
            ? "<p class=\"muted\">No recommended SKU has revenue at risk.</p>"
            : SVGChart.horizontalBars(risky.map { r in
                SVGChart.Bar(label: r.figures.sku, value: r.figures.revenueAtRisk,
                             valueText: ReportFormat.money(r.figures.revenueAtRisk),
                             tooltip: "\(clip(r.figures.sku))\(r.figures.name.map { " (\(clip($0)))" } ?? ""): \(ReportFormat.money(r.figures.revenueAtRisk)) a year at risk")
            }, label: "Revenue at risk a year, top recommended SKUs")

        return """
            <section class="charts">
            <figure class="wide"><figcaption>Backorder lines opened per week</figcaption>\(weekly)\
            <p class="note">Each bar is one 7-day week ending on the as-of day\(weeks.isEmpty ? "" : " or a multiple of 7 days before it"); hover a bar for its figures.\(leftoverDays(s))</p></figure>
            <figure><figcaption>SKUs by demand pattern</figcaption>\
            \(SVGChart.horizontalBars(classes, label: "Number of SKUs in each demand class"))\
            <p class="note">See demand_class in the guide below.</p></figure>
            <figure><figcaption>Revenue at risk a year, top SKUs</figcaption>\(risk)\
            <p class="note">With the reorder points in force; recommended SKUs, highest first.</p></figure>
            </section>
            """
    }

    static func recommendations(_ model: ReportModel) -> HTML {
        let total = max(model.headline.skusToActOn, model.recommendations.count)
        let limit = min(max(0, model.topN), maxDetailed)
        let shown = Array(model.recommendations.prefix(limit))
        var note: HTML
        if total == 0 {
            note = "<p>No SKU needs a higher reorder point or an order today.</p>"
        } else if shown.count < total {
            note = "<p>The \(ReportFormat.count(shown.count)) with the most revenue at risk of \(ReportFormat.plural(total, "SKU")) to act on; all of them are in recommendations.csv.</p>"
        } else {
            note = "<p>\(ReportFormat.plural(total, "SKU")) to act on, most revenue at risk first; also in recommendations.csv.</p>"
        }
        if model.topN > maxDetailed && total > maxDetailed {
            note += "<p class=\"muted\">At most \(ReportFormat.count(maxDetailed)) are detailed here (\(ReportFormat.count(model.topN)) were asked for) to keep this file small.</p>"
        }
        let legend: HTML = shown.isEmpty ? HTML() : """
            <p class="legend"><span><i></i>units ordered per week</span><span><i class="f"></i>forecast per week</span>\
            <span><i class="b"></i>week with a backorder</span><span>shaded: the weeks ahead</span></p>
            """
        let cards = shown.enumerated().map { card(rank: $0.offset + 1, $0.element) }
        return """
            <section id="recommendations"><h2>Recommendations</h2>
            \(note)\(legend)
            <div class="recs">\(cards)</div>
            </section>
            """
    }

    /// The rise of a card's reorder point: "+181", or "+181; +192 in whole case packs" where
    /// `reorder_point_increase` is rounded up to packs, so that the two points beside it
    /// still add up (README, "The figures": reorder_point_increase).
    static func increaseWords(_ f: SKUFigures) -> String {
        let increase = "+" + ReportFormat.units(f.reorderPointIncrease)
        guard let inForce = f.reorderPointInForce else { return increase }
        let rise = f.reorderPoint - inForce
        guard f.reorderPointIncrease > rise + 1e-9 else { return increase }
        return "+\(ReportFormat.units(rise)); \(increase) in whole case packs"
    }

    static func card(rank: Int, _ r: ReportModel.Recommendation) -> HTML {
        var f = r.figures
        f.sku = clip(f.sku)
        let what = [f.name, f.category, f.supplier.map { "supplier " + $0 }].compactMap { $0 }.filter { !$0.isEmpty }.map(clip)
        let inForce = f.reorderPointInForce.map { ReportFormat.units($0) } ?? "none"
        let increase: HTML = f.reorderPointIncrease > 0 ? " <span class=\"up\">(\(increaseWords(f)))</span>" : HTML()
        let orderNow: HTML = f.orderNowUnits.map { $0 > 0 ? "\(unitsText($0))" : "no" }
            ?? "– <small>(no on_hand in products)</small>"
        let eta: HTML = f.backorderETA.map { ", ETA <span class=\"nw\">\(CivilDate.string($0))</span>" } ?? HTML()
        let open: HTML = "\(unitsText(f.openBackorderUnits))\(eta)"
        let leadTime = "\(ReportFormat.units(f.leadTimeDays)) ± \(ReportFormat.units(f.leadTimeSDDays)) days (\(f.leadTimeSource.rawValue))"
        let method = f.forecastMethod.isEmpty ? "" : ", \(f.forecastMethod)"
        let forecast = "\(ReportFormat.number(f.forecastDaily, decimals: 2, trim: true))/day (\(f.demandClass.rawValue)\(method))"
        let stock = "\(ReportFormat.units(f.onHand)) / \(ReportFormat.units(f.onOrder)) / \(ReportFormat.units(f.inventoryPosition))"
        let spark = SVGChart.sparkline(
            demand: r.weeklyDemand, forecastWeekly: r.forecastWeekly, backorderWeeks: r.weeklyBackorderLines,
            label: "\(f.sku): units ordered per week over \(r.weeklyDemand.count) weeks, forecast \(ReportFormat.units(r.forecastWeekly)) a week")
        return """
            <article class="rec" id="rec-\(rank)">
            <header><span class="rank">\(rank)</span><h3>\(f.sku)</h3></header>
            <p class="what">\(what.isEmpty ? "–" : what.joined(separator: " · "))</p>
            \(spark)
            <dl class="figs">\
            <div><dt>Reorder point: in force → recommended</dt><dd class="big">\(inForce) → \(ReportFormat.units(f.reorderPoint))\(increase)</dd></div>\
            <div><dt>Order now</dt><dd class="big">\(orderNow)</dd></div>\
            <div><dt>Revenue at risk a year</dt><dd>\(ReportFormat.money(f.revenueAtRisk))</dd></div>\
            <div><dt>Backorder rate</dt><dd>\(ReportFormat.percent(f.backorderRate)) of order lines (\(ReportFormat.plural(f.backorderLines, "backorder")))</dd></div>\
            <div><dt>Open backorders</dt><dd>\(open)</dd></div>\
            <div><dt>Forecast</dt><dd>\(forecast)</dd></div>\
            <div><dt>Lead time</dt><dd>\(leadTime)</dd></div>\
            <div><dt>On hand / on order / position</dt><dd>\(stock)</dd></div>\
            <div><dt>Order quantity</dt><dd>\(ReportFormat.units(f.orderQuantity))</dd></div>\
            <div><dt>Service level</dt><dd>\(ReportFormat.percent(f.serviceLevel))</dd></div>\
            </dl>
            <p class="reason">\(f.reason.isEmpty ? "–" : reasonShown(f.reason))</p>
            </article>
            """
    }

    /// `text` cut to `maxTextChars` characters.
    static func clip(_ text: String) -> String { SVGChart.shorten(text, maxTextChars) }

    /// "1 unit", "2.5 units".
    static func unitsText(_ v: Double) -> String { ReportFormat.units(v) + (v == 1 ? " unit" : " units") }

    static func dataQuality(_ model: ReportModel) -> HTML {
        let q = model.dataQuality
        var files: HTML
        if q.files.isEmpty {
            files = "<p>No file was read by this run; the figures use what the store already held.</p>"
        } else {
            var rows = q.files.prefix(maxListed).map { f -> HTML in
                """
                <tr><td class="file">\(clip(f.file))\(f.unchanged ? " (unchanged, not read again)" : "")</td><td>\(clip(f.kind + (f.format.map { " (\($0))" } ?? "")))</td>\
                <td class="n">\(ReportFormat.count(f.rowsRead))</td><td class="n">\(ReportFormat.count(f.rowsNew))</td>\
                <td class="n">\(ReportFormat.count(f.rowsReplaced))</td><td class="n">\(ReportFormat.count(f.duplicates))</td>\
                <td class="n">\(ReportFormat.count(f.rowsRejected))</td></tr>
                """
            }
            if q.files.count > maxListed {
                rows.append("<tr><td colspan=\"7\" class=\"muted\">and \(ReportFormat.plural(q.files.count - maxListed, "more file")) (see summary.json)</td></tr>")
            }
            files = """
                <div class="scroll"><table><thead><tr><th>File</th><th>Kind</th><th class="n">Read</th><th class="n">New</th>\
                <th class="n">Replaced</th><th class="n">Duplicates</th><th class="n">Rejected</th></tr></thead>
                <tbody>\(rows)</tbody></table></div>
                """
        }
        var rejects: HTML
        if q.rejectReasons.isEmpty {
            rejects = "<p>No row was rejected.</p>"
        } else {
            var rows = q.rejectReasons.prefix(maxListed).map { r -> HTML in
                "<tr><td>\(clip(r.reason))</td><td class=\"n\">\(ReportFormat.count(r.count))</td><td class=\"file\">\(clip(r.exampleFile)):\(r.exampleLine)</td></tr>"
            }
            if q.rejectReasons.count > maxListed {
                rows.append("<tr><td colspan=\"3\" class=\"muted\">and \(ReportFormat.plural(q.rejectReasons.count - maxListed, "more reason")) (see rejects.csv)</td></tr>")
            }
            rejects = """
                <p>\(ReportFormat.plural(q.rejectedRows, "row")) rejected; each is listed with its file, line and column in rejects.csv.</p>
                <div class="scroll"><table><thead><tr><th>Reason</th><th class="n">Rows</th><th>First at</th></tr></thead>
                <tbody>\(rows)</tbody></table></div>
                """
        }
        let unmatched: HTML = q.unmatchedBackorders == 0
            ? "<p>Every backorder in the window has its order line in the store.</p>"
            : "<p>\(ReportFormat.plural(q.unmatchedBackorders, "backorder")) in the window \(q.unmatchedBackorders == 1 ? "has" : "have") no matching order line in the store (same order_id and sku). They count as backorder lines but cannot count in a backorder rate; check that every orders file was delivered.</p>"
        return """
            <section id="data-quality"><h2>Data quality</h2>\(notices(q.notices))
            <h3>Files read</h3>\(files)
            <h3>Rejected rows</h3>\(rejects)
            <h3>Unmatched backorders</h3>\(unmatched)\(leftOut(q))\(oneOffs(q))
            </section>
            """
    }

    /// The data quality notices as a list under their own heading; nothing when there are none.
    static func notices(_ notices: [String]) -> HTML {
        guard !notices.isEmpty else { return "" }
        let items = notices.map { n -> HTML in "<li>\(n)</li>" }
        return "\n<h3>Notices</h3><ul class=\"notices\">\(items)</ul>"
    }

    static func changes(_ model: ReportModel) -> HTML {
        guard let c = model.changes else {
            return """
                <section id="changes"><h2>What changed</h2>
                <p>No earlier run on this store to compare with.</p></section>
                """
        }
        func list(_ refs: [ReportModel.SKURef]) -> HTML {
            guard !refs.isEmpty else { return "<p class=\"muted\">None.</p>" }
            let items = refs.prefix(maxListed).map { r -> HTML in
                r.name.map { "<li>\(clip(r.sku)) <span class=\"muted\">\(clip($0))</span></li>" } ?? "<li>\(clip(r.sku))</li>"
            }
            return "<ul class=\"skus\">\(items)</ul>\(more(refs.count))"
        }
        func more(_ count: Int) -> HTML {
            count > maxListed ? "<p class=\"muted\">and \(ReportFormat.count(count - maxListed)) more.</p>" : HTML()
        }
        var moves: HTML = "<p class=\"muted\">None.</p>"
        if !c.bigMoves.isEmpty {
            let rows = c.bigMoves.prefix(maxListed).map { m -> HTML in
                """
                <tr><td class="file">\(clip(m.sku))</td><td>\(clip(m.name ?? ""))</td><td class="n">\(ReportFormat.units(m.oldReorderPoint))</td>\
                <td class="n">\(ReportFormat.units(m.newReorderPoint))</td></tr>
                """
            }
            moves = """
                <div class="scroll"><table class="narrow"><thead><tr><th>SKU</th><th>Name</th><th class="n">Then</th><th class="n">Now</th></tr></thead>
                <tbody>\(rows)</tbody></table></div>\(more(c.bigMoves.count))
                """
        }
        return """
            <section id="changes"><h2>What changed since the run as of \(c.previousAsOf)</h2>
            <h3>Newly recommended (\(ReportFormat.count(c.newlyRecommended.count)))</h3>\(list(c.newlyRecommended))
            <h3>No longer recommended (\(ReportFormat.count(c.dropped.count)))</h3>\(list(c.dropped))
            <h3>Recommended reorder point moved a lot (\(ReportFormat.count(c.bigMoves.count)))</h3>\
            <p class="muted">By at least 2 units and at least a quarter.</p>\(moves)
            </section>
            """
    }

    static func guide() -> HTML {
        func entries(_ list: [ReportGuide.Entry]) -> HTML {
            HTML.join(list.map { "<dt>\($0.term)</dt><dd>\($0.meaning)</dd>" })
        }
        return """
            <section id="guide"><h2>Guide to the figures</h2>
            <p>The figures of orders, backorders, service and returns cover the window in the header: the days up to and \
            including the as-of day. The demand class, the forecast and the reorder point read further back: the order \
            lines of the last two years (or of the window, where it is longer). A week is 7 days ending on the as-of \
            day, or a multiple of 7 days before it.</p>
            <h3>The figures at the top</h3>
            <dl class="guide">\(entries(ReportGuide.headline))</dl>
            <h3>On each recommendation</h3>
            <dl class="guide">\(entries(ReportGuide.card))</dl>
            <h3>The columns of open_backorders.csv</h3>
            <dl class="guide">\(entries(ReportGuide.openBackorders))</dl>
            <h3>The columns of skus.csv</h3>
            <p>skus.csv has one row for every SKU; recommendations.csv has the SKUs to act on, with rank, the numbers to act on, \
            and the reason in words.</p>
            <dl class="guide">\(entries(ReportGuide.skuColumns))</dl>
            </section>
            """
    }

    static func footer(_ model: ReportModel) -> HTML {
        guard let run = model.run else { return "<footer><p>Written by restock.</p></footer>" }
        var line = "Written by restock\(run.version.map { " " + $0 } ?? "")"
        if let id = run.runId { line += ", run \(id)" }
        line += ", started \(run.startedAt)."
        let stages = run.stages.map { s -> String in
            "\(s.name) \(ReportFormat.number(s.seconds, decimals: 2)) s (\(ReportFormat.count(s.rows)) rows)"
        }
        return """
            <footer><p>\(line)</p>\(stages.isEmpty ? HTML() : "<p>Stages: \(stages.joined(separator: "; ")).</p>")</footer>
            """
    }
}
