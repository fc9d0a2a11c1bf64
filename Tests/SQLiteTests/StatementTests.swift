import Foundation
import Testing
@testable import SQLite

/// Parameters bound by name; NULL bound again only when the parameter holds a value.
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

    /// The rows of t as "k n x s" (NULL as "-"), by key.
    private func rows() throws -> [String] {
        let q = try db.prepare("SELECT k, n, x, s FROM t ORDER BY k")
        var out: [String] = []
        while try q.step() {
            out.append([q.text(0) ?? "-", q.optionalInt(1).map(String.init) ?? "-",
                        q.optionalDouble(2).map { String($0) } ?? "-", q.text(3) ?? "-"].joined(separator: " "))
        }
        return out
    }

    @Test func aNullBoundAfterAValueReplacesItWhateverTheBindingCall() throws {
        // Bindings survive resetKeepingBindings; a NULL bound after a value must reach
        // SQLite, by each binding call, while a NULL after a NULL may be skipped.
        let s = try db.prepare("INSERT INTO t(k, n, x, s) VALUES(?, ?, ?, ?)")
        try s.bind([.text("a"), .integer(1), .real(1.5), .text("one")])
        try s.run()
        s.resetKeepingBindings()
        try s.bind([.text("b"), .null, .null, .null])
        try s.run()
        s.resetKeepingBindings()
        try s.bind(text: "c", at: 1)
        try s.bind(int: 3, at: 2)
        try s.bind(real: 3.5, at: 3)
        try s.bind(text: "three", at: 4)
        try s.run()
        s.resetKeepingBindings()
        try s.bind(text: "d", at: 1)
        try s.bind(int: nil, at: 2)
        try s.bind(real: nil, at: 3)
        try s.bind(text: nil, at: 4)
        try s.run()
        s.resetKeepingBindings()
        try s.bind([.text("e"), .null, .null, .null])  // NULL after NULL
        try s.run()
        #expect(try rows() == ["a 1 1.5 one", "b - - -", "c 3 3.5 three", "d - - -", "e - - -"])
    }

    @Test func aNullBoundAfterResetOrTransferIsStillNull() throws {
        let insert = try db.prepare("INSERT INTO t(k, n, x, s) VALUES(?, ?, ?, ?)")
        let other = try db.prepare("INSERT INTO t(k, n, x, s) VALUES(?, ?, ?, ?)")
        // reset() clears every binding: a later NULL (skipped or not) leaves NULL.
        try insert.bind([.text("a"), .integer(1), .real(1), .text("x")])
        insert.reset()
        try insert.bind([.text("b"), .null, .null, .null])
        try insert.run()
        insert.resetKeepingBindings()
        // Values moved to another statement: that one holds them, this one holds NULLs.
        try insert.bind([.text("c"), .integer(2), .real(2), .text("y")])
        try insert.transferBindings(to: other)
        try other.run()
        other.resetKeepingBindings()
        try insert.bind(text: "d", at: 1)
        try insert.run()
        insert.resetKeepingBindings()
        // The other statement got values by transfer: a NULL bound to it now must reach SQLite.
        try other.bind([.text("e"), .null, .null, .null])
        try other.run()
        #expect(try rows() == ["b - - -", "c 2 2.0 y", "d - - -", "e - - -"])
    }
}
