import Foundation
import RestockCore
import SQLite

/// The restock store: one SQLite file holding every loaded row, every ingest and every run
/// (README, "The store"). Owns its connection; used on one task.
final class Store {
    let db: Connection
    let path: String

    /// A first load killed halfway leaves its rollback journal (`restock.sqlite-journal`,
    /// `FirstLoadJournal`) beside the store, and only a connection that may write can roll it
    /// back: a reading command (history, sku, rejects, replay) opened read-only would fail with
    /// "cannot write the store". So when such a journal is there and no restock command holds
    /// the store, it is opened for writing once and read, which rolls the journal back (SQLite
    /// does so on the first read); any error is left to the read-only open that follows.
    private static func rollBackInterruptedLoad(_ path: String) {
        guard FileManager.default.fileExists(atPath: path + "-journal"),
              let recovery = try? Connection(path: path, readOnly: false, create: false, busyTimeoutMilliseconds: 2_000)
        else { return }
        _ = try? Migrator.version(of: recovery)
    }

    /// Opens (creating) the store at `path`, switches it to WAL and brings its schema up to date.
    /// A store's first load switches it to a rollback journal for its transaction (`FirstLoadJournal`).
    init(path: String, readOnly: Bool = false) throws(RunError) {
        self.path = path
        do {
            if readOnly && !FileManager.default.fileExists(atPath: path) {
                throw RunError("the store '\(path)' does not exist; run 'restock run' or 'restock ingest' first, or pass --db")
            }
            // A reader waits for a writer at most 2 s while a command holds the store's lock:
            // a first load keeps the store locked until it commits (`FirstLoadJournal`), and
            // the reader says so rather than wait for it.
            let loading = readOnly && RunLock.holder(storePath: path) != nil
            if readOnly && !loading { Self.rollBackInterruptedLoad(path) }
            db = try Connection(path: path, readOnly: readOnly, busyTimeoutMilliseconds: loading ? 2_000 : 30_000)
            // Reading the schema version is the first access: it fails on a file that is not a database.
            _ = try Migrator.version(of: db)
            // Nothing is written to a database that is not restock's.
            try StoreIdentity.check(db, path: path, knownVersion: Schema.migrator.migrations.count)
            if !readOnly {
                // A new store gets 16 KiB pages: bulk loads of millions of short rows run about
                // 15% faster than with the default 4 KiB (measured on 1 million order lines).
                if try Migrator.version(of: db) == 0 {
                    try db.execute("PRAGMA page_size=16384")
                }
                try db.enableWAL()
                try Self.migrate(db)
                try StoreIdentity.mark(db)
                // A store from before the digests (schema 2) counts its rows once.
                if try db.scalarText("SELECT value FROM meta WHERE key='digests'") != nil {
                    try db.transaction {
                        try DigestWriter(db).rebuildAll()
                        try db.execute("DELETE FROM meta WHERE key='digests'")
                    }
                }
            }
            // A 64 MiB page cache (a negative size is in KiB) for the ingest's writes; a run
            // shrinks it before reading the digests.
            try db.execute("PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536")
        } catch let error as RunError {
            throw error
        } catch let error as SQLiteError {
            throw RunError.store(path, error)
        } catch {
            throw RunError("cannot open the store '\(path)': \(error)")
        }
    }

    /// Brings the schema up to date. An existing store's migrations run through a rollback
    /// journal, as a first load does (`FirstLoadJournal`), and the store returns to WAL after
    /// them: a migration that copies tables (schema 9) then writes each new page once, beyond
    /// the file's old end where the journal keeps nothing, instead of once into the
    /// write-ahead log and again into the file. When another connection has the store open
    /// the switch is refused and the migrations go through the write-ahead log.
    private static func migrate(_ db: Connection) throws {
        let version = try Migrator.version(of: db)
        let journal = FirstLoadJournal(db, rollback: version > 0 && version < Schema.migrator.migrations.count)
        defer { journal.restoreWAL() }
        try Schema.migrator.migrate(db)
    }

    /// Refuses a store a reading command cannot read, with what to do: an empty database
    /// (no restock command has written it), and, when the command computes figures
    /// (`newestSchema`: `restock sku` and `restock replay` read the newest schema's tables and
    /// columns), a store written by an older restock and not yet opened for writing (an older
    /// schema, or a store from before the per-SKU digests). `history` and `rejects` read any
    /// schema.
    func requireReadable(newestSchema: Bool) throws {
        let version = try Migrator.version(of: db)
        let newest = Schema.migrator.migrations.count
        if version == 0 {
            throw RunError("the store '\(path)' holds nothing yet: run 'restock run' or 'restock ingest' first")
        }
        guard newestSchema else { return }
        let digestsBuilt = version >= 2 ? try db.scalarText("SELECT value FROM meta WHERE key='digests'") == nil : false
        guard version == newest && digestsBuilt else {
            if let holder = RunLock.holder(storePath: path) {
                throw RunError("the store '\(path)' was written by an older restock and another restock command holds it now (\(holder)), which brings it up to date: ask again when it has finished")
            }
            throw RunError("the store '\(path)' was written by an older restock (its schema is \(version), this restock's \(newest)): the next 'restock run' brings it up to date, or 'restock report' run once now, which reads no data files ('restock history' and 'restock rejects' read it as it is)")
        }
    }

    /// Copies the write-ahead log into the database file on a second connection and thread
    /// (a passive checkpoint: it never blocks readers or the writer), so that a run does not
    /// wait for it. The run turns automatic checkpoints off on its own connection first.
    func checkpointInBackground() -> BackgroundWork<Void> {
        let path = self.path
        return BackgroundWork {
            let db = try Connection(path: path, busyTimeoutMilliseconds: 30_000)
            try db.execute("PRAGMA wal_checkpoint(PASSIVE)")
        }
    }

    /// The time zone the store's days were computed in, recorded on first load.
    func storedTimeZone() throws -> String? {
        try db.scalarText("SELECT value FROM meta WHERE key='time_zone'")
    }

    /// Records the time zone on first use, and refuses a different one later: stored days
    /// would otherwise mean different calendar days.
    func checkTimeZone(_ timeZone: String) throws {
        if let stored = try storedTimeZone() {
            if stored != timeZone {
                throw UsageError("the store '\(path)' was loaded with --time-zone \(stored); use --time-zone \(stored), or a new --db for \(timeZone)")
            }
        } else {
            try db.transaction {
                let s = try db.prepare("INSERT INTO meta(key, value) VALUES('time_zone', ?)")
                try s.bind([.text(timeZone)])
                try s.run()
            }
        }
    }
}

extension RunError {
    /// A store failure in words a user can act on.
    static func store(_ path: String, _ error: SQLiteError) -> RunError {
        if error.isNotADatabase {
            return RunError("'\(path)' is not a restock store (not an SQLite database); pass another --db, or move the file away. If it was your restock store, it is damaged: \(StoreHealth.advice)")
        }
        if error.isCorrupt {
            return StoreHealth.damaged(path, error)
        }
        if error.isReadOnlyOrCannotOpen {
            return RunError("cannot write the store '\(path)' (\(error.message)); check that the file and its folder are writable, or pass another --db")
        }
        if error.isBusy {
            if let loading = RunLock.holder(storePath: path) {
                return RunError("the store '\(path)' is locked by another restock command loading it now (\(loading)): a first load keeps the store to itself until it has committed; ask again when it has finished")
            }
            return RunError("the store '\(path)' is locked by another process; try again when it finishes")
        }
        if error.isDiskFull {
            return RunError("the disk holding the store '\(path)' is full; free space and run again (nothing was changed)")
        }
        return RunError("store '\(path)': \(error)")
    }
}
