import Foundation
import Testing
@testable import SQLite

/// A fresh database file in a temporary folder for each test, inside one folder per test
/// process that is removed when the process exits (so the tests leave nothing behind).
func temporaryDatabase() -> String {
    let dir = URL(fileURLWithPath: sqliteTestScratch).appendingPathComponent(UUID().uuidString)
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent("test.sqlite").path
}

let sqliteTestScratch: String = {
    let path = sqliteTestScratchPath()
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(atPath: sqliteTestScratchPath()) }
    return path
}()

private func sqliteTestScratchPath() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("restock-sqlite-tests-\(getpid())").path
}

@Suite struct ConnectionTests {
    @Test func bindsAndReadsEveryValueType() throws {
        let db = try Connection(path: temporaryDatabase())
        try db.execute("CREATE TABLE t(a INTEGER, b REAL, c TEXT, d TEXT)")
        let insert = try db.prepare("INSERT INTO t VALUES(?, ?, ?, ?)")
        try insert.bind([.integer(42), .real(2.5), .text("héllo, \"world\""), .null])
        try insert.run()
        let select = try db.prepare("SELECT a, b, c, d FROM t")
        #expect(try select.step())
        #expect(select.int(0) == 42)
        #expect(select.double(1) == 2.5)
        #expect(select.text(2) == "héllo, \"world\"")
        #expect(select.isNull(3))
        #expect(select.text(3) == nil)
        #expect(try select.step() == false)
    }

    @Test func blobsRoundTripIncludingEmptyAndNull() throws {
        let db = try Connection(path: temporaryDatabase())
        try db.execute("CREATE TABLE t(id INTEGER, b BLOB)")
        let insert = try db.prepare("INSERT INTO t VALUES(?, ?)")
        for (id, bytes) in [(1, [UInt8]([0, 255, 7, 0])), (2, [])] {
            insert.reset()
            try insert.bind(.integer(Int64(id)), at: 1)
            try insert.bind(blob: bytes, at: 2)
            try insert.run()
        }
        try db.execute("INSERT INTO t VALUES(3, NULL)")
        let select = try db.prepare("SELECT b FROM t ORDER BY id")
        var seen: [[UInt8]] = []
        while try select.step() { seen.append(select.withBlob(0) { Array($0) }) }
        #expect(seen == [[0, 255, 7, 0], [], []])
    }

    @Test func transactionRollsBackWhenBodyThrows() throws {
        struct Boom: Error {}
        let db = try Connection(path: temporaryDatabase())
        try db.execute("CREATE TABLE t(a INTEGER)")
        #expect(throws: Boom.self) {
            try db.transaction {
                try db.execute("INSERT INTO t VALUES(1)")
                throw Boom()
            }
        }
        #expect(try db.scalarInt("SELECT count(*) FROM t") == 0)
    }

    @Test func invalidSQLThrowsWithTheStatement() throws {
        let db = try Connection(path: temporaryDatabase())
        do {
            _ = try db.prepare("SELEC 1")
            Issue.record("expected an error")
        } catch {
            #expect(error.sql == "SELEC 1")
            #expect(error.message.contains("syntax error"))
        }
    }

    @Test func upsertWithReturningTellsNewReplacedAndDuplicate() throws {
        let db = try Connection(path: temporaryDatabase())
        try db.execute("CREATE TABLE t(k TEXT PRIMARY KEY, v REAL, version INTEGER NOT NULL DEFAULT 0)")
        let upsert = try db.prepare("""
            INSERT INTO t(k, v) VALUES(?, ?) ON CONFLICT(k) DO UPDATE SET v=excluded.v, version=version+1
            WHERE v IS NOT excluded.v RETURNING version
            """)
        func put(_ k: String, _ v: Double?) throws -> Int64? {
            defer { upsert.reset() }
            try upsert.bind([.text(k), .optional(v)])
            guard try upsert.step() else { return nil }
            let version = upsert.int64(0)
            while try upsert.step() {}
            return version
        }
        #expect(try put("a", 1) == 0)      // new
        #expect(try put("a", 1) == nil)    // duplicate: nothing changed
        #expect(try put("a", 2) == 1)      // replaced
        #expect(try put("a", nil) == 2)    // NULL differs from 2
        #expect(try put("a", nil) == nil)  // NULL IS NULL
    }

    @Test func fileThatIsNotADatabaseIsReportedAsSuch() throws {
        let path = temporaryDatabase()
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        let db = try Connection(path: path)
        do {
            _ = try Migrator.version(of: db)
            Issue.record("expected an error")
        } catch {
            #expect(error.isNotADatabase)
        }
    }
}

@Suite struct MigratorTests {
    static let migrations = Migrator([
        .init(version: 1, name: "t", sql: "CREATE TABLE t(a INTEGER)"),
        .init(version: 2, name: "u", sql: "CREATE TABLE u(b INTEGER)"),
    ])

    @Test func appliesEachMigrationOnceAndRecordsTheVersion() throws {
        let db = try Connection(path: temporaryDatabase())
        #expect(try Self.migrations.migrate(db) == 2)
        #expect(try Migrator.version(of: db) == 2)
        #expect(try Self.migrations.migrate(db) == 0)
        try db.execute("INSERT INTO u VALUES(1)")
    }

    @Test func upgradesAnOlderSchema() throws {
        let db = try Connection(path: temporaryDatabase())
        try Migrator([.init(version: 1, name: "t", sql: "CREATE TABLE t(a INTEGER)")]).migrate(db)
        #expect(try Self.migrations.migrate(db) == 1)
        #expect(try Migrator.version(of: db) == 2)
    }

    @Test func refusesAStoreFromANewerProgram() throws {
        let db = try Connection(path: temporaryDatabase())
        try db.execute("PRAGMA user_version = 9")
        #expect(throws: SQLiteError.self) { try Self.migrations.migrate(db) }
    }
}
