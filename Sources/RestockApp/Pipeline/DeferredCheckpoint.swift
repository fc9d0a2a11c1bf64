/// Copies the ingest's write-ahead log into the database while the numbers are computed,
/// not when the ingest commits.
///
/// In WAL mode SQLite copies the log into the database file (a checkpoint) when a commit
/// leaves it large: after a big ingest that is seconds of writing on the run's path. The run
/// turns automatic checkpoints off on its connection, then, once the ingest committed,
/// starts a passive checkpoint on a second connection and thread (`Store.
/// checkpointInBackground`), which never blocks the reading that follows; it is waited for
/// at the end of the run.
final class DeferredCheckpoint {
    private let store: Store
    private var work: BackgroundWork<Void>?

    /// Turns automatic checkpoints off on the store's connection.
    init(_ store: Store) throws {
        self.store = store
        try store.db.execute("PRAGMA wal_autocheckpoint=0")
    }

    /// Starts the checkpoint in the background.
    func start() {
        work = store.checkpointInBackground()
    }

    /// Waits for a started checkpoint. A failed one is not an error of the run: the log is
    /// still valid, and the next connection checkpoints it.
    func wait() {
        _ = try? work?.wait()
        Trace.mark("checkpoint done")
    }
}
