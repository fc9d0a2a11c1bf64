import Foundation
import Testing
@testable import RestockCore

@Suite struct HTMLReportTests {
    static let page = HTMLReport.render(SampleReport.model())

    @Test func parsesAsWellFormedXML() throws {
        let check = XMLCheck.parse(Self.page)
        #expect(check.error == nil, "\(check.error ?? "")")
        #expect(check.elements.first == "html")
        #expect(check.elements.contains("svg"))
        if let dir = ProcessInfo.processInfo.environment["RESTOCK_RENDER_SAMPLE_DIR"] {
            try Self.page.write(toFile: dir + "/sample.html", atomically: true, encoding: .utf8)
            try HTMLReport.render(SampleReport.model(topN: 4))
                .write(toFile: dir + "/sample-top4.html", atomically: true, encoding: .utf8)
            try HTMLReport.render(SampleReport.model(skuCount: 3, recommended: 0, topN: 50, withChanges: false))
                .write(toFile: dir + "/sample-empty.html", atomically: true, encoding: .utf8)
        }
    }

    @Test func holdsNoExternalReferenceOfAnyKind() {
        let lower = Self.page.lowercased()
        for needle in ["http:", "https:", "//", "src=", "url(", "@import", "xmlns", "<link", "<script", "<img", "<iframe", "<object"] {
            #expect(!lower.contains(needle), "found \(needle)")
        }
        // Links stay inside the page.
        let check = XMLCheck.parse(Self.page)
        #expect((check.attributes["href"] ?? []).allSatisfy { $0.hasPrefix("#") })
        #expect(!(check.attributes["href"] ?? []).isEmpty)
    }

    @Test func showsAHostileSKUAndNameAsEscapedText() {
        let page = Self.page
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains("Tom&#39;s &quot;Best&quot; Nuts &amp; Bolts"))
        #expect(page.contains("reason with &lt;b&gt;markup&lt;/b&gt; &amp; &#39;quotes&#39;"))
        #expect(page.contains("products &amp; &lt;prices&gt;.csv"))
        #expect(!page.contains("<script>"))
        #expect(!page.contains("<b>markup"))
        // As parsed, the SKU is text (in the card, the SVG label and tooltips), never an element.
        let check = XMLCheck.parse(page)
        #expect(!check.elements.contains("script"))
        #expect(!check.elements.contains("b"))
        #expect(check.text.contains(SampleReport.scriptSKU))
        #expect(check.text.contains(SampleReport.quotedName))
        // The SVG aria-label attribute of the first card's chart carries the SKU, escaped.
        #expect((check.attributes["aria-label"] ?? []).contains { $0.hasPrefix(SampleReport.scriptSKU + ": units ordered") })
    }

    @Test func replacesControlCharactersFromTheData() {
        // SKU-000001's name holds U+0001, which XML (and HTML) forbid.
        #expect(!Self.page.unicodeScalars.contains { $0.value == 1 })
        #expect(Self.page.contains("Ünïcödé ✓ — \u{FFFD}control"))
    }

    @Test func detailsTheTopNRecommendationsOnly() {
        // 60 recommended, top 50 detailed.
        #expect(Self.page.components(separatedBy: "<article class=\"rec\"").count - 1 == 50)
        #expect(Self.page.contains("The 50 with the most revenue at risk of 60 SKUs to act on"))
        #expect(Self.page.contains("id=\"rec-50\""))
        #expect(!Self.page.contains("id=\"rec-51\""))
    }

    @Test func showsEverySectionAndEverySKUsColumnInTheGuide() {
        for id in ["figures", "recommendations", "data-quality", "changes", "guide"] {
            #expect(Self.page.contains("id=\"\(id)\""), "section \(id)")
        }
        let columns = ["sku", "name", "category", "supplier", "order_lines", "ordered_units", "backorder_lines",
                       "backordered_units", "backorder_rate", "stockout_days", "open_backorder_units", "lost_units",
                       "fill_days_p50", "fill_days_p90", "adi", "cv2", "demand_class", "forecast_method", "forecast_daily",
                       "forecast_mae", "lead_time_days", "lead_time_sd_days", "lead_time_source", "service_level",
                       "safety_stock", "reorder_point", "reorder_point_in_force", "reorder_point_increase",
                       "order_quantity", "on_hand", "on_order", "inventory_position", "order_now_units", "unit_price",
                       "revenue_at_risk", "backorder_eta", "forecast_bias", "returned_units", "backorder_source", "one_off_units", "left_out"]
        let terms = ReportGuide.skuColumns.flatMap { $0.term.components(separatedBy: ", ") }
        #expect(terms == columns)
        for term in terms { #expect(Self.page.contains("<dt>\(term)</dt>") || Self.page.contains(term)) }
    }

    @Test func saysSoWhenThereIsNoPreviousRunOrNothingToDo() {
        let page = HTMLReport.render(SampleReport.model(skuCount: 3, recommended: 0, withChanges: false))
        #expect(page.contains("No earlier run on this store to compare with."))
        #expect(page.contains("No SKU needs a higher reorder point or an order today."))
        #expect(XMLCheck.parse(page).error == nil)
    }

    @Test func rendersAnEmptyStoreWithoutFailing() {
        let model = ReportModel(settings: RunSettings(asOf: CivilDate.day(year: 2026, month: 11, day: 30), windowDays: 14))
        let page = HTMLReport.render(model)
        #expect(XMLCheck.parse(page).error == nil)
        #expect(page.contains("Data in store: none"))
    }

    @Test func listsTheChangesSinceThePreviousRun() {
        // The sample's previous run had every point at 0.6 x today's, SKU 59 not yet
        // recommended, and an "OLD-1" SKU that is gone.
        #expect(Self.page.contains("What changed since the run as of 2026-11-23"))
        #expect(Self.page.contains("Newly recommended (1)"))
        #expect(Self.page.contains("<li>SKU-000059 <span class=\"muted\">Widget 59</span></li>"))
        #expect(Self.page.contains("<li>OLD-1</li>"))
    }

    @Test(.tags(.slow), .skippedWhenFast) func staysUnder2MBWith100000SKUs() {
        // 100,000 SKUs, 30,000 of them recommended with full weekly series; default top 50,
        // and an explicit top 100,000 which the report caps at maxDetailed.
        let big = SampleReport.model(skuCount: 100_000, recommended: 30_000, topN: 50)
        let page = HTMLReport.render(big)
        #expect(page.utf8.count < 2_000_000, "\(page.utf8.count) bytes")
        var all = big
        all.topN = 100_000
        let capped = HTMLReport.render(all)
        #expect(capped.utf8.count < 2_000_000, "\(capped.utf8.count) bytes")
        #expect(capped.components(separatedBy: "<article class=\"rec\"").count - 1 == HTMLReport.maxDetailed)
        #expect(capped.contains("At most 200 are detailed here (100,000 were asked for)"))
        #expect(XMLCheck.parse(capped).error == nil)
        if let dir = ProcessInfo.processInfo.environment["RESTOCK_RENDER_SAMPLE_DIR"] {
            try? page.write(toFile: dir + "/sample-100k.html", atomically: true, encoding: .utf8)
            try? capped.write(toFile: dir + "/sample-100k-top100000.html", atomically: true, encoding: .utf8)
        }
    }

    @Test func staysUnder2MBWhenEveryTextIsHugeAndEveryListIsLong() {
        // The worst a data folder can do: 2,000-character SKUs and names, 10,000-character
        // reasons, top 100,000, 5,000 files, 5,000 distinct reject reasons, 20,000 changes.
        var model = SampleReport.model(skuCount: 1_000, recommended: 1_000, topN: 100_000, withChanges: false)
        let long = String(repeating: "<&\"'x", count: 400)
        for i in model.recommendations.indices {
            model.recommendations[i].figures.sku = "\(i)" + long
            model.recommendations[i].figures.name = long
            model.recommendations[i].figures.category = long
            model.recommendations[i].figures.supplier = long
            model.recommendations[i].figures.reason = String(repeating: long, count: 5)
        }
        model.dataQuality.files = (0..<5_000).map { .init(file: "orders-\($0)" + long + ".csv", kind: "orders", rowsRead: 1) }
        model.dataQuality.rejectReasons = (0..<5_000).map { .init(reason: "\($0)" + long, count: 1, exampleFile: long, exampleLine: 1) }
        let refs = (0..<20_000).map { ReportModel.SKURef(sku: "\($0)" + long, name: long) }
        model.changes = .init(previousAsOf: "2026-11-23", newlyRecommended: refs, dropped: refs,
                              bigMoves: refs.map { .init(sku: $0.sku, name: $0.name, oldReorderPoint: 1, newReorderPoint: 9) })
        let page = HTMLReport.render(model)
        #expect(page.utf8.count < 2_000_000, "\(page.utf8.count) bytes")
        #expect(XMLCheck.parse(page).error == nil)
        #expect(page.contains("and 4,950 more files (see summary.json)"))
        #expect(page.contains("and 4,950 more reasons (see rejects.csv)"))
        #expect(page.contains("and 19,950 more."))
        if let dir = ProcessInfo.processInfo.environment["RESTOCK_RENDER_SAMPLE_DIR"] {
            try? page.write(toFile: dir + "/sample-worst.html", atomically: true, encoding: .utf8)
        }
    }

    @Test(.enabled(if: RenderPython.isAvailable, "needs python3 on PATH"))
    func parsesWithPythonsHTMLParserWithBalancedTags() throws {
        let script = """
            import sys, html.parser
            VOID = {"meta", "br", "hr", "img", "input", "link", "area", "base", "col", "embed", "source", "track", "wbr"}
            class P(html.parser.HTMLParser):
                def __init__(self):
                    super().__init__(convert_charrefs=True); self.stack = []; self.errors = []; self.text = []; self.tags = set()
                def handle_starttag(self, tag, attrs):
                    self.tags.add(tag)
                    if tag not in VOID: self.stack.append(tag)
                def handle_startendtag(self, tag, attrs): self.tags.add(tag)
                def handle_endtag(self, tag):
                    if tag in VOID: return
                    if not self.stack or self.stack[-1] != tag: self.errors.append("unbalanced " + tag)
                    else: self.stack.pop()
                def handle_data(self, d): self.text.append(d)
            p = P(); p.feed(open(sys.argv[1], encoding="utf-8").read()); p.close()
            text = "".join(p.text)
            print(len(p.errors), len(p.stack), "script" in p.tags, "<script>alert(1)</script>" in text)
            """
        let file = try RenderPython.temporaryFile(Array(Self.page.utf8), suffix: ".html")
        defer { try? FileManager.default.removeItem(at: file) }
        let out = try RenderPython.run(script, [file.path]).trimmingCharacters(in: .whitespacesAndNewlines)
        // No unbalanced tag, nothing left open, no script element, the SKU survives as text.
        #expect(out == "0 0 False True")
    }

    @Test func bulkWordsSayHowEachKindOfBulkDayCounts() {
        let one = HTMLReport.bulkWords(days: 3, oneOffs: 1, rule: "a big line")
        #expect(one.hasPrefix("3 days of order lines hold a big line. 1 is a one-off: its SKU's only such day in its demand history"))
        #expect(one.contains("by itself. The other 2 count as ordered: their SKU has two or more such days"))
        let none = HTMLReport.bulkWords(days: 21, oneOffs: 0, rule: "a big line")
        #expect(none.hasPrefix("21 days of order lines hold a big line. None is a one-off: all 21 count as ordered:"))
        let only = HTMLReport.bulkWords(days: 1, oneOffs: 1, rule: "a big line")
        #expect(only.hasPrefix("1 day of order lines holds a big line. 1 is a one-off") && !only.contains("The other"))
    }

    @Test func aCardsRiseSaysWhereCasePacksRoundIt() {
        var f = SKUFigures(sku: "A")
        f.reorderPoint = 264
        f.reorderPointInForce = 83
        f.reorderPointIncrease = 192
        #expect(HTMLReport.increaseWords(f) == "+181; +192 in whole case packs")
        f.reorderPointIncrease = 181
        #expect(HTMLReport.increaseWords(f) == "+181")
        f.reorderPointInForce = nil
        f.reorderPointIncrease = 264
        #expect(HTMLReport.increaseWords(f) == "+264")
    }

    @Test func aLongReasonIsCutBetweenClausesNeverThroughANumber() {
        let reason = (1...60).map { "clause \($0) with 12345" }.joined(separator: "; ")
        let shown = HTMLReport.reasonShown(reason)
        #expect(shown.count <= HTMLReport.maxReasonChars + 3)
        #expect(shown.hasSuffix("with 12345; …"))
        #expect(HTMLReport.reasonShown("order 80 units now (stock position 46 is not above 115)") == "order 80 units now (stock position 46 is not above 115)")
    }

    @Test func theGuideExplainsEveryFigureOfACardAndOfOpenBackorders() throws {
        // Every <dt> of a card is a term of the guide's card section (or, for the figures also
        // in skus.csv, of its columns' section under the column's name).
        let card = try #require(Self.page.range(of: "<article class=\"rec\""))
        let end = try #require(Self.page.range(of: "</article>", range: card.upperBound..<Self.page.endIndex))
        let labels = Self.page[card.lowerBound..<end.lowerBound].components(separatedBy: "<dt>").dropFirst()
            .compactMap { $0.components(separatedBy: "</dt>").first }
        #expect(labels.count >= 8)
        let terms = ReportGuide.card.map(\.term) + ReportGuide.headline.map(\.term)
        let columns = ["Order quantity": "order_quantity", "Service level": "service_level", "Revenue at risk a year": "revenue_at_risk"]
        for label in labels {
            let explained = terms.contains { $0.hasPrefix(label) || label.hasPrefix($0) }
                || columns[label].map { name in ReportGuide.skuColumns.contains { $0.term.contains(name) } } == true
            #expect(explained, "the guide does not explain the card's \(label)")
        }
        let guided = ReportGuide.openBackorders.flatMap { $0.term.components(separatedBy: ", ") }
        #expect(guided == OpenBackorderTable.columns)
    }
}
