import Foundation
import Testing
@testable import RestockApp
import SQLite

/// README, "Bad rows, keys and loading again": an unchanged file is not loaded again, and one
/// that nothing has written since an earlier ingest fingerprinted it is not even read to prove
/// it; a rewrite that keeps the name, size and modification time is still read again.
@Suite struct UnchangedFilesTests {
    let db = temporaryFolder() + "/restock.sqlite"
    static let orders = "order_id,ordered_at,sku,quantity\nO1,2026-11-20,A,2\n"
    /// The same size as `orders`, one quantity changed.
    static let corrected = "order_id,ordered_at,sku,quantity\nO1,2026-11-20,A,3\n"

    /// The ingest stage on `dir`, begun `afterChange` seconds after orders.csv last changed
    /// (instead of now): 3 s stands for a file left alone, 0.5 s for one just written.
    private func ingest(_ dir: String, afterChange seconds: Double, reload: Bool = false) throws -> IngestStage.Result {
        let store = try Store(path: db)
        try store.checkTimeZone("UTC")
        let files = try InputFile.collect([dir])
        let changed = try #require(files.first { $0.name == "orders.csv" }).changedNanoseconds
        var stage = IngestStage(files: files, timeZone: TimeZone(identifier: "UTC")!, reload: reload, runId: nil)
        stage.startNanoseconds = changed + Int64(seconds * 1e9)
        return try stage.run(store: store, progress: Progress(quiet: true))
    }

    /// The file's modification time to the nanosecond, and a way to put it back exactly.
    private func modified(_ path: String) -> timespec {
        var st = stat()
        _ = stat(path, &st)
        return st.st_mtim
    }

    private func restore(_ path: String, modified: timespec) throws {
        var st = stat()
        _ = stat(path, &st)
        var times = [st.st_atim, modified]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        let now = self.modified(path)
        #expect((now.tv_sec, now.tv_nsec) == (modified.tv_sec, modified.tv_nsec))
    }

    /// Whether the temporary folders are on a file system whose change times restock trusts
    /// (`InputFile.localFileSystems`); elsewhere every file is read, and the test that a file
    /// is known unchanged unread cannot run.
    static let trustsTemporaryFolders: Bool = {
        let dir = dataFolder(["orders.csv": orders])
        return (try? InputFile.collect([dir]).first?.fileID.isEmpty == false) ?? false
    }()

    @Test(.enabled(if: trustsTemporaryFolders, "the temporary folder is not on ext4, XFS, Btrfs, tmpfs, ZFS, F2FS or overlayfs: every file is read there"))
    func aFileNothingHasWrittenSinceItWasFingerprintedIsKnownUnchangedWithoutReadingIt() throws {
        let dir = dataFolder(["orders.csv": Self.orders])
        let first = try ingest(dir, afterChange: 3)
        #expect(first.totals.rowsNew == 1)
        #expect(try dump(db, "SELECT changed_ns IS NOT NULL, file_id IS NOT NULL FROM ingests") == [["1", "1"]])
        let second = try ingest(dir, afterChange: 3)
        let counts = try #require(second.files.first)
        #expect(counts.unchangedSinceIngest == 1)
        #expect(counts.unchangedUnread)
        #expect(counts.rowsRead == 0)
        // The fingerprint recorded is the content's, as if it had been read.
        let file = try #require(try InputFile.collect([dir]).first)
        #expect(try dump(db, "SELECT fingerprint FROM ingests ORDER BY id") == [[try file.fingerprint()], [try file.fingerprint()]])
    }

    @Test func aRewriteThatKeepsSizeAndModificationTimeToTheNanosecondIsReadAgain() throws {
        let dir = dataFolder(["orders.csv": Self.orders])
        _ = try ingest(dir, afterChange: 3)
        let path = dir + "/orders.csv"
        let before = modified(path)
        try Data(Self.corrected.utf8).write(to: URL(fileURLWithPath: path))
        try restore(path, modified: before)
        #expect(try dump(db, "SELECT modified_ns FROM ingests") == [["\(before.nanoseconds)"]])
        let again = try ingest(dir, afterChange: 3)
        let counts = try #require(again.files.first)
        #expect(counts.unchangedSinceIngest == nil)
        #expect(!counts.unchangedUnread)
        #expect((counts.rowsRead, counts.rowsReplaced) == (1, 1))
        #expect(try dump(db, "SELECT quantity FROM order_lines") == [["3.0"]])
    }

    @Test func aCorrectedFileRenamedIntoPlaceWithTheSameSizeAndTimeIsReadAgain() throws {
        let dir = dataFolder(["orders.csv": Self.orders])
        _ = try ingest(dir, afterChange: 3)
        let path = dir + "/orders.csv", staged = dir + "/staged.tmp"
        let before = modified(path)
        try Data(Self.corrected.utf8).write(to: URL(fileURLWithPath: staged))
        try restore(staged, modified: before)
        #expect(rename(staged, path) == 0)
        let again = try ingest(dir, afterChange: 3)
        let counts = try #require(again.files.first)
        #expect(counts.unchangedSinceIngest == nil)
        #expect((counts.rowsRead, counts.rowsReplaced) == (1, 1))
    }

    @Test func aFileChangedMomentsBeforeTheIngestIsReadToProveItUnchanged() throws {
        let dir = dataFolder(["orders.csv": Self.orders])
        _ = try ingest(dir, afterChange: 0.5)
        #expect(try dump(db, "SELECT changed_ns, file_id FROM ingests") == [["NULL", "NULL"]])
        let second = try ingest(dir, afterChange: 3)
        let counts = try #require(second.files.first)
        #expect(counts.unchangedSinceIngest == 1)
        #expect(!counts.unchangedUnread)
    }

    @Test func reloadReadsAFileEvenWhenItIsKnownUnchanged() throws {
        let dir = dataFolder(["orders.csv": Self.orders])
        _ = try ingest(dir, afterChange: 3)
        let reloaded = try ingest(dir, afterChange: 3, reload: true)
        let counts = try #require(reloaded.files.first)
        #expect(counts.unchangedSinceIngest == nil && !counts.unchangedUnread)
        #expect((counts.rowsRead, counts.duplicates) == (1, 1))
    }

    /// Hand-worked: a change 2 s or more before the ingest began is settled; one later is not,
    /// nor a change time of 0 (unknown).
    @Test func aChangeTimeVouchesOnlyForAFileLeftAloneTwoSecondsBeforeTheIngest() {
        let start: Int64 = 1_800_000_000_000_000_000
        #expect(IngestLedger.settled(changedNanoseconds: start - 2_000_000_000, startNanoseconds: start))
        #expect(IngestLedger.settled(changedNanoseconds: start - 86_400_000_000_000, startNanoseconds: start))
        #expect(!IngestLedger.settled(changedNanoseconds: start - 1_999_999_999, startNanoseconds: start))
        #expect(!IngestLedger.settled(changedNanoseconds: start + 1, startNanoseconds: start))
        #expect(!IngestLedger.settled(changedNanoseconds: 0, startNanoseconds: start))
    }

    /// A file on a file system restock does not trust for change times (here: one that says
    /// it is none of them) keeps no identity, and so is always read to prove it unchanged.
    @Test func aFileOnAnUntrustedFileSystemIsAlwaysReadToProveItUnchanged() throws {
        #expect(!InputFile.localFileSystems.contains(0x6969))        // NFS
        #expect(!InputFile.localFileSystems.contains(0x6573_5546))   // FUSE (sshfs, rclone)
        #expect(!InputFile.localFileSystems.contains(0xFE53_4D42))   // SMB2
        #expect(InputFile.localFileSystems.contains(0xEF53))         // ext4
        var file = try #require(try InputFile.collect([dataFolder(["orders.csv": Self.orders])]).first)
        file.fileID = ""
        #expect(try !file.fingerprinted().asScanned)
    }
}
