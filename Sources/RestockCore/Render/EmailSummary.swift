/// The e-mail's body (README, "Sending the report by e-mail": readable in any mail client,
/// no images, no scripts): a short HTML summary and its plain-text alternative, from the same
/// `ReportModel` as the report.
///
/// The HTML uses inline `style` attributes only (mail clients drop `<style>` blocks and
/// block remote content): no SVG, no script, no image, no URL. Tables lay it out, as mail
/// clients expect. Every value is escaped through `HTML`.
public enum EmailSummary {
    /// Recommendations listed in the e-mail; the rest are in the attachments.
    public static let listed = 10

    /// The default subject: `restock: 12 SKUs to act on, as of 2026-11-30`.
    public static func subject(_ model: ReportModel) -> String {
        "restock: \(ReportFormat.plural(model.headline.skusToActOn, "SKU")) to act on, as of \(CivilDate.string(model.asOf))"
    }

    /// The HTML alternative, a complete small document.
    /// The attached report's file name (`EmailMessage`'s attachment and the summary's words).
    public static func reportAttachment(_ asOf: Day) -> String { "report-\(CivilDate.string(asOf)).html" }
    /// The attached recommendations' file name.
    public static func recommendationsAttachment(_ asOf: Day) -> String { "recommendations-\(CivilDate.string(asOf)).csv" }

    /// Where the rest is: the two attachments by name, the other files in the report folder.
    static func filesSentence(_ model: ReportModel) -> String {
        "The full report with charts is attached as \(reportAttachment(model.asOf)), the SKUs to act on as "
            + "\(recommendationsAttachment(model.asOf)); every SKU's figures (skus.csv) and the waiting customers' "
            + "dates (open_backorders.csv) are in the run's report folder, \(CivilDate.string(model.asOf))."
    }

    public static func html(_ model: ReportModel) -> String {
        let font = "font-family:Arial,Helvetica,sans-serif;color:#1d2430;"
        let notes = notesLines(model).map { "<li>\($0)</li>" as HTML }
        let page: HTML = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/>\
            <title>\(subject(model))</title></head>
            <body style="margin:0;padding:12px;\(font)font-size:14px;line-height:1.45;">
            <h1 style="font-size:20px;margin:0 0 4px;">Restock, as of \(CivilDate.string(model.asOf))</h1>
            <p style="margin:0;color:#5b6472;font-size:13px;">\(windowLine(model))</p>
            \(headlineFigures(model))
            <h2 style="font-size:16px;margin:16px 0 4px;">Top recommendations</h2>
            \(recommendationList(model))
            <ul style="margin:12px 0;padding-left:20px;">\(notes)</ul>
            <p style="margin:12px 0 0;color:#5b6472;font-size:12px;">\(filesSentence(model))</p>
            </body></html>

            """
        return page.rendered
    }

    /// Inline styles of the e-mail's tables.
    private enum Style {
        static let cell = "padding:4px 8px;border-bottom:1px solid #d9dee6;text-align:left;vertical-align:top;"
        static let head = "background:#f5f7fa;font-weight:bold;"
        static let numHead = "padding:4px 8px;border-bottom:1px solid #d9dee6;text-align:right;vertical-align:bottom;"
        static let line = "padding:4px 8px 0;text-align:left;vertical-align:top;"
        static let lineNum = "padding:4px 8px 0;text-align:right;vertical-align:top;white-space:nowrap;"
    }

    /// The sentence for a run without recommendations, which must not read as "all is well"
    /// where restock could not judge the stock.
    static func nothingToActOn(_ model: ReportModel) -> String {
        let a = model.stockAdvice
        let setUp = a.toSetUpCount > 0
            ? " \(ReportFormat.plural(a.toSetUpCount, "reorder point")) to set up \(a.toSetUpCount == 1 ? "is" : "are") in reorder_points_to_set_up.csv." : ""
        if a.knowsNoStockLevel {
            return "restock knows no stock level, so it cannot tell what to order today." + setUp
        }
        return (a.unknownSKUs > 0 ? "No SKU whose stock is known needs a higher reorder point or an order today."
                                  : "No SKU needs a higher reorder point or an order today.") + setUp
    }

    /// The six headline figures, two rows of three boxes, and the reorder points to set up
    /// where some SKU's stock settings are not known (README, "Advice without stock levels").
    private static func headlineFigures(_ model: ReportModel) -> HTML {
        let h = model.headline
        func figure(_ value: String, _ key: String) -> HTML {
            """
            <td style="padding:8px 10px;background:#f5f7fa;border:1px solid #d9dee6;"><div style="font-size:20px;font-weight:bold;">\(value)</div>\
            <div style="font-size:12px;color:#5b6472;">\(key)</div></td>
            """
        }
        let risk = model.revenueAtRiskFigure
        return """
            <table role="presentation" cellspacing="6" cellpadding="0" style="border-collapse:separate;margin:8px 0;"><tr>\
            \(figure(ReportFormat.count(h.skusToActOn), "SKUs to act on"))\
            \(figure(ReportFormat.count(h.orderNowSKUs), "to order now"))\
            \(figure(risk.value, risk.key))\
            </tr><tr>\
            \(figure(ReportFormat.percent(h.backorderRate), "of order lines backordered"))\
            \(figure(ReportFormat.units(h.openBackorderUnits), "open backorder units"))\
            \(figure(ReportFormat.count(h.skuCount), "SKUs"))\
            \(model.stockAdvice.unknownSKUs > 0 ? figure(ReportFormat.count(model.stockAdvice.toSetUpCount), "reorder points to set up") : HTML())\
            </tr></table>
            """
    }

    /// The first `listed` recommendations, two rows per SKU (the reason under the figures, so
    /// a phone need not fit six columns), and how many more are in recommendations.csv.
    private static func recommendationList(_ model: ReportModel) -> HTML {
        let h = model.headline
        let top = model.recommendations.prefix(listed)
        if top.isEmpty {
            return "<p style=\"margin:8px 0;\">\(nothingToActOn(model))</p>"
        }
        let rows = top.enumerated().map { (i, r) -> HTML in
            let f = r.figures
            let inForce = f.reorderPointInForce.map { ReportFormat.units($0) } ?? "none"
            return """
                <tr><td style="\(Style.lineNum)">\(i + 1)</td><td style="\(Style.line)"><b>\(f.sku)</b>\
                \(f.name.map { "<br/><span style=\"color:#5b6472;\">\($0)</span>" as HTML } ?? HTML())</td>\
                <td style="\(Style.lineNum)">\(inForce) → \(ReportFormat.units(f.reorderPoint))</td>\
                <td style="\(Style.lineNum)">\(f.orderNowUnits.map { ReportFormat.units($0) } ?? ReportFormat.missing)</td>\
                <td style="\(Style.lineNum)">\(ReportFormat.money(f.revenueAtRisk))</td></tr>\
                <tr><td style="\(Style.cell)"></td><td colspan="4" style="\(Style.cell)font-size:12px;color:#3d4654;">\(f.reason)</td></tr>
                """
        }
        var list: HTML = """
            <table cellspacing="0" cellpadding="0" style="border-collapse:collapse;font-size:14px;margin:8px 0;width:100%;max-width:760px;">\
            <tr><th style="\(Style.numHead)\(Style.head)">#</th><th style="\(Style.cell)\(Style.head)vertical-align:bottom;">SKU</th>\
            <th style="\(Style.numHead)\(Style.head)">Reorder point</th><th style="\(Style.numHead)\(Style.head)">Order now, units</th>\
            <th style="\(Style.numHead)\(Style.head)">At risk a year</th></tr>\
            \(rows)</table>
            """
        if h.skusToActOn > top.count {
            list += "<p style=\"margin:4px 0;color:#5b6472;\">\(ReportFormat.count(h.skusToActOn - top.count)) more in \(recommendationsAttachment(model.asOf)).</p>"
        }
        return list
    }

    /// The plain-text alternative, lines under 78 characters where the data allows.
    public static func text(_ model: ReportModel) -> String {
        let h = model.headline
        var out = "Restock, as of \(CivilDate.string(model.asOf))\n"
        out += windowLine(model) + "\n\n"
        out += "SKUs to act on:        \(ReportFormat.count(h.skusToActOn))\n"
        out += "  to order now:        \(ReportFormat.count(h.orderNowSKUs))\n"
        out += "Revenue at risk/year:  \(model.revenueAtRiskFigure.value)\n"
        out += "Backorder rate:        \(ReportFormat.percent(h.backorderRate))\n"
        out += "Open backorder units:  \(ReportFormat.units(h.openBackorderUnits))\n"
        out += "SKUs:                  \(ReportFormat.count(h.skuCount))\n"
        if model.stockAdvice.unknownSKUs > 0 {
            // README, "Advice without stock levels".
            out += "Reorder points to set up: \(ReportFormat.count(model.stockAdvice.toSetUpCount)) (no stock level known; see reorder_points_to_set_up.csv)\n"
        }
        out += "\n"
        let top = model.recommendations.prefix(listed)
        if top.isEmpty {
            out += nothingToActOn(model) + "\n"
        } else {
            out += "Top recommendations\n"
            for (i, r) in top.enumerated() {
                let f = r.figures
                let inForce = f.reorderPointInForce.map { ReportFormat.units($0) } ?? "none"
                out += "\n\(i + 1). \(plain(f.sku))\(f.name.map { " - " + plain($0) } ?? "")\n"
                out += "   reorder point \(inForce) -> \(ReportFormat.units(f.reorderPoint))"
                out += ", order now \(f.orderNowUnits.map { ReportFormat.units($0) + " units" } ?? ReportFormat.missing)"
                out += ", at risk \(ReportFormat.money(f.revenueAtRisk))/year\n"
                if !f.reason.isEmpty { out += "   \(plain(f.reason))\n" }
            }
            if h.skusToActOn > top.count {
                out += "\n\(ReportFormat.count(h.skusToActOn - top.count)) more in \(recommendationsAttachment(model.asOf)).\n"
            }
        }
        out += "\n"
        for line in notesLines(model) { out += "- \(line)\n" }
        out += "\n" + filesSentence(model) + "\n"
        return out
    }

    /// A value for the plain text: control characters and line breaks become spaces, so a
    /// value cannot break the layout or smuggle invisible characters.
    static func plain(_ value: String) -> String {
        String(String.UnicodeScalarView(value.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
    }

    static func windowLine(_ model: ReportModel) -> String {
        let s = model.settings
        return "Window \(CivilDate.string(s.windowStart)) to \(CivilDate.string(s.asOf)) (\(ReportFormat.count(s.windowDays)) days), service level \(ReportFormat.percent(s.serviceLevel)) unless a product sets its own"
    }

    /// Data quality and changes, one sentence each.
    static func notesLines(_ model: ReportModel) -> [String] {
        let q = model.dataQuality
        var lines: [String] = []
        let read = q.files.reduce(0) { $0 + $1.rowsRead }
        lines.append("Read \(ReportFormat.plural(q.files.count, "file")) (\(ReportFormat.plural(read, "row"))); \(ReportFormat.plural(q.rejectedRows, "row")) rejected\(q.rejectedRows > 0 ? " (see rejects.csv)" : "").")
        lines.append(contentsOf: q.notices)
        if q.unmatchedBackorders > 0 {
            lines.append("\(ReportFormat.plural(q.unmatchedBackorders, "backorder")) without a matching order line.")
        }
        if let c = model.changes {
            lines.append("Since the run as of \(c.previousAsOf): \(ReportFormat.count(c.newlyRecommended.count)) newly recommended, \(ReportFormat.count(c.dropped.count)) no longer, \(ReportFormat.count(c.bigMoves.count)) reorder points moved a lot.")
        }
        return lines
    }
}
