import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import RestockApp
import SQLite

/// Two commands on one store at once (README, "The store"): the second fails clearly, never
/// corrupts.
@Suite(.serialized) struct ConcurrencyTests {
    @Test func aSecondCommandOnALockedStoreExitsOneNamingTheFirst() throws {
        let work = temporaryFolder()
        let db = work + "/s.sqlite"
        // Hold the store's lock as a running `restock run` would.
        let held = try RunLock(storePath: db, command: "run", waitSeconds: 0)
        let r = try runRestock(["run", "--data", EndToEndTests.sampleData, "--db", db, "--out", work + "/R", "--as-of", "2026-11-26", "--quiet"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("another restock command is using the store"))
        #expect(r.stderr.contains("pid \(ProcessInfo.processInfo.processIdentifier)"))
        #expect(!FileManager.default.fileExists(atPath: work + "/R/2026-11-26"))
        #expect(r.stderr.contains("or pass --wait SECONDS"))
        let ingest = try runRestock(["ingest", EndToEndTests.sampleData, "--db", db, "--quiet"])
        #expect(ingest.status == 1)
        // A wait that runs out says it waited, and does not advise the --wait just given.
        let waited = try runRestock(["ingest", EndToEndTests.sampleData, "--db", db, "--quiet", "--wait", "0.5"])
        #expect(waited.status == 1)
        #expect(waited.stderr.contains("this command waited 0.5 s for it. Try again when it finishes, or pass a longer --wait"), "\(waited.stderr)")
        withExtendedLifetime(held) {}
    }

    @Test func aLockHeldByAnotherProgramIsNotBlamedOnTheLastRestockCommand() throws {
        let work = temporaryFolder()
        let db = work + "/s.sqlite"
        #expect(try runRestock(["ingest", EndToEndTests.sampleData, "--db", db, "--quiet"]).status == 0)
        // A backup holds the lock with flock(1), writing nothing into the file.
        let fd = open(db + ".lock", O_RDWR)
        #expect(fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0)
        defer { flock(fd, LOCK_UN); close(fd) }
        let r = try runRestock(["ingest", EndToEndTests.sampleData, "--db", db, "--quiet"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("held by a program that is not a running restock command, such as a backup under flock"), "\(r.stderr)")
        #expect(!r.stderr.contains("'ingest' started"))
    }

    @Test func historyShowsARunLeftRunningByADeadProcessAsInterrupted() throws {
        let work = temporaryFolder()
        let db = work + "/s.sqlite"
        #expect(try runRestock(["ingest", EndToEndTests.sampleData, "--db", db, "--quiet"]).status == 0)
        // A run row left `running`, as a `kill -9` leaves it.
        try Connection(path: db).execute("UPDATE runs SET outcome='running', message=NULL")
        let dead = try runRestock(["history", "--db", db])
        #expect(dead.stdout.contains("  interrupted (its process ended before the run finished"), "\(dead.stdout)")
        // While a command holds the store, its run is running.
        let held = try RunLock(storePath: db, command: "run", waitSeconds: 0)
        let alive = try runRestock(["history", "--db", db])
        #expect(alive.stdout.contains("  running  ") && !alive.stdout.contains("interrupted"), "\(alive.stdout)")
        withExtendedLifetime(held) {}
    }

    @Test func waitLetsTheSecondCommandRunOnceTheFirstEnds() throws {
        let work = temporaryFolder()
        let db = work + "/s.sqlite"
        var held: RunLock? = try RunLock(storePath: db, command: "run", waitSeconds: 0)
        // The child starts while the lock is held, waits, and runs once it is released.
        let process = Process()
        process.executableURL = try restockBinary()
        process.arguments = ["ingest", EndToEndTests.sampleData, "--db", db, "--quiet", "--wait", "30"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 1.0)
        #expect(process.isRunning)
        held = nil
        _ = held
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func skuDuringALoadSaysTheStoreIsBeingLoaded() throws {
        let work = temporaryFolder()
        let db = work + "/s.sqlite"
        #expect(try runRestock(["ingest", EndToEndTests.sampleData, "--db", db, "--quiet"]).status == 0)
        // Another command holds the store, as a first ingest of a new export would.
        var held: RunLock? = try RunLock(storePath: db, command: "ingest", waitSeconds: 0)
        let missing = try runRestock(["sku", "NOT-YET-LOADED", "--db", db, "--as-of", "2026-11-26"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("is not in the store as last committed, and another restock command is loading the store now"))
        #expect(missing.stderr.contains("pid \(ProcessInfo.processInfo.processIdentifier)"))
        let known = try runRestock(["sku", "SKU-000001", "--db", db, "--as-of", "2026-11-26"])
        #expect(known.status == 0)
        #expect(known.stderr.contains("note: another restock command is loading the store now"))
        _ = held
        held = nil
        let after = try runRestock(["sku", "SKU-000001", "--db", db, "--as-of", "2026-11-26"])
        #expect(after.status == 0)
        #expect(!after.stderr.contains("loading the store now"))
    }

    @Test func skuDuringAFirstLoadSaysTheStoreIsBeingLoaded() throws {
        let work = temporaryFolder()
        let db = work + "/s.sqlite"
        // A store with its schema and no order line, then held as its first load holds it:
        // the run's lock, a rollback journal and, once the load's pages leave the cache, the
        // exclusive lock until it commits.
        #expect(try runRestock(["ingest", EndToEndTests.sampleData + "/products.csv", "--db", db, "--quiet"]).status == 0)
        var held: RunLock? = try RunLock(storePath: db, command: "ingest", waitSeconds: 0)
        var load: Connection? = try Connection(path: db)
        #expect(try load?.enableRollbackJournal() == true)
        try load?.execute("BEGIN EXCLUSIVE")
        let started = Date()
        let during = try runRestock(["sku", "SKU-000001", "--db", db, "--as-of", "2026-11-26"])
        #expect(during.status == 1)
        #expect(during.stderr.contains("is locked by another restock command loading it now (pid \(ProcessInfo.processInfo.processIdentifier)"))
        #expect(during.stderr.contains("ask again when it has finished"))
        // The reader gives up after 2 s, not the 30 s it waits for a writer otherwise.
        #expect(Date().timeIntervalSince(started) < 20)
        try load?.execute("ROLLBACK")
        load = nil
        held = nil
        _ = (held, load)
        let after = try runRestock(["sku", "SKU-000001", "--db", db, "--as-of", "2026-11-26"])
        #expect(!after.stderr.contains("locked"))
    }
}
