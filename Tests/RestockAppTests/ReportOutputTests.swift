import Foundation
import Testing
@testable import RestockApp
import RestockCore

/// The report folder as a user receives it: report.html checked as a document, email.eml
/// parsed by a standard MIME parser (Python's `email` package).
@Suite(.serialized) struct ReportOutputTests {
    /// A data set with hostile values: a SKU that is a script tag, a name with quotes and
    /// ampersands, a formula in a product name.
    static func hostileData() -> String {
        dataFolder([
            "orders.csv": """
                order_id,ordered_at,sku,quantity,unit_price
                O1,2026-11-02,<script>alert(1)</script>,5,3
                O2,2026-11-09,<script>alert(1)</script>,7,3
                O3,2026-11-16,<script>alert(1)</script>,9,3
                O4,2026-11-20,<script>alert(1)</script>,4,3
                O5,2026-11-03,=cmd|'/c calc'!A1,2,1
                O6,2026-11-10,=cmd|'/c calc'!A1,3,1

                """,
            "backorders.csv": "order_id,sku,quantity,backordered_at\nO3,<script>alert(1)</script>,4,2026-11-16\n",
            "products.csv": "sku,name,on_hand,reorder_point\n<script>alert(1)</script>,\"Tom's \"\"Best\"\" Nuts & Bolts\",0,1\n\"=cmd|'/c calc'!A1\",\"@SUM(A1)\",0,0\n",
        ])
    }

    @Test func reportIsWellFormedSelfContainedAndEscapesEveryValue() throws {
        let work = temporaryFolder()
        let r = try runRestock(["run", "--data", Self.hostileData(), "--db", work + "/s.sqlite", "--out", work + "/R", "--as-of", "2026-11-26", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let html = try String(contentsOfFile: work + "/R/2026-11-26/report.html", encoding: .utf8)
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("Tom&#39;s &quot;Best&quot; Nuts &amp; Bolts") || html.contains("Tom&#x27;s &quot;Best&quot; Nuts &amp; Bolts"))
        for reference in ["http:", "https:", "src=", "url(", "@import"] { #expect(!html.contains(reference), "\(reference)") }
        #expect(!html.contains("//"))
        // Python's HTML parser finds the hostile SKU as text and no script element.
        let check = try python("""
            import html.parser, sys
            class P(html.parser.HTMLParser):
                def __init__(self):
                    super().__init__(); self.tags = []; self.text = []
                def handle_starttag(self, tag, attrs): self.tags.append(tag)
                def handle_data(self, d): self.text.append(d)
            p = P(); p.feed(open(sys.argv[1], encoding='utf-8').read())
            assert 'script' not in p.tags, 'script element'
            assert any('<script>alert(1)</script>' in t for t in p.text), 'sku text missing'
            assert any('Tom\\'s "Best" Nuts & Bolts' in t for t in p.text), 'name text missing'
            print('ok')
            """, arguments: [work + "/R/2026-11-26/report.html"])
        #expect(check == "ok")
        // The CSV guard: text cells that look like formulas start with a quote.
        let skus = try String(contentsOfFile: work + "/R/2026-11-26/skus.csv", encoding: .utf8)
        #expect(skus.contains("'=cmd|'/c calc'!A1,'@SUM(A1),"))
    }

    @Test func emailParsesWithBothAlternativesAndBothAttachments() throws {
        let work = temporaryFolder()
        let r = try runRestock(["run", "--data", EndToEndTests.sampleData, "--db", work + "/s.sqlite", "--out", work + "/R",
                                "--as-of", "2026-11-26", "--quiet", "--email", "--to", "buyers@example.com,boss@example.com",
                                "--from", "restock@shop.example", "--subject", "Nachbestellung für heute"])
        #expect(r.status == 0, "\(r.stderr)")
        let folder = work + "/R/2026-11-26"
        let out = try python("""
            import email, email.policy, sys
            folder = sys.argv[1]
            m = email.message_from_binary_file(open(folder + '/email.eml', 'rb'), policy=email.policy.default)
            assert m['To'] == 'buyers@example.com, boss@example.com', m['To']
            assert m['From'] == 'restock@shop.example'
            assert m['Subject'] == 'Nachbestellung für heute', m['Subject']
            assert m.get_content_type() == 'multipart/mixed'
            plain = m.get_body(('plain',)).get_content(); html = m.get_body(('html',)).get_content()
            assert 'SKU' in plain and '<svg' not in html and '<script' not in html and 'http' not in html
            atts = {a.get_filename(): a.get_content() for a in m.iter_attachments()}
            report = [v for k, v in atts.items() if k.endswith('.html')][0]
            recs = [v for k, v in atts.items() if k.endswith('.csv')][0]
            assert (report if isinstance(report, bytes) else report.encode()) == open(folder + '/report.html', 'rb').read()
            assert (recs if isinstance(recs, bytes) else recs.encode()) == open(folder + '/recommendations.csv', 'rb').read()
            assert not m.defects
            print('ok', len(atts))
            """, arguments: [folder])
        #expect(out == "ok 2")
    }

    /// Runs a Python 3 snippet and returns its stdout, trimmed.
    func python(_ code: String, arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", code] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if process.terminationStatus != 0 { return "python failed: " + String(decoding: errors, as: UTF8.self) }
        return text
    }
}
