import Foundation
import Testing
@testable import RestockCore

@Suite struct EmailSummaryTests {
    static let model = SampleReport.model()
    static let html = EmailSummary.html(model)

    @Test func usesInlineStylesOnlyAndNothingExternal() {
        let lower = Self.html.lowercased()
        for needle in ["<style", "<svg", "<script", "<img", "<link", "http:", "https:", "//", "url(", "class="] {
            #expect(!lower.contains(needle), "found \(needle)")
        }
        #expect(lower.contains("style=\""))
    }

    @Test func parsesAsWellFormedXMLWithValuesEscaped() {
        let check = XMLCheck.parse(Self.html)
        #expect(check.error == nil, "\(check.error ?? "")")
        #expect(!check.elements.contains("script"))
        #expect(Self.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(Self.html.contains("Tom&#39;s &quot;Best&quot; Nuts &amp; Bolts"))
        #expect(check.text.contains(SampleReport.scriptSKU))
        if let dir = ProcessInfo.processInfo.environment["RESTOCK_RENDER_SAMPLE_DIR"] {
            try? Self.html.write(toFile: dir + "/sample-email.html", atomically: true, encoding: .utf8)
            try? EmailSummary.text(Self.model).write(toFile: dir + "/sample-email.txt", atomically: true, encoding: .utf8)
        }
    }

    @Test func listsTheTopTenAndCountsTheRest() {
        // 60 recommendations: 10 listed, 50 more.
        #expect(Self.html.components(separatedBy: "<b>").count - 1 == 10)
        let attached = EmailSummary.recommendationsAttachment(Self.model.asOf)
        #expect(attached.hasPrefix("recommendations-") && attached.hasSuffix(".csv"))
        #expect(Self.html.contains("50 more in \(attached)."))
        let text = EmailSummary.text(Self.model)
        #expect(text.contains("\n10. SKU-000009 - Widget 9\n"))
        #expect(!text.contains("\n11. "))
        #expect(text.contains("50 more in \(attached)."))
        #expect(text.contains("attached as \(EmailSummary.reportAttachment(Self.model.asOf)), the SKUs to act on as \(attached)"))
    }

    @Test func writesTheSameFiguresInBothAlternatives() {
        let text = EmailSummary.text(Self.model)
        let h = Self.model.headline
        for figure in [ReportFormat.count(h.skusToActOn), ReportFormat.money(h.revenueAtRisk),
                       ReportFormat.percent(h.backorderRate), "2026-11-30"] {
            #expect(text.contains(figure))
            #expect(Self.html.contains(figure))
        }
    }

    @Test func orderNowIsGivenInUnitsInBothAlternatives() {
        let text = EmailSummary.text(Self.model)
        let first = Self.model.recommendations[0].figures
        let units = first.orderNowUnits.map { ReportFormat.units($0) } ?? ReportFormat.missing
        #expect(text.contains(", order now \(units)\(first.orderNowUnits == nil ? "" : " units"),"))
        #expect(Self.html.contains(">Order now, units</th>"))
    }

    @Test func keepsControlCharactersOutOfThePlainText() {
        // SKU-000001's name holds U+0001.
        let text = EmailSummary.text(Self.model)
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(text.contains("2. SKU-000001 - Ünïcödé ✓ —  control\n"))
    }

    @Test func namesTheCountAndDayInTheDefaultSubject() {
        #expect(EmailSummary.subject(Self.model) == "restock: 60 SKUs to act on, as of 2026-11-30")
    }
}
