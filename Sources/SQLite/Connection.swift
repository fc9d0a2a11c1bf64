internal import CSQLite
import Foundation

/// One open SQLite database file: the only owner of a `sqlite3*` handle.
///
/// Wraps <https://www.sqlite.org/c3ref/open.html>. Not `Sendable`: a connection is used by
/// the task that opened it; values that cross tasks are plain `Sendable` structs.
public final class Connection {
    let handle: OpaquePointer
    /// The path the connection was opened with.
    public let path: String

    /// Opens (creating when `create` is true) the database at `path`, sets a busy timeout,
    /// and turns on foreign keys. WAL is set by `enableWAL()`.
    public init(path: String, readOnly: Bool = false, create: Bool = true, busyTimeoutMilliseconds: Int32 = 5_000) throws(SQLiteError) {
        var db: OpaquePointer?
        // NOMUTEX: a connection is used by one thread at a time (it is not Sendable).
        var flags = SQLITE_OPEN_NOMUTEX
        if readOnly {
            flags |= SQLITE_OPEN_READONLY
        } else {
            flags |= SQLITE_OPEN_READWRITE
            if create { flags |= SQLITE_OPEN_CREATE }
        }
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            if let db { sqlite3_close_v2(db) }
            throw SQLiteError(code: rc, message: message)
        }
        sqlite3_extended_result_codes(db, 1)
        self.handle = db
        self.path = path
        sqlite3_busy_timeout(db, busyTimeoutMilliseconds)
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Switches the journal to WAL (<https://www.sqlite.org/wal.html>) with `synchronous=NORMAL`,
    /// which keeps every committed transaction through a crash of the process and stays
    /// consistent through power loss.
    public func enableWAL() throws(SQLiteError) {
        try execute("PRAGMA journal_mode=WAL")
        try execute("PRAGMA synchronous=NORMAL")
    }

    /// Switches the journal to a rollback journal (`journal_mode=DELETE`,
    /// <https://www.sqlite.org/lockingv3.html#rollback>) with `synchronous=FULL`, as crash-safe
    /// as WAL; returns false (and leaves the journal as it was) when SQLite answers with
    /// another mode. Throws "database is locked" while another connection has the database
    /// open in WAL mode (SQLite needs it to itself to change the journal).
    public func enableRollbackJournal() throws(SQLiteError) -> Bool {
        guard try scalarText("PRAGMA journal_mode=DELETE") == "delete" else { return false }
        try execute("PRAGMA synchronous=FULL")
        return true
    }

    /// Runs one or more statements that return no rows we need
    /// (<https://www.sqlite.org/c3ref/exec.html>).
    public func execute(_ sql: String) throws(SQLiteError) {
        var err: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &err)
        if rc != SQLITE_OK {
            let message = err.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(err)
            throw SQLiteError(code: sqlite3_extended_errcode(handle), message: message, sql: sql)
        }
    }

    /// Compiles a statement (<https://www.sqlite.org/c3ref/prepare.html>).
    public func prepare(_ sql: String) throws(SQLiteError) -> Statement {
        try Statement(connection: self, sql: sql)
    }

    /// Runs `body` inside `BEGIN IMMEDIATE ... COMMIT`; rolls back when it throws.
    ///
    /// `IMMEDIATE` takes the write lock at the start, so two writers never deadlock halfway.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE (<https://www.sqlite.org/c3ref/changes.html>).
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// The rowid of the last inserted row.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// The first column of the first row of `sql`, as an integer (nil when no row or NULL).
    public func scalarInt(_ sql: String, _ bindings: [SQLValue] = []) throws(SQLiteError) -> Int64? {
        let statement = try prepare(sql)
        try statement.bind(bindings)
        guard try statement.step() else { return nil }
        return statement.isNull(0) ? nil : statement.int64(0)
    }

    /// The first column of the first row of `sql`, as text.
    public func scalarText(_ sql: String, _ bindings: [SQLValue] = []) throws(SQLiteError) -> String? {
        let statement = try prepare(sql)
        try statement.bind(bindings)
        guard try statement.step() else { return nil }
        return statement.text(0)
    }

    func error(sql: String?) -> SQLiteError {
        SQLiteError(code: sqlite3_extended_errcode(handle), message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }
}

@available(*, unavailable)
extension Connection: Sendable {}
