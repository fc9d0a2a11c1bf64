import Foundation
import Testing
@testable import SQLite

/// Named parameters and comparing a stored column with a value.
@Suite struct StatementTests {
    let db: Connection

    init() throws {
        db = try Connection(path: ":memory:")
        try db.execute("CREATE TABLE t(k TEXT PRIMARY KEY, n INTEGER, x REAL, s TEXT)")
    }

    @Test func findsAParameterByItsNameAndNoneForAnUnknownName() throws {
        let s = try db.prepare("INSERT INTO t(k, n, x, s) VALUES(:k, :n, :x, :s)")
        #expect(s.parameterIndex(":k") == 1)
        #expect(s.parameterIndex(":s") == 4)
        #expect(s.parameterIndex(":missing") == nil)
        try s.bind(.text("a"), at: s.parameterIndex(":k")!)
        try s.bind(.integer(7), at: s.parameterIndex(":n")!)
        try s.run()
        #expect(try db.scalarInt("SELECT n FROM t WHERE k='a'") == 7)
    }

    @Test func aColumnHoldsAValueAsSQLsIsComparesThem() throws {
        try db.execute("INSERT INTO t VALUES('a', 4, 2.5, 'é'), ('b', NULL, NULL, '')")
        let s = try db.prepare("SELECT n, x, s FROM t ORDER BY k")
        #expect(try s.step())
        #expect(s.column(0, holds: .integer(4)))
        #expect(s.column(0, holds: .real(4.0)))          // 4 IS 4.0
        #expect(!s.column(0, holds: .integer(5)))
        #expect(!s.column(0, holds: .null))
        #expect(s.column(1, holds: .real(2.5)))
        #expect(!s.column(1, holds: .text("2.5")))
        #expect(s.column(2, holds: .text("é")))
        // The same letter written as e and a combining accent: equal as Swift strings, not as bytes.
        #expect("e\u{301}" == "é")
        #expect(!s.column(2, holds: .text("e\u{301}")))
        #expect(try s.step())
        #expect(s.column(0, holds: .null))
        #expect(!s.column(0, holds: .integer(0)))
        #expect(s.column(2, holds: .text("")))
        #expect(!s.column(2, holds: .null))
    }
}
