import Foundation
import SQLite

/// A damaged store in words a user can act on (README, "Backing up the store").
///
/// SQLite reports damage as `SQLITE_CORRUPT` or `SQLITE_NOTADB`; when an open or a statement
/// fails so, the store is checked with `PRAGMA quick_check`
/// (<https://www.sqlite.org/pragma.html#pragma_quick_check>) on a connection of its own, and
/// the message says what it found and what to do.
enum StoreHealth {
    /// What to do about a damaged store.
    static let advice = "restore the store from your backup (README, \"Backing up the store\"), or rebuild it: move the damaged file away and run with a new --db over all the exports"

    /// At most `limit` problems `PRAGMA quick_check` finds in the store at `path`; empty when it
    /// finds none; one line saying why when it cannot run at all.
    static func quickCheck(path: String, limit: Int = 3) -> [String] {
        do {
            let db = try Connection(path: path, readOnly: true, create: false, busyTimeoutMilliseconds: 5_000)
            let s = try db.prepare("PRAGMA quick_check(\(limit))")
            var lines: [String] = []
            while try s.step() { lines.append(s.text(0) ?? "") }
            return lines == ["ok"] ? [] : lines
        } catch {
            // In SQLite's words, not its code: damage in the first page stops the check too.
            return ["it could not run (\(error.message))"]
        }
    }

    /// `error` as it is, or the damaged-store error when it is SQLite reporting damage.
    static func explained(_ error: Error, path: String) -> Error {
        guard let e = error as? SQLiteError, e.isCorrupt else { return error }
        return damaged(path, e)
    }

    /// The error for a store that SQLite found damaged while `error` was reported.
    static func damaged(_ path: String, _ error: SQLiteError) -> RunError {
        let found = quickCheck(path: path)
        let check = found.isEmpty ? "PRAGMA quick_check found nothing more"
            : "PRAGMA quick_check: " + found.joined(separator: "; ").replacingOccurrences(of: "\n", with: "; ")
        return RunError("the store '\(path)' is damaged (sqlite: \(error.message); \(check)). Nothing more was written. To go on, \(advice)")
    }
}
