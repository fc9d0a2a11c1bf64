import Foundation
import Testing
@testable import RestockApp

/// Faults of the machine rather than the data: each gives exit status 1 with a message that
/// says what to do, leaves the loaded data unchanged and the previous report intact.
@Suite(.serialized) struct EnvironmentFaultTests {
    static let sample = EndToEndTests.sampleData

    /// Whether this machine lets the tests mount a small tmpfs (root, outside a locked-down container).
    static let canMount: Bool = {
        let dir = temporaryFolder("restock-mount-probe")
        let ok = shell("mount -t tmpfs -o size=64k tmpfs '\(dir)' && umount '\(dir)'") == 0
        return ok
    }()

    @discardableResult
    static func shell(_ command: String) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return -1 }
        p.waitUntilExit()
        return p.terminationStatus
    }

    func run(_ work: String, db: String? = nil, out: String? = nil) throws -> ProcessResult {
        try runRestock(["run", "--data", Self.sample, "--db", db ?? work + "/s.sqlite", "--out", out ?? work + "/R",
                        "--as-of", "2026-11-26", "--quiet"])
    }

    @Test func aStoreThatIsNotADatabaseIsRefusedAndLeftAlone() throws {
        let work = temporaryFolder()
        let junk = Data("this is a spreadsheet, not a database\n".utf8) + Data(repeating: 7, count: 8192)
        try junk.write(to: URL(fileURLWithPath: work + "/s.sqlite"))
        let r = try run(work)
        #expect(r.status == 1)
        #expect(r.stderr.contains("is not a restock store"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: work + "/s.sqlite")) == junk)
    }

    @Test func anOutputFolderThatCannotBeCreatedFailsBeforeAnythingChanges() throws {
        let work = temporaryFolder()
        #expect(try run(work).status == 0)
        let before = try storeContents(work + "/s.sqlite")
        try Data("a file where a folder should be".utf8).write(to: URL(fileURLWithPath: work + "/blocked"))
        let r = try run(work, out: work + "/blocked/Reports")
        #expect(r.status == 1)
        #expect(r.stderr.contains("cannot create the report folder"))
        #expect(r.stderr.contains("'\(work)/blocked' is a file, not a folder"), "\(r.stderr)")
        #expect(!r.stderr.contains("NSCocoaErrorDomain"))
        #expect(r.stderr.contains("--out"))
        #expect(try storeContents(work + "/s.sqlite") == before)
    }

    @Test(.enabled(if: canMount, "needs permission to mount a tmpfs"))
    func aFullDiskWhileWritingTheReportKeepsThePreviousReport() throws {
        let work = temporaryFolder()
        let out = work + "/small"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        // Room for one report folder (about 160 KB for SampleData), not for two.
        #expect(Self.shell("mount -t tmpfs -o size=240k tmpfs '\(out)'") == 0)
        defer { Self.shell("umount '\(out)'") }
        #expect(try run(work, out: out).status == 0)
        let report = out + "/2026-11-26/skus.csv"
        let previous = try Data(contentsOf: URL(fileURLWithPath: report))
        let before = try storeContents(work + "/s.sqlite")
        let r = try run(work, out: out)
        #expect(r.status == 1)
        #expect(r.stderr.contains("No space left on device") || r.stderr.contains("free space"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: report)) == previous)
        #expect(try storeContents(work + "/s.sqlite") == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix(".") }.isEmpty)
        // The failed run's figures are not kept either: its files and its rows go together.
        #expect(try dump(work + "/s.sqlite", "SELECT count(*) FROM run_results WHERE run_id = (SELECT max(id) FROM runs)") == [["0"]])
    }

    @Test(.enabled(if: canMount, "needs permission to mount a tmpfs"))
    func aReadOnlyStoreIsReportedWithWhatToDo() throws {
        let work = temporaryFolder()
        let dir = work + "/ro"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        #expect(Self.shell("mount -t tmpfs -o size=8m tmpfs '\(dir)'") == 0)
        defer { Self.shell("umount '\(dir)'") }
        #expect(try run(work, db: dir + "/s.sqlite").status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: dir + "/s.sqlite"))
        #expect(Self.shell("mount -o remount,ro '\(dir)'") == 0)
        let r = try run(work, db: dir + "/s.sqlite")
        #expect(r.status == 1)
        #expect(r.stderr.contains("writable") || r.stderr.contains("read-only") || r.stderr.contains("Read-only"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/s.sqlite")) == before)
    }
}
