import Foundation
import Testing
@testable import RestockApp
import RestockCore

@Suite(.serialized) struct ReplayTests {
    static let sampleData = packageRoot().appendingPathComponent("SampleData").path

    /// Order lines dated 2026-10-15 (far larger than SKU-000014's usual lines) are loaded into
    /// a second store: the decisions of 2026-09-01 and 2026-09-29 stay exactly those of the
    /// store without them; the decision of 2026-10-27, which may see them, moves.
    @Test func rowsDatedAfterADecisionDayCannotMoveThatDecision() throws {
        let plain = temporaryFolder() + "/a.sqlite"
        let later = temporaryFolder() + "/b.sqlite"
        _ = try ingest([Self.sampleData], db: plain)
        let extra = dataFolder(["orders-later.csv": """
            order_id,line_id,ordered_at,sku,quantity,unit_price,status
            LATE-1,1,2026-10-15T10:00:00Z,SKU-000014,400,10,paid
            LATE-2,1,2026-10-15T11:00:00Z,SKU-000014,350,10,paid
            LATE-3,1,2026-10-16T11:00:00Z,SKU-000001,90,10,paid
            """])
        _ = try ingest([Self.sampleData, extra], db: later)
        let plan = ReplayPlan(from: CivilDate.day(year: 2026, month: 9, day: 1), to: CivilDate.day(year: 2026, month: 11, day: 26), every: 28)
        let settings = RunSettings(asOf: plan.to)
        let before = try ReplayStage(plan: plan, settings: settings).decide(store: Store(path: plain, readOnly: true), progress: Progress(quiet: true))
        let after = try ReplayStage(plan: plan, settings: settings).decide(store: Store(path: later, readOnly: true), progress: Progress(quiet: true))
        #expect(before.keys.sorted() == after.keys.sorted())
        let lateDay = CivilDate.day(year: 2026, month: 10, day: 15)
        for (sku, decisions) in before {
            let other = after[sku]!
            #expect(decisions.count == plan.decisionDays.count)
            for (a, b) in zip(decisions, other) where a.day < lateDay {
                #expect(a == b, "\(sku) on \(CivilDate.string(a.day))")
            }
        }
        let moved = zip(before["SKU-000014"]!, after["SKU-000014"]!).filter { $0.0.day > lateDay && $0.0 != $0.1 }
        #expect(!moved.isEmpty, "the later rows should move a later decision, or this test proves nothing")
    }

    /// SKU A's only receipts were received 20 to 22 months before as-of: a run's lead time
    /// reads them (730 days of receipts), while the replay plays its purchase orders with
    /// lead times from receipts ordered at most 182 days before its period, so it draws them
    /// from the lead-time model (README, "Replay").
    @Test func theReplaysPlayedLeadTimesKeepTheirOwnLookBackWhileARunReadsTwoYearsOfReceipts() throws {
        let asOf = CivilDate.day(year: 2026, month: 11, day: 26)
        var orders = "order_id,line_id,ordered_at,sku,quantity\n"
        for (n, day) in stride(from: asOf - 363, through: asOf, by: 3).enumerated() {
            orders += "O\(n),1,\(CivilDate.string(day)),A,2\n"
        }
        var receipts = "po_id,sku,supplier,ordered_at,received_at\n"
        for n in 0..<6 {
            let received = asOf - 670 + 10 * n
            receipts += "P\(n),A,S,\(CivilDate.string(received - 12)),\(CivilDate.string(received))\n"
        }
        let work = temporaryFolder()
        let data = dataFolder(["orders.csv": orders, "receipts.csv": receipts])
        let db = work + "/s.sqlite"
        let run = try runRestock(["run", "--data", data, "--db", db, "--out", work + "/Reports", "--as-of", "2026-11-26", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let skus = try String(contentsOfFile: work + "/Reports/2026-11-26/skus.csv", encoding: .utf8)
        let header = skus.split(separator: "\n")[0].split(separator: ",").map(String.init)
        let row = skus.split(separator: "\n")[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(row[header.firstIndex(of: "lead_time_source")!] == "receipts")
        #expect(row[header.firstIndex(of: "lead_time_days")!] == "12")
        let replay = try runRestock(["replay", "--db", db, "--out", work + "/Reports", "--as-of", "2026-11-26", "--quiet"])
        #expect(replay.status == 0, "\(replay.stderr)")
        let lines = try String(contentsOfFile: work + "/Reports/replay-2026-11-26/replay.csv", encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(!lines.isEmpty)
        for line in lines { #expect(line.last == "model", "\(line)") }
    }

    @Test func replayWritesOneRowPerSKUAndPolicyAndTheSameReplayTwice() throws {
        let work = temporaryFolder()
        let db = work + "/s.sqlite"
        let run = try runRestock(["run", "--data", Self.sampleData, "--db", db, "--out", work + "/Reports", "--as-of", "2026-11-26", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let args = ["replay", "--db", db, "--out", work + "/Reports", "--as-of", "2026-11-26", "--quiet"]
        let first = try runRestock(args)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("decisions every 28 days (13)"))
        #expect(first.stdout.contains("lumpy"))
        let path = work + "/Reports/replay-2026-11-26/replay.csv"
        let csv = try String(contentsOfFile: path, encoding: .utf8)
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(lines.first == ReplayTable.columns.map(\.name).joined(separator: ","))
        let skus = try String(contentsOfFile: work + "/Reports/2026-11-26/skus.csv", encoding: .utf8).split(separator: "\n").count - 1
        for policy in ["restock", "normal_formula", "actual"] {
            #expect(lines.filter { $0.split(separator: ",", omittingEmptySubsequences: false)[2] == policy }.count == skus, "\(policy)")
        }
        #expect(lines.contains { $0.contains(",in_force,") })
        #expect(FileManager.default.fileExists(atPath: work + "/Reports/replay-2026-11-26/replay-summary.csv"))
        let second = try runRestock(args)
        #expect(second.status == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == csv)
    }

    @Test func skuReplayShowsEachPolicysPathAndDecisions() throws {
        let work = temporaryFolder()
        let db = work + "/s.sqlite"
        _ = try runRestock(["ingest", Self.sampleData, "--db", db, "--quiet"])
        let r = try runRestock(["sku", "SKU-000014", "--db", db, "--as-of", "2026-11-26", "--replay", "--every", "91"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Replay 2025-11-28 .. 2026-11-26, decisions every 91 days"))
        #expect(r.stdout.contains("    2025-11-28  s "))
        #expect(r.stdout.contains("    2026-08-28  s "))
        for policy in ["restock", "in_force", "normal_formula", "actual"] { #expect(r.stdout.contains("  \(policy) ")) }
        let wrong = try runRestock(["replay", "--db", db, "--from", "2026-11-27", "--to", "2026-11-26"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("--from 2026-11-27 is after --to 2026-11-26"))
    }

    @Test func runWithReplayAddsTheSectionAndFilesAndChangesNoFigure() throws {
        let work = temporaryFolder()
        let plain = try runRestock(["run", "--data", Self.sampleData, "--db", work + "/a.sqlite", "--out", work + "/A",
                                    "--as-of", "2026-11-26", "--quiet"])
        let replayed = try runRestock(["run", "--data", Self.sampleData, "--db", work + "/b.sqlite", "--out", work + "/B",
                                       "--as-of", "2026-11-26", "--quiet", "--replay"])
        #expect(plain.status == 0 && replayed.status == 0, "\(replayed.stderr)")
        for name in ["skus.csv", "recommendations.csv", "rejects.csv"] {
            #expect(try Data(contentsOf: URL(fileURLWithPath: work + "/A/2026-11-26/" + name))
                    == Data(contentsOf: URL(fileURLWithPath: work + "/B/2026-11-26/" + name)), "\(name)")
        }
        let html = try String(contentsOfFile: work + "/B/2026-11-26/report.html", encoding: .utf8)
        #expect(html.contains("<section id=\"replay\">"))
        #expect(!(try String(contentsOfFile: work + "/A/2026-11-26/report.html", encoding: .utf8)).contains("id=\"replay\""))
        #expect(FileManager.default.fileExists(atPath: work + "/B/2026-11-26/replay.csv"))
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: work + "/B/2026-11-26/summary.json"))) as! [String: Any]
        let stages = (summary["stages"] as! [[String: Any]]).map { $0["name"] as! String }
        #expect(stages == ["ingest", "read", "compute", "replay", "report"])
    }
}
