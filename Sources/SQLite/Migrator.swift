/// Creates and upgrades a schema by an ordered list of numbered migrations, each applied
/// once inside its own transaction and recorded in `PRAGMA user_version`
/// (<https://www.sqlite.org/pragma.html#pragma_user_version>).
public struct Migrator: Sendable {
    /// One schema step.
    public struct Migration: Sendable {
        public let version: Int
        public let name: String
        public let sql: String
        public init(version: Int, name: String, sql: String) {
            self.version = version
            self.name = name
            self.sql = sql
        }
    }

    public let migrations: [Migration]

    public init(_ migrations: [Migration]) {
        precondition(migrations.map(\.version) == Array(1...migrations.count), "migrations must be numbered 1...n")
        self.migrations = migrations
    }

    /// The schema version the database has now.
    public static func version(of connection: Connection) throws(SQLiteError) -> Int {
        Int(try connection.scalarInt("PRAGMA user_version") ?? 0)
    }

    /// Applies every migration newer than the database's version; returns how many ran.
    /// A database newer than this program is refused.
    @discardableResult
    public func migrate(_ connection: Connection) throws -> Int {
        let current = try Self.version(of: connection)
        if current > migrations.count {
            throw SQLiteError(code: 1, message: "the store has schema version \(current), newer than this restock knows (\(migrations.count)); use a newer restock")
        }
        var applied = 0
        for migration in migrations where migration.version > current {
            try connection.transaction {
                try connection.execute(migration.sql)
                try connection.execute("PRAGMA user_version = \(migration.version)")
            }
            applied += 1
        }
        return applied
    }
}
