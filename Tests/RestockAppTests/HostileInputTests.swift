import Foundation
import Testing
@testable import RestockApp
import RestockCore
import SQLite

/// The cases of a hostile probe (README, "Reliability"), each run with the built binary on the
/// probe's data: `restock generate --skus 30 --days 120 --seed 3 --end 2026-12-01`, as of
/// 2026-12-01. No case may crash, hang or write to what is not restock's.
@Suite(.serialized) struct HostileInputTests {
    static let asOf = "2026-12-01"

    /// The probe's data set, generated once; each test works on a copy.
    static let base: String = {
        let dir = temporaryFolder("restock-probe") + "/base"
        _ = try? runRestock(["generate", "--out", dir, "--skus", "30", "--days", "120", "--seed", "3", "--end", asOf])
        return dir
    }()

    /// A fresh work folder holding a copy of the data as `data/`.
    func work() throws -> String {
        let work = temporaryFolder()
        try FileManager.default.copyItem(atPath: Self.base, toPath: work + "/data")
        return work
    }

    func run(_ work: String, db: String? = nil, asOf: String = asOf, _ extra: [String] = [], timeout: Double = 120) throws -> ProcessResult {
        try runRestock(["run", "--data", work + "/data", "--db", db ?? work + "/s.sqlite", "--out", work + "/R", "--as-of", asOf] + extra,
                       timeout: timeout)
    }

    func append(_ line: String, to path: String) throws {
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data((line + "\n").utf8))
        try handle.close()
    }

    func text(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    func summary(_ work: String, asOf: String = asOf) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(work)/R/\(asOf)/summary.json"))) as! [String: Any]
    }

    /// skus.csv as rows by column name.
    func skus(_ work: String, asOf: String = asOf) throws -> [String: [String: String]] {
        let reader = CSVReader(bytes: Array(text("\(work)/R/\(asOf)/skus.csv").utf8), fileName: "skus.csv")
        var header: [String] = [], fields: [String] = [], rows: [String: [String: String]] = [:]
        _ = try reader.next(into: &header)
        while try reader.next(into: &fields) != nil {
            let row = Dictionary(uniqueKeysWithValues: zip(header, fields))
            rows[row["sku"] ?? ""] = row
        }
        return rows
    }

    // MARK: 1. numbers

    @Test func aQuantityOf1e18IsRejectedWithItsLineAndTheRunGoesOn() throws {
        let w = try work()
        try append("X-1,1,2026-11-25T10:00:00Z,SKU-000001,1e18,10,paid", to: w + "/data/orders.csv")
        let r = try run(w, ["--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let rejects = text("\(w)/R/\(Self.asOf)/rejects.csv")
        #expect(rejects.contains("orders.csv,737,quantity,1e18,\"quantity must be at most 1,000,000,000 units (README, Limits)"))
        // Later commands on the same store work too.
        #expect(try runRestock(["sku", "SKU-000001", "--db", w + "/s.sqlite", "--as-of", Self.asOf]).status == 0)
    }

    @Test func aStoreHoldingValuesFromBeforeTheBoundsDoesNotCrashAnyCommand() throws {
        let w = try work()
        #expect(try run(w, ["--quiet"]).status == 0)
        // What restock 0.2 could store: quantities of 1e308, 1e-310 and 1e18; the digests are rebuilt on open.
        let db = try Connection(path: w + "/s.sqlite")
        try db.execute("""
            UPDATE order_lines SET quantity = 1e308 WHERE sku = 'SKU-000001';
            UPDATE order_lines SET quantity = 1e-310 WHERE sku = 'SKU-000002';
            UPDATE order_lines SET quantity = 1e18 WHERE sku = 'SKU-000003';
            INSERT INTO meta(key, value) VALUES('digests', 'to build');
            """)
        let report = try runRestock(["report", "--db", w + "/s.sqlite", "--out", w + "/R2", "--as-of", Self.asOf, "--quiet"])
        #expect(report.status == 0, "\(report.stderr)")
        for sku in ["SKU-000001", "SKU-000002", "SKU-000003"] {
            let r = try runRestock(["sku", sku, "--db", w + "/s.sqlite", "--as-of", Self.asOf])
            #expect(r.status == 0, "\(sku): \(r.stderr)")
        }
        #expect(try run(w, ["--quiet"]).status == 0)
    }

    // MARK: 2 and 5. entries that are not regular files

    @Test func aFIFONamedLikeAnOrdersFileIsSkippedAndNamedNotWaitedFor() throws {
        let w = try work()
        #expect(mkfifo(w + "/data/orders-x.csv", 0o644) == 0)
        let r = try run(w, timeout: 60)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("orders-x.csv was not read: it is a named pipe (FIFO)"))
        let skipped = try summary(w)["skipped_files"] as? [[String: String]]
        #expect(skipped?.map { $0["file"] } == ["orders-x.csv"])
        #expect(text("\(w)/R/\(Self.asOf)/report.html").contains("orders-x.csv was not read: it is a named pipe (FIFO)"))
        // The next night is not locked out.
        #expect(try run(w, ["--quiet"], timeout: 60).status == 0)
    }

    @Test func aDanglingLinkAndAFolderNamedLikeInputFilesAreNamedEverywhere() throws {
        let w = try work()
        try FileManager.default.createSymbolicLink(atPath: w + "/data/orders-night.csv", withDestinationPath: w + "/nowhere.csv")
        try FileManager.default.createDirectory(atPath: w + "/data/orders-x.csv", withIntermediateDirectories: false)
        let r = try run(w)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("orders-night.csv was not read: it is a symbolic link to '\(w)/nowhere.csv', which does not exist"))
        #expect(r.stderr.contains("orders-x.csv was not read: it is a folder, not a file"))
        let skipped = try summary(w)["skipped_files"] as? [[String: String]]
        #expect(skipped?.map { $0["file"] } == ["orders-night.csv", "orders-x.csv"])
        let report = text("\(w)/R/\(Self.asOf)/report.html")
        #expect(report.contains("orders-night.csv was not read") && report.contains("orders-x.csv was not read"))
        // With --quiet too: no progress lines, but both warnings.
        let quiet = try run(w, ["--quiet"])
        #expect(quiet.stderr.split(separator: "\n").map { $0.hasPrefix("warning: ") } == [true, true], "\(quiet.stderr)")
    }

    // MARK: 3. another application's database

    @Test func anotherApplicationsDatabaseIsRefusedAndLeftByteForByte() throws {
        let w = try work()
        for setup in ["CREATE TABLE customers(id INTEGER, name TEXT); INSERT INTO customers VALUES(1, 'Ada');",
                      "CREATE TABLE customers(id INTEGER); PRAGMA user_version = 7;",
                      "PRAGMA application_id = 42;"] {
            let path = w + "/app-\(UUID().uuidString).db"
            try Connection(path: path).execute(setup)
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            let r = try run(w, db: path, ["--quiet"])
            #expect(r.status == 1, "\(setup)")
            #expect(r.stderr.contains("not a restock store"), "\(r.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "\(setup)")
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        }
    }

    @Test func aNewStoreCarriesRestocksApplicationId() throws {
        let w = try work()
        #expect(try run(w, ["--quiet"]).status == 0)
        #expect(try Connection(path: w + "/s.sqlite").scalarInt("PRAGMA application_id") == StoreIdentity.applicationID)
    }

    // MARK: 4. options

    @Test(arguments: ["a\tb", "a\u{01}b", "a\u{85}b", "a\u{2028}b", "a\u{9B}b"])
    func aSubjectWithAControlCharacterFailsBeforeAnythingChanges(_ subject: String) throws {
        let w = try work()
        let r = try run(w, ["--email", "--to", "a@example.com", "--subject", subject])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--subject may not contain line breaks, tabs or other control characters"))
        #expect(!FileManager.default.fileExists(atPath: w + "/s.sqlite"))
    }

    @Test(arguments: [["--from", "shop@example.com"], ["--subject", "Stock"], ["--to", "a@example.com"]])
    func anEmailOptionWithoutEmailIsRefusedNotIgnored(_ option: [String]) throws {
        let w = try work()
        let r = try run(w, option)
        #expect(r.status == 2)
        #expect(r.stderr.contains("\(option[0]) is only used with --email"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: w + "/s.sqlite"))
    }

    // MARK: 6. a damaged store

    @Test func aDamagedStoreIsCheckedAndTheMessageSaysWhatToDo() throws {
        let w = try work()
        #expect(try run(w, ["--quiet"]).status == 0)
        try Connection(path: w + "/s.sqlite").execute("PRAGMA wal_checkpoint(TRUNCATE)")
        // Overwrite every page after the first (the header and schema stay) with garbage.
        let url = URL(fileURLWithPath: w + "/s.sqlite")
        var bytes = try Data(contentsOf: url)
        var random = SplitMix64(state: 11)
        for i in 16_384..<bytes.count where i % 16_384 >= 100 { bytes[i] = UInt8(truncatingIfNeeded: random.next()) }
        try bytes.write(to: url)
        let r = try run(w, ["--quiet", "--reload"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("is damaged"), "\(r.stderr)")
        #expect(r.stderr.contains("restore the store from your backup (README, \"Backing up the store\")"))
        #expect(!r.stderr.contains("sqlite error 11"))
        // Damage reaching into the first page stops the check itself: said in words too.
        var early = try Data(contentsOf: url)
        for i in 4_096..<early.count { early[i] = UInt8(truncatingIfNeeded: random.next()) }
        try early.write(to: URL(fileURLWithPath: w + "/early.sqlite"))
        let first = try run(w, db: w + "/early.sqlite", ["--quiet", "--reload"])
        #expect(first.status == 1)
        #expect(first.stderr.contains("damaged") && !first.stderr.contains("sqlite error"), "\(first.stderr)")
        // The reading commands meet it with the same check and words, the store named.
        for command in [["history"], ["sku", "SKU-000014", "--as-of", Self.asOf], ["replay", "--as-of", Self.asOf, "--out", w + "/RR"]] {
            let read = try runRestock(command + ["--db", w + "/s.sqlite"])
            #expect(read.status == 1, "\(command[0]): \(read.stderr)")
            #expect(read.stderr.contains("the store '\(w)/s.sqlite' is damaged") && read.stderr.contains("PRAGMA quick_check"),
                    "\(command[0]): \(read.stderr)")
        }
    }

    // MARK: 7. a correction that keeps name, size and modification time

    @Test func aSameSizeSameTimeCorrectionIsReadAgain() throws {
        let w = try work()
        let orders = w + "/data/orders.csv"
        // 20,000 more lines make the file about 1 MB, so that its middle is far from both ends.
        let padding = (1...20_000).map { "P-\($0),1,2026-11-20T10:00:00Z,SKU-0000\(10 + $0 % 20),1,10,paid" }
        try append(padding.joined(separator: "\n"), to: orders)
        #expect(try run(w, ["--quiet"]).status == 0)
        // Change one quantity digit in the middle of the file, then give it back its mtime.
        try FileManager.default.copyItem(atPath: orders, toPath: w + "/mtime-reference")
        var lines = text(orders).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let middle = lines.count / 2
        var cells = lines[middle].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let quantity = cells[4]
        cells[4] = quantity == "9" ? "8" : (quantity.count == 1 ? "9" : String(quantity.dropLast()) + (quantity.last == "9" ? "8" : "9"))
        lines[middle] = cells.joined(separator: ",")
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: orders))
        #expect(EnvironmentFaultTests.shell("touch -r '\(w)/mtime-reference' '\(orders)'") == 0)
        let r = try run(w, ["--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let files = try summary(w)["files"] as! [[String: Any]]
        let counts = try #require(files.first { $0["file"] as? String == "orders.csv" })
        #expect(counts["unchanged_since_ingest"] == nil)
        #expect(counts["rows_replaced"] as? Int == 1)
    }

    // MARK: 8. case packs

    @Test func aCasePackOfABillionKeepsARiseOfOneAndOneOf1e19IsRefusedAsTooLarge() throws {
        let w = try work()
        #expect(try run(w, ["--quiet"]).status == 0)
        let recommended = try #require(try skus(w)["SKU-000001"]?["reorder_point"].flatMap(Double.init))
        // Products rewritten: SKU-000001 has a reorder point one below the recommended one and
        // packs of 10^9; SKU-000002 packs of 10^19.
        let products = text(w + "/data/products.csv")
        let reader = CSVReader(bytes: Array(products.utf8), fileName: "products.csv")
        var header: [String] = [], fields: [String] = []
        _ = try reader.next(into: &header)
        let rop = try #require(header.firstIndex(of: "reorder_point")), pack = try #require(header.firstIndex(of: "case_pack"))
        var out = [header.joined(separator: ",")]
        while try reader.next(into: &fields) != nil {
            if fields[0] == "SKU-000001" { fields[rop] = CSVWriter.format(recommended - 1); fields[pack] = "1000000000" }
            if fields[0] == "SKU-000002" { fields[pack] = "1e19" }
            out.append(fields.map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: ","))
        }
        try Data((out.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: w + "/data/products.csv"))
        let r = try run(w, ["--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try skus(w)["SKU-000001"]?["reorder_point_increase"] == "1000000000")
        #expect(text("\(w)/R/\(Self.asOf)/rejects.csv").contains("case_pack must be at most 1,000,000,000 units (README, Limits), got \"\"1e19\"\""))
    }

    // MARK: 9. stale data

    @Test func anAsOfYearsAfterTheDataSaysSoAndExitsZero() throws {
        let w = try work()
        let r = try run(w, asOf: "2030-01-01")
        #expect(r.status == 0, "\(r.stderr)")
        let note = "the newest order line is from 2026-12-01, outside the 365-day window, 1127 days before as-of 2030-01-01"
        #expect(r.stderr.contains(note))
        #expect(text(w + "/R/2030-01-01/report.html").contains("Stale data: " + note))
        #expect(try summary(w, asOf: "2030-01-01")["stale_data"] as? String != nil)
        // --quiet silences progress, not this: a nightly job's stderr is what cron mails.
        let quiet = try run(w, asOf: "2030-01-01", ["--quiet"])
        #expect(quiet.stderr.hasPrefix("note: " + note), "\(quiet.stderr)")
        #expect(quiet.stderr.split(separator: "\n").count == 1, "only the note: \(quiet.stderr)")
        // Data that ends the day before as-of gives no note.
        let fresh = try run(w, asOf: "2026-12-02")
        #expect(!fresh.stderr.contains("newest order line"))
    }
}

/// Runs the built binary with `arguments`, stopping it (by its process id) after `timeout`
/// seconds; the test then fails, and the result's status is that of the stopped process.
func runRestock(_ arguments: [String], timeout: Double) throws -> ProcessResult {
    let process = Process()
    process.executableURL = try restockBinary()
    process.arguments = arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    try process.run()
    let outBox = DataBox(), errBox = DataBox()
    let group = DispatchGroup()
    for (pipe, box) in [(out, outBox), (err, errBox)] {
        group.enter()
        DispatchQueue.global().async {
            box.data = pipe.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
    }
    if finished.wait(timeout: .now() + timeout) == .timedOut {
        Issue.record("restock \(arguments.first ?? "") did not finish within \(timeout) s")
        process.terminate()
        if finished.wait(timeout: .now() + 5) == .timedOut { kill(process.processIdentifier, SIGKILL) }
    }
    group.wait()
    process.waitUntilExit()
    return ProcessResult(status: process.terminationStatus, stdout: String(decoding: outBox.data, as: UTF8.self),
                         stderr: String(decoding: errBox.data, as: UTF8.self))
}
