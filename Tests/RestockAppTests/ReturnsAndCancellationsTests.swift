import Foundation
import Testing
@testable import RestockApp
import RestockCore

/// Returns and cancellations are data: credits are stored, taken out of demand, and returns
/// counted (README, "Returns and cancellations").
@Suite struct ReturnsAndCancellationsTests {
    /// skus.csv of a run as sku -> column -> cell.
    static func skus(_ folder: String) throws -> [String: [String: String]] {
        let lines = try String(contentsOfFile: folder + "/skus.csv", encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        var rows: [String: [String: String]] = [:]
        for cells in lines.dropFirst() { rows[cells[0]] = Dictionary(uniqueKeysWithValues: zip(lines[0], cells)) }
        return rows
    }

    @Test func aReturnAPartCancellationAndACreditNoteAreStoredAndTakenOutOfDemand() throws {
        // A: 5 ordered on O1, 2 of them cancelled in O1 (a cancellation), 3 on O2, 1 returned on
        //    R1 (no sale of A in R1: a return). Demand 5 - 2 + 3 - 1 = 5; returned 1.
        // B: 100 on O3, credited by C3 three days later (status cancelled: a cancellation),
        //    4 on O4 in between. The credit finds O3's day; demand 4, on one line.
        let data = dataFolder(["orders.csv": """
            order_id,ordered_at,sku,quantity,status
            O1,2026-11-02,A,5,
            O1,2026-11-02,A,-2,
            O2,2026-11-10,A,3,
            R1,2026-11-12,A,-1,
            O3,2026-11-05,B,100,
            O4,2026-11-06,B,4,
            C3,2026-11-08,B,-100,cancelled

            """])
        let work = temporaryFolder()
        let result = try ingest([data], db: work + "/s.sqlite")
        #expect(result.totals.rowsRead == 7 && result.totals.rowsNew == 7 && result.totals.rowsRejected == 0)
        #expect(result.totals.balances)
        let run = try runRestock(["run", "--data", data, "--db", work + "/s.sqlite", "--out", work + "/out", "--as-of", "2026-11-26", "--quiet"])
        #expect(run.status == 0)
        let rows = try Self.skus(work + "/out/2026-11-26")
        #expect(rows["A"]?["ordered_units"] == "5" && rows["A"]?["order_lines"] == "2" && rows["A"]?["returned_units"] == "1")
        #expect(rows["B"]?["ordered_units"] == "4" && rows["B"]?["order_lines"] == "1" && rows["B"]?["returned_units"] == "0")
        let sku = try runRestock(["sku", "A", "--db", work + "/s.sqlite", "--as-of", "2026-11-26"])
        #expect(sku.stdout.contains("returned units 1;"))
    }

    @Test func aSKUWhoseSalesAllCameBackKeepsItsRowWithItsReturns() throws {
        // S1: 3 sold on A, all 3 returned on R (no sale of S1 in R: a return). No product row.
        // Its demand is 0, but it is listed, with returned_units 3; `restock sku` explains it.
        let data = dataFolder(["orders.csv": """
            order_id,ordered_at,sku,quantity
            A,2026-11-05,S1,3
            R,2026-11-08,S1,-3
            B,2026-11-05,S2,3

            """])
        let work = temporaryFolder()
        let run = try runRestock(["run", "--data", data, "--db", work + "/s.sqlite", "--out", work + "/out", "--as-of", "2026-11-10", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try Self.skus(work + "/out/2026-11-10")
        #expect(rows["S1"]?["returned_units"] == "3" && rows["S1"]?["ordered_units"] == "0" && rows["S1"]?["order_lines"] == "0")
        #expect(rows["S1"]?["reorder_point"] == "0")
        let sku = try runRestock(["sku", "S1", "--db", work + "/s.sqlite", "--as-of", "2026-11-10"])
        #expect(sku.status == 0, "\(sku.stderr)")
        #expect(sku.stdout.contains("returned units 3;"))
    }

    @Test func loadingTheSameCreditsAgainFindsDuplicates() throws {
        let data = dataFolder(["orders.csv": "order_id,ordered_at,sku,quantity\nO1,2026-11-02,A,5\nO1,2026-11-02,A,-2\n"])
        let db = temporaryFolder() + "/s.sqlite"
        _ = try ingest([data], db: db)
        let again = try ingest([data], db: db, reload: true)
        #expect(again.totals.rowsRead == 2 && again.totals.duplicates == 2 && again.totals.balances)
    }

    /// The UCI Online Retail year (../shared/data/external/online-retail), converted by
    /// renaming its header only (a credit note's order id starts with C; no status).
    static let onlineRetail = packageRoot().appendingPathComponent("../shared/data/external/online-retail/online_retail_full.csv.gz").standardizedFileURL

    @Test(.tags(.slow), .skippedWhenFast,
          .enabled(if: FileManager.default.fileExists(atPath: onlineRetail.path),
                   "../shared/data/external/online-retail is absent: the UCI Online Retail year is not beside this checkout"))
    func realOnlineRetailDataKeepsEveryCreditAndDropsTheCancelledBulkOrder() throws {
        let source = Self.onlineRetail
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
        gzip.arguments = ["-c", "gzip -dc \"$0\" | tail -n +2", source.path]
        let pipe = Pipe()
        gzip.standardOutput = pipe
        try gzip.run()
        let body = pipe.fileHandleForReading.readDataToEndOfFile()
        gzip.waitUntilExit()
        let data = dataFolder([:])
        var file = Data("order_id,sku,Description,quantity,ordered_at,unit_price,CustomerID,Country\n".utf8)
        file.append(body)
        try file.write(to: URL(fileURLWithPath: data + "/orders.csv"))
        let work = temporaryFolder()
        let result = try ingest([data], db: work + "/s.sqlite")
        #expect(result.totals.rowsRead == 541_909)
        #expect(result.totals.balances)
        #expect(!result.rejects.contains { $0.column == "quantity" })
        let run = try runRestock(["run", "--data", data, "--db", work + "/s.sqlite", "--out", work + "/out", "--as-of", "2011-12-09", "--quiet"])
        #expect(run.status == 0)
        let rows = try Self.skus(work + "/out/2011-12-09")
        // 23843 was ordered once (80,995 units, invoice 581483) and credited 12 minutes later (C581484).
        #expect((rows["23843"]?["ordered_units"]).map { Double($0) ?? 0 } ?? 0 == 0)
        #expect(rows.values.allSatisfy { (Double($0["ordered_units"] ?? "") ?? 0) < 80_995 })
        // No postage, carriage, manual or bank-charge code is advised: each is left out as not
        // stock (README, "Non-stock lines"), and the orders alone make no SKU one to act on
        // (README, "Advice without stock levels").
        let out = work + "/out/2011-12-09"
        let advised = try ["recommendations.csv", "reorder_points_to_set_up.csv"].flatMap { name in
            try String(contentsOfFile: out + "/" + name, encoding: .utf8).split(separator: "\n").dropFirst()
                .map { $0.split(separator: ",", omittingEmptySubsequences: false)[1] }
        }
        #expect(advised.count > 3_000)
        for code in ["POST", "DOT", "M", "m", "C2", "BANK CHARGES", "B"] {
            #expect(!advised.contains(Substring(code)), "\(code) is advised")
            #expect(rows[code]?["left_out"]?.hasPrefix("built in: ") == true, "\(code) is not left out")
        }
        #expect(try String(contentsOfFile: out + "/recommendations.csv", encoding: .utf8).split(separator: "\n").count == 1)
    }
}
