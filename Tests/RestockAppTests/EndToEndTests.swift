import Foundation
import Testing
@testable import RestockApp
import RestockCore

/// The built `restock` binary, run as a user runs it, on real files.
@Suite(.serialized) struct EndToEndTests {
    static let sampleData = packageRoot().appendingPathComponent("SampleData").path

    @Test func ingestsSampleDataAndPrintsTheCountsIdentity() throws {
        let work = temporaryFolder()
        let r = try runRestock(["ingest", Self.sampleData, "--db", work + "/s.sqlite", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("orders.csv"))
        #expect(r.stdout.contains("rows read = new + replaced + duplicates + rejected: holds"))
        let again = try runRestock(["ingest", Self.sampleData, "--db", work + "/s.sqlite", "--quiet"])
        #expect(again.status == 0)
        #expect(again.stdout.contains("unchanged, not read again"))
    }

    @Test func runWritesTheReportFolderAndIsByteIdenticalOnARerun() throws {
        let work = temporaryFolder()
        let args = ["run", "--data", Self.sampleData, "--db", work + "/s.sqlite", "--out", work + "/Reports",
                    "--as-of", "2026-11-26", "--quiet", "--json"]
        let first = try runRestock(args)
        #expect(first.status == 0, "\(first.stderr)")
        let folder = work + "/Reports/2026-11-26"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names == ["open_backorders.csv", "recommendations.csv", "rejects.csv", "reorder_points_to_set_up.csv", "report.html", "skus.csv", "summary.json"])
        let skus = try String(contentsOfFile: folder + "/skus.csv", encoding: .utf8)
        #expect(skus.hasPrefix(SKUTables.skuColumns.joined(separator: ",") + "\n"))
        let recs = try String(contentsOfFile: folder + "/recommendations.csv", encoding: .utf8)
        #expect(recs.hasPrefix("rank,sku,name,"))
        #expect(try String(contentsOfFile: folder + "/rejects.csv", encoding: .utf8).hasPrefix("file,line,column,value,reason\n"))

        // summary.json: the identity per file and in total, and the same object on stdout.
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/summary.json"))) as! [String: Any]
        #expect(summary["outcome"] as? String == "success")
        #expect(summary["as_of"] as? String == "2026-11-26")
        let files = summary["files"] as! [[String: Any]]
        #expect(files.count == 4)
        for f in files + [summary["totals"] as! [String: Any]] {
            let read = f["rows_read"] as! Int
            let sum = (f["rows_new"] as! Int) + (f["rows_replaced"] as! Int) + (f["duplicates"] as! Int) + (f["rows_rejected"] as! Int)
            #expect(read == sum)
        }
        #expect((summary["stages"] as! [[String: Any]]).map { $0["name"] as! String } == ["ingest", "read", "compute", "report"])
        let printed = try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as! [String: Any]
        #expect(printed["run_id"] as? Int == summary["run_id"] as? Int)

        let before = try ["skus.csv", "recommendations.csv", "rejects.csv", "open_backorders.csv"].map { try Data(contentsOf: URL(fileURLWithPath: folder + "/" + $0)) }
        let second = try runRestock(args)
        #expect(second.status == 0, "\(second.stderr)")
        let after = try ["skus.csv", "recommendations.csv", "rejects.csv", "open_backorders.csv"].map { try Data(contentsOf: URL(fileURLWithPath: folder + "/" + $0)) }
        #expect(before == after)

        // `report` rebuilds the same files from the store alone.
        let rebuilt = try runRestock(["report", "--db", work + "/s.sqlite", "--out", work + "/Rebuilt", "--as-of", "2026-11-26", "--quiet"])
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        let again = try ["skus.csv", "recommendations.csv", "rejects.csv", "open_backorders.csv"].map { try Data(contentsOf: URL(fileURLWithPath: work + "/Rebuilt/2026-11-26/" + $0)) }
        #expect(again == before)

        let history = try runRestock(["history", "--db", work + "/s.sqlite"])
        #expect(history.status == 0)
        #expect(history.stdout.contains("run") && history.stdout.contains("success"))
    }

    @Test func aFailedRunLeavesThePreviousReportAndTheStoreUntouched() throws {
        let work = temporaryFolder()
        let data = work + "/data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.sampleData) where name.hasSuffix(".csv") {
            try FileManager.default.copyItem(atPath: Self.sampleData + "/" + name, toPath: data + "/" + name)
        }
        let args = ["run", "--data", data, "--db", work + "/s.sqlite", "--out", work + "/Reports", "--as-of", "2026-11-26", "--quiet"]
        #expect(try runRestock(args).status == 0)
        let report = work + "/Reports/2026-11-26/skus.csv"
        let before = try Data(contentsOf: URL(fileURLWithPath: report))
        let store = try storeContents(work + "/s.sqlite")
        try Data("order_id,ordered_at,sku,quantity\nZ1,2026-11-26,NEW,1\nZ2,2026-11-26,\"NEW,1\n".utf8)
            .write(to: URL(fileURLWithPath: data + "/orders-zz.csv"))
        let failed = try runRestock(args)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("orders-zz.csv:3"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: report)) == before)
        #expect(try storeContents(work + "/s.sqlite") == store)
    }

    @Test func exitStatusIsTwoForAWrongCommandLine() throws {
        #expect(try runRestock(["run", "--service-level", "2"]).status == 2)
        #expect(try runRestock(["run", "--colour"]).status == 2)
        #expect(try runRestock(["frobnicate"]).status == 2)
        #expect(try runRestock(["run", "--email", "--to", "a@b.example", "--subject", "x\r\nBcc: evil@example.com"]).status == 2)
        #expect(try runRestock(["--help"]).status == 0)
        #expect(try runRestock(["run", "--help"]).stdout.contains("--service-level"))
    }

    @Test func explainsOneSKU() throws {
        let work = temporaryFolder()
        #expect(try runRestock(["ingest", Self.sampleData, "--db", work + "/s.sqlite", "--quiet"]).status == 0)
        let skus = try dump(work + "/s.sqlite", "SELECT sku FROM products ORDER BY sku LIMIT 1")
        let sku = skus[0][0]
        let r = try runRestock(["sku", sku, "--db", work + "/s.sqlite", "--as-of", "2026-11-26"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Forecast"))
        #expect(r.stdout.contains("Lead time"))
        #expect(r.stdout.contains("Reorder point"))
        #expect(try runRestock(["sku", "NO-SUCH-SKU", "--db", work + "/s.sqlite", "--as-of", "2026-11-26"]).status == 1)
    }
}
