import SQLite

/// Whether an SQLite file is a restock store, decided before anything is written to it
/// (README, "Reliability"): another application's database is refused in words, without a
/// table added or its journal mode changed.
///
/// A restock store is an empty database (a new store), or one whose `user_version` is a
/// schema version this restock knows and which holds the tables of schema 1. Stores made
/// by this version also carry restock's `application_id`; older ones get it on their next
/// write. Any other `application_id` is another application's.
enum StoreIdentity {
    /// restock's `PRAGMA application_id`: the ASCII letters "RSTK".
    static let applicationID: Int64 = 0x5253_544B

    /// The tables every restock store has had since schema 1.
    static let tables = ["meta", "runs", "stages", "ingests", "rejects", "order_lines", "backorders", "products",
                         "receipts", "run_results"]

    /// Throws a `RunError` naming what makes the database at `path` not a restock store.
    static func check(_ db: Connection, path: String, knownVersion: Int) throws -> Void {
        let application = try db.scalarInt("PRAGMA application_id") ?? 0
        let version = try Migrator.version(of: db)
        var names: [String] = []
        let s = try db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        while try s.step() { names.append(s.text(0) ?? "") }
        let refuse = "; restock leaves it as it is: pass --db with a new file name (or the path of your restock store)"
        if application != 0 && application != applicationID {
            throw RunError("'\(path)' is another application's SQLite database (application_id \(application)), not a restock store\(refuse)")
        }
        if version == 0 {
            guard names.isEmpty else {
                throw RunError("'\(path)' is an SQLite database with other tables (\(list(names))), not a restock store\(refuse)")
            }
            return
        }
        let missing = tables.filter { !names.contains($0) }
        if !missing.isEmpty {
            throw RunError("'\(path)' has user_version \(version) but not restock's tables (missing \(list(missing))), so it is not a restock store\(refuse)")
        }
        if version > knownVersion {
            throw RunError("the store '\(path)' has schema version \(version), newer than this restock knows (\(knownVersion)); use a newer restock, or pass another --db")
        }
    }

    /// Gives a restock store restock's `application_id` (stores of restock 0.2 have none).
    static func mark(_ db: Connection) throws {
        if try db.scalarInt("PRAGMA application_id") != applicationID {
            try db.execute("PRAGMA application_id = \(applicationID)")
        }
    }

    private static func list(_ names: [String]) -> String {
        names.count <= 5 ? names.joined(separator: ", ") : names.prefix(5).joined(separator: ", ") + " and \(names.count - 5) more"
    }
}
