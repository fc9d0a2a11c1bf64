import Foundation
import Testing
@testable import RestockApp

/// The built binary on `SampleData` as of 2026-11-26, compared with the files recorded in
/// `Golden/`: any changed figure, reason, report text or `restock sku` explanation fails
/// here. Re-record on purpose only: `RECORD_GOLDEN=1 swift test --filter Golden`.
@Suite(.serialized) struct GoldenTests {
    static let sampleData = packageRoot().appendingPathComponent("SampleData").path
    static let asOf = "2026-11-26"

    @Test func sampleDataGivesTheRecordedOutputFilesAndReportText() throws {
        let work = temporaryFolder("restock-golden")
        let r = try runRestock(["run", "--data", Self.sampleData, "--db", work + "/s.sqlite", "--out", work + "/Reports",
                                "--as-of", Self.asOf, "--quiet"])
        try #require(r.status == 0, "\(r.stderr)")
        let folder = work + "/Reports/" + Self.asOf + "/"
        for name in ["skus.csv", "recommendations.csv", "rejects.csv", "open_backorders.csv"] {
            try GoldenFile.check(name, String(contentsOfFile: folder + name, encoding: .utf8))
        }
        let html = try String(contentsOfFile: folder + "report.html", encoding: .utf8)
        try GoldenFile.check("report.txt", ReportText.visible(html))
    }

    /// SKU-000014: lumpy, recommended, its own 10 receipts. SKU-000013: 6 weeks of history,
    /// 2 receipts pooled with its supplier's.
    @Test(arguments: ["SKU-000014", "SKU-000013"])
    func skuExplanationIsTheRecordedText(sku: String) throws {
        let work = temporaryFolder("restock-golden")
        let loaded = try runRestock(["ingest", Self.sampleData, "--db", work + "/s.sqlite", "--quiet"])
        try #require(loaded.status == 0, "\(loaded.stderr)")
        let r = try runRestock(["sku", sku, "--db", work + "/s.sqlite", "--as-of", Self.asOf])
        try #require(r.status == 0, "\(r.stderr)")
        try GoldenFile.check("sku-\(sku).txt", r.stdout)
    }

    @Test func theReportTextKeepsWhatMattersAndNormalisesWhatVaries() {
        let html = """
            <html><head><style>p { color: red }</style></head><body><h1>Tom&#39;s &amp; &lt;b&gt;</h1>
            <footer><p>Written by restock 0.2.0, run 3, started 2026-12-03T03:55:40.647Z.</p>
            <p>Stages: ingest 0.25 s (6,474 rows); report 12 s (5 rows).</p></footer></body></html>
            """
        #expect(ReportText.visible(html) == """
            Tom's & <b>
            Written by restock VERSION, run 3, started TIME.
            Stages: ingest N s (6,474 rows); report N s (5 rows).

            """)
    }

    @Test func aDifferenceNamesItsFirstLine() {
        let d = GoldenFile.firstDifference("a\nb\nc\n", "a\nB\nc\n")
        #expect(d?.line == 2 && d?.recorded == "b" && d?.now == "B")
        #expect(GoldenFile.firstDifference("a\n", "a\n") == nil)
        #expect(GoldenFile.firstDifference("a\n", "a\nb\n")?.recorded == "")
    }
}
