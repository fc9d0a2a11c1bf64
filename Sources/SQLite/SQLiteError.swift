internal import CSQLite

/// An error reported by SQLite: its result code, message and the SQL that failed.
///
/// See <https://www.sqlite.org/rescode.html>.
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    /// The (extended) SQLite result code.
    public let code: Int32
    /// SQLite's message.
    public let message: String
    /// The statement that failed, when there was one.
    public let sql: String?

    public init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// The primary result code (the low byte of the extended code).
    public var primaryCode: Int32 { code & 0xFF }

    /// Whether another connection holds the lock (`SQLITE_BUSY` or `SQLITE_LOCKED`).
    public var isBusy: Bool { primaryCode == SQLITE_BUSY || primaryCode == SQLITE_LOCKED }
    /// Whether the file is not a database (`SQLITE_NOTADB`).
    public var isNotADatabase: Bool { primaryCode == SQLITE_NOTADB }
    /// Whether the database or its folder is read-only (`SQLITE_READONLY`) or cannot be opened (`SQLITE_CANTOPEN`).
    public var isReadOnlyOrCannotOpen: Bool { primaryCode == SQLITE_READONLY || primaryCode == SQLITE_CANTOPEN }
    /// Whether SQLite found the database damaged (`SQLITE_CORRUPT`) or not a database at all
    /// (`SQLITE_NOTADB`, also what a damaged first page gives).
    public var isCorrupt: Bool { primaryCode == SQLITE_CORRUPT || primaryCode == SQLITE_NOTADB }
    /// Whether the disk is full (`SQLITE_FULL`).
    public var isDiskFull: Bool { primaryCode == SQLITE_FULL }

    public var description: String {
        if let sql { return "sqlite error \(code): \(message) (in: \(sql.prefix(120)))" }
        return "sqlite error \(code): \(message)"
    }
}
