import Foundation
import Testing
@testable import RestockApp
import SQLite

/// `kill -9` at several moments of a run, then a normal run: the store stays consistent,
/// nothing is lost or counted twice, and the outputs equal those of an uninterrupted run
/// (README, "The store").
@Suite(.serialized, .tags(.slow), .skippedWhenFast) struct CrashSafetyTests {
    /// A generated data set big enough that a debug build needs a few seconds per run.
    static let data: String = {
        let dir = temporaryFolder("restock-crash-data")
        let r = try? runRestock(["generate", "--out", dir, "--skus", "1500", "--days", "400", "--seed", "3", "--end", "2026-11-26"])
        precondition(r?.status == 0, "generate failed: \(r?.stderr ?? "")")
        return dir
    }()

    static let outputs = ["skus.csv", "recommendations.csv", "rejects.csv"]

    func runArgs(_ work: String) -> [String] {
        ["run", "--data", Self.data, "--db", work + "/s.sqlite", "--out", work + "/Reports", "--as-of", "2026-11-26", "--quiet"]
    }

    func outputs(_ work: String) throws -> [Data] {
        try Self.outputs.map { try Data(contentsOf: URL(fileURLWithPath: work + "/Reports/2026-11-26/" + $0)) }
    }

    func counts(_ db: String) throws -> [[String]] {
        try dump(db, """
            SELECT (SELECT count(*) FROM order_lines), (SELECT total(quantity) FROM order_lines),
                   (SELECT count(*) FROM backorders), (SELECT count(*) FROM products), (SELECT count(*) FROM receipts),
                   (SELECT max(version) FROM order_lines)
            """)
    }

    @Test func aRunKilledAtAnyMomentIsCompletedByTheNextRun() throws {
        // The reference: one uninterrupted run, timed.
        let reference = temporaryFolder()
        let started = Date()
        let clean = try runRestock(runArgs(reference))
        #expect(clean.status == 0, "\(clean.stderr)")
        let duration = Date().timeIntervalSince(started)
        let expected = try outputs(reference)
        let expectedCounts = try counts(reference + "/s.sqlite")

        // Kill at moments spread over the run: during ingest, the numbers and the report.
        for fraction in [0.1, 0.3, 0.5, 0.7, 0.9] {
            let work = temporaryFolder()
            let process = Process()
            process.executableURL = try restockBinary()
            process.arguments = runArgs(work)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: duration * fraction)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let db = work + "/s.sqlite"
            // A first load killed halfway leaves its rollback journal: a reading command
            // (opened read-only) must still read the store, as it was before the load.
            if FileManager.default.fileExists(atPath: db + "-journal") {
                let history = try runRestock(["history", "--db", db])
                #expect(history.status == 0, "history after a kill at \(fraction): \(history.stderr)")
            }
            let check = try Connection(path: db)
            #expect(try check.scalarText("PRAGMA integrity_check") == "ok", "after a kill at \(fraction) of the run")

            let again = try runRestock(runArgs(work))
            #expect(again.status == 0, "\(again.stderr)")
            #expect(try counts(db) == expectedCounts, "rows lost or doubled after a kill at \(fraction)")
            #expect(try outputs(work) == expected, "outputs differ after a kill at \(fraction)")
            #expect(try Connection(path: db).scalarText("PRAGMA integrity_check") == "ok")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: work + "/Reports").filter { $0.hasPrefix(".") }
            #expect(leftovers.isEmpty)
        }
    }
}
