import Foundation
import Testing
@testable import RestockApp
import RestockCore
import SQLite

/// The nightly job's stages: their order, and what each records about itself.
@Suite struct PipelineTests {
    /// 3 order lines, 1 backorder and 2 products: 6 rows; SKUs A (orders and product),
    /// B (an order line) and C (a product) get a row each.
    static let files = [
        "orders.csv": "order_id,ordered_at,sku,quantity\nO1,2026-11-01,A,2\nO2,2026-11-02,B,1\nO3,2026-11-03,A,1\n",
        "backorders.csv": "order_id,sku,quantity,backordered_at\nO2,B,1,2026-11-02\n",
        "products.csv": "sku,name\nA,Widget\nC,Gadget\n",
    ]

    func options(data: String, work: String) throws -> RunOptions {
        var arguments = ArgumentList(["--data", data, "--db", work + "/s.sqlite", "--out", work + "/Reports",
                                      "--as-of", "2026-11-26", "--quiet"])
        return try RunOptions.parse(&arguments, command: "run")
    }

    /// The stages the store recorded for the latest run, in the order they began.
    func recordedStages(_ db: String) throws -> [[String]] {
        try dump(db, "SELECT name, rows, outcome FROM stages WHERE run_id = (SELECT max(id) FROM runs) ORDER BY rowid")
    }

    @Test func aRunRecordsIngestReadComputeReportInOrderWithTheRowsEachClaims() throws {
        let work = temporaryFolder()
        let options = try options(data: dataFolder(Self.files), work: work)
        let started = Date()
        let summary = try Pipeline(options: options, command: "run", ingest: true).run()
        let wall = Date().timeIntervalSince(started)

        #expect(summary.stages.map(\.name) == ["ingest", "read", "compute", "report"])
        #expect(summary.stages.map(\.name) == [IngestStage.name, ReadStage.name, ComputeStage.name, ReportStage.name])
        // ingest: the rows read; read and compute: the SKUs with a row in skus.csv; report:
        // the files written.
        let files = try FileManager.default.contentsOfDirectory(atPath: work + "/Reports/2026-11-26")
        let skuRows = try String(contentsOfFile: work + "/Reports/2026-11-26/skus.csv", encoding: .utf8)
            .split(separator: "\n").count - 1
        #expect(skuRows == 3)
        #expect(summary.stages.map(\.rows) == [6, 3, 3, files.count])
        #expect(files.count == 7)
        #expect(try recordedStages(work + "/s.sqlite") == [["ingest", "6", "success"], ["read", "3", "success"],
                                                          ["compute", "3", "success"], ["report", "7", "success"]])
        // Reading runs on the run's thread between ingest and report, so ingest + read +
        // report fit in the run's time; computing overlaps reading, and fits with them too.
        let seconds = Dictionary(uniqueKeysWithValues: summary.stages.map { ($0.name, $0.seconds) })
        #expect(summary.stages.allSatisfy { $0.seconds >= 0 })
        #expect(seconds["ingest"]! + seconds["read"]! + seconds["report"]! <= wall)
        #expect(seconds["ingest"]! + seconds["compute"]! + seconds["report"]! <= wall)
    }

    @Test func aReportRecordsReadComputeReportWithoutIngest() throws {
        let work = temporaryFolder()
        let options = try options(data: dataFolder(Self.files), work: work)
        _ = try Pipeline(options: options, command: "run", ingest: true).run()
        let summary = try Pipeline(options: options, command: "report", ingest: false).run()
        #expect(summary.stages.map(\.name) == ["read", "compute", "report"])
        #expect(summary.stages.map(\.rows) == [3, 3, 7])
    }

    @Test func overlappedChunksReadTheNextChunkWhileTheLastIsComputed() throws {
        // 3 chunks; reading one takes 0.1 s, computing one 0.2 s. One after the other that
        // is 0.9 s; overlapped, chunk n + 1 is read while n is computed: about 0.1 + 0.6.
        var left = 3
        let overlapped = OverlappedChunks(read: { () -> Int? in
            guard left > 0 else { return nil }
            Thread.sleep(forTimeInterval: 0.1)
            left -= 1
            return left
        }, compute: { (chunk: Int) -> Int in
            Thread.sleep(forTimeInterval: 0.2)
            return chunk * 10
        })
        var collected: [Int] = []
        let started = Date()
        let seconds = try overlapped.run { collected.append($0) }
        let wall = Date().timeIntervalSince(started)
        #expect(collected == [20, 10, 0])
        #expect(seconds.read >= 0.3 && seconds.compute >= 0.6)
        #expect(wall < seconds.read + seconds.compute - 0.1)
    }
}
