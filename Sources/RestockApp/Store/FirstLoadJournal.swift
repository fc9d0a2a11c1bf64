import SQLite

/// The journal a first load writes through (README, "The store"; ARCHITECTURE.md, "The store"),
/// and an upgrade's migrations too (`Store.migrate`).
///
/// In WAL mode every page is written twice: to the `-wal` file, then copied into the database
/// by a checkpoint. A rollback journal keeps only the old content of pages the transaction
/// changes, and pages past the database's size at its start have none: a load into a store
/// without order lines writes each of its pages once. So the ingest of such a store runs with
/// a rollback journal and switches back to WAL once it has committed or rolled back; a night's
/// ingest, which mostly changes pages that exist, stays in WAL.
///
/// The switch needs the store's connection to be the only one open: the ingest comes before
/// the run opens its checkpoint connection.
final class FirstLoadJournal {
    private let db: Connection
    /// Whether the load writes through a rollback journal.
    let isRollback: Bool

    /// Switches `db` to a rollback journal when its order_lines table is empty; stays in WAL
    /// otherwise, or when the switch cannot be made: another connection that has the store
    /// open (a `restock sku`, an SQLite shell) makes SQLite refuse it as "locked", and the
    /// load then goes through the write-ahead log as any other.
    convenience init(_ db: Connection) throws {
        self.init(db, rollback: try db.scalarInt("SELECT NOT EXISTS (SELECT 1 FROM order_lines)") == 1)
    }

    /// Switches `db` to a rollback journal when `rollback` says so and the switch can be made
    /// (see above); also for an upgrade's migrations, which copy whole tables into new pages
    /// (`Store.migrate`).
    init(_ db: Connection, rollback: Bool) {
        self.db = db
        isRollback = rollback ? ((try? db.enableRollbackJournal()) ?? false) : false
    }

    /// Back to WAL, the store's journal between loads (`Store.init`). Called after the load's
    /// transaction ended. Should it fail (a reader holding the store for longer than the busy
    /// timeout), the load has still committed and the store is consistent, only in the
    /// rollback journal: the run goes on, and the next command that opens the store for
    /// writing switches it back. Returns whether the store is in WAL again.
    @discardableResult
    func restoreWAL() -> Bool {
        guard isRollback else { return true }
        return (try? db.enableWAL()) != nil
    }
}
