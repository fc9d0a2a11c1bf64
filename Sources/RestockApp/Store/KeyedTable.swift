import SQLite

/// One column of a store table: its name and its value in a row of type `Row`.
struct StoredColumn<Row>: Sendable {
    let name: String
    let value: @Sendable (Row) -> SQLValue

    init(_ name: String, _ value: @escaping @Sendable (Row) -> SQLValue) {
        self.name = name
        self.value = value
    }
}

/// What storing one row did, with what a replaced row held.
enum Written<Old> {
    case new
    /// The key was stored with the same value in every column: nothing changed.
    case duplicate
    /// The key was stored with another value in some column; `old` is what the stored row held.
    case replaced(old: Old)

    var outcome: StoreOutcome {
        switch self {
        case .new: .new
        case .duplicate: .duplicate
        case .replaced: .replaced
        }
    }
}

/// A store table keyed by some of its columns, with the statements that keep one row per key
/// (README, "Bad rows, keys and loading again"): a new key is inserted; a stored key whose row
/// holds the same value in every column is a duplicate; otherwise the row is replaced and its
/// `version` counts up.
///
/// The columns are declared once, as `StoredColumn`s: the SQL is made from their names, every
/// parameter is named for its column (`:sku`) and bound by that name, and the stored row is
/// read back by column name.
final class KeyedTable<Row> {
    let name: String
    let columns: [StoredColumn<Row>]
    private let db: Connection
    private let insert: Statement
    private let select: Statement
    private let update: Statement
    /// Each column's parameter index in `insert`, `update` and `select` (nil: not a parameter there).
    private let insertParameters: [Int32]
    private let updateParameters: [Int32]
    private let selectParameters: [Int32?]
    private let keyed: [Bool]
    private let positions: [String: Int32]

    init(_ db: Connection, name: String, key: [String], columns: [StoredColumn<Row>]) throws {
        let names = columns.map(\.name)
        precondition(key.allSatisfy(names.contains), "\(name): the key must be among the columns")
        let others = names.filter { !key.contains($0) }
        let matchKey = key.map { "\($0)=:\($0)" }.joined(separator: " AND ")
        self.db = db
        self.name = name
        self.columns = columns
        let insert = try db.prepare("""
            INSERT OR IGNORE INTO \(name)(\(names.joined(separator: ", "))) VALUES(\(names.map { ":" + $0 }.joined(separator: ", ")))
            """)
        let select = try db.prepare("SELECT \(names.joined(separator: ", ")) FROM \(name) WHERE \(matchKey)")
        let update = try db.prepare("""
            UPDATE \(name) SET \(others.map { "\($0)=:\($0)" }.joined(separator: ", ")), version=version+1 WHERE \(matchKey)
            """)
        insertParameters = try names.map { try Self.parameter($0, of: insert) }
        updateParameters = try names.map { try Self.parameter($0, of: update) }
        selectParameters = try names.map { key.contains($0) ? try Self.parameter($0, of: select) : nil }
        (self.insert, self.select, self.update) = (insert, select, update)
        keyed = names.map(key.contains)
        positions = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($0.element, Int32($0.offset)) })
    }

    private static func parameter(_ column: String, of statement: Statement) throws -> Int32 {
        guard let index = statement.parameterIndex(":" + column) else {
            throw RunError("\(statement.sql): no parameter for column \(column)")
        }
        return index
    }

    /// Stores `row`: new, a duplicate, or a replacement, with `old` reading what the replaced
    /// row held (before it is overwritten).
    func write<Old>(_ row: Row, old: (StoredRow) -> Old) throws -> Written<Old> {
        // The hot path (a new key) binds each value as it is made: no array, no mutable state.
        for i in columns.indices { try insert.bind(columns[i].value(row), at: insertParameters[i]) }
        defer { insert.resetKeepingBindings() }
        try insert.run()
        if db.changes == 1 { return .new }
        let values = columns.map { $0.value(row) }
        let stored = try storedRow(values)
        defer { select.resetKeepingBindings() }
        if stored.holds(values, skipping: keyed) { return .duplicate }
        let previous = old(stored)
        select.resetKeepingBindings()
        for i in columns.indices { try update.bind(values[i], at: updateParameters[i]) }
        defer { update.resetKeepingBindings() }
        try update.run()
        return .replaced(old: previous)
    }

    /// The stored row of the key in `values` (the row's values, in column order), stepped onto.
    private func storedRow(_ values: [SQLValue]) throws -> StoredRow {
        for i in columns.indices {
            if let parameter = selectParameters[i] { try select.bind(values[i], at: parameter) }
        }
        guard try select.step() else {
            throw RunError("\(name): a row was neither inserted nor found by its key")
        }
        return StoredRow(statement: select, positions: positions)
    }
}

/// A key's stored row while `KeyedTable.write` looks at it, read by column name.
struct StoredRow {
    fileprivate let statement: Statement
    fileprivate let positions: [String: Int32]

    private func position(_ column: String) -> Int32 {
        guard let position = positions[column] else { preconditionFailure("no column \(column)") }
        return position
    }

    /// Whether every column not `skipping` holds the value at its position in `values`.
    fileprivate func holds(_ values: [SQLValue], skipping: [Bool]) -> Bool {
        for i in values.indices where !skipping[i] {
            if !statement.column(Int32(i), holds: values[i]) { return false }
        }
        return true
    }

    func text(_ column: String) -> String? { statement.text(position(column)) }
    func int(_ column: String) -> Int? { statement.optionalInt(position(column)) }
    func double(_ column: String) -> Double? { statement.optionalDouble(position(column)) }
}
