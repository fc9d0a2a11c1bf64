import Foundation
import Testing
@testable import SQLite

/// Parameters bound by name.
@Suite struct StatementTests {
    let db: Connection

    init() throws {
        db = try Connection(path: ":memory:")
        try db.execute("CREATE TABLE t(k TEXT PRIMARY KEY, n INTEGER, x REAL, s TEXT)")
    }

    @Test func findsAParameterByItsNameAndNoneForAnUnknownName() throws {
        // Named parameters are numbered as they first appear in the statement.
        let s = try db.prepare("INSERT INTO t(k, n, x, s) VALUES(:k, :n, :x, :s)")
        #expect(s.parameterIndex(":k") == 1)
        #expect(s.parameterIndex(":s") == 4)
        #expect(s.parameterIndex(":missing") == nil)
        try s.bind(.text("a"), at: s.parameterIndex(":k")!)
        try s.bind(.integer(7), at: s.parameterIndex(":n")!)
        try s.run()
        #expect(try db.scalarInt("SELECT n FROM t WHERE k='a'") == 7)
    }
}
