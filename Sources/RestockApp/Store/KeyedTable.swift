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
/// holds the same value in every column (SQL `IS`: NULL only matches NULL, text byte for
/// byte) is a duplicate; otherwise the stored row is replaced and its `version` counts up.
///
/// The columns are declared once, as `StoredColumn`s, keys first: the SQL is made from their
/// names and every parameter is named for its column (`:sku`). The row is bound once, by name,
/// to the insert; for a stored key the same bindings move on to the select that finds the
/// stored row only when it differs, and from there to the update.
final class KeyedTable<Row> {
    let name: String
    let columns: [StoredColumn<Row>]
    private let db: Connection
    private let insert: Statement
    private let select: Statement
    private let update: Statement
    /// Each column's parameter index, the same in all three statements.
    private let parameters: [Int32]
    /// The position of each non-key column in `select`'s result.
    private let positions: [String: Int32]
    /// Rows whose key lies above every stored key, inserted in bulk (`flush()`).
    private let append: KeyOrderAppend<Row>

    init(_ db: Connection, name: String, key: [String], columns: [StoredColumn<Row>]) throws {
        let names = columns.map(\.name)
        precondition(Array(names.prefix(key.count)) == key, "\(name): the key columns must come first")
        let others = Array(names.dropFirst(key.count))
        let values = names.map { ":" + $0 }.joined(separator: ", ")
        let insert = try db.prepare("INSERT OR IGNORE INTO \(name)(\(names.joined(separator: ", "))) VALUES(\(values))")
        // Parameters are numbered as they first appear: columns in order in all three.
        let select = try db.prepare("""
            SELECT \(others.joined(separator: ", ")) FROM \(name)
            WHERE \(key.map { "\($0) = :\($0)" }.joined(separator: " AND ")) AND (\(others.map { "\($0) IS NOT :\($0)" }.joined(separator: " OR ")))
            """)
        let update = try db.prepare("""
            INSERT INTO \(name)(\(names.joined(separator: ", "))) VALUES(\(values)) ON CONFLICT(\(key.joined(separator: ", ")))
            DO UPDATE SET \(others.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")), version = version + 1
            """)
        parameters = try names.map { column in
            let indices = [insert, select, update].map { $0.parameterIndex(":" + column) }
            guard let index = indices[0], indices.allSatisfy({ $0 == index }) else {
                throw RunError("\(name): column \(column) is not the same parameter in the insert, select and update")
            }
            return index
        }
        positions = Dictionary(uniqueKeysWithValues: others.enumerated().map { ($0.element, Int32($0.offset)) })
        append = try KeyOrderAppend(db, table: name, key: key, columns: columns)
        (self.db, self.name, self.columns) = (db, name, columns)
        (self.insert, self.select, self.update) = (insert, select, update)
    }

    /// Stores `row`: new, a duplicate, or a replacement, with `old` reading what the replaced
    /// row held (before it is overwritten). A row whose key lies above every stored key is new
    /// and is held to be inserted with others (`KeyOrderAppend`): `flush()` before reading the table.
    func write<Old>(_ row: Row, old: (StoredRow) -> Old) throws -> Written<Old> {
        if try append.hold(row) { return .new }
        try append.flush()
        for i in columns.indices { try insert.bind(columns[i].value(row), at: parameters[i]) }
        defer { insert.resetKeepingBindings() }
        try insert.run()
        if db.changes == 1 { return .new }
        try insert.transferBindings(to: select)
        defer { select.resetKeepingBindings() }
        guard try select.step() else { return .duplicate }
        let previous = old(StoredRow(statement: select, positions: positions))
        try select.transferBindings(to: update)
        defer { update.resetKeepingBindings() }
        try update.run()
        return .replaced(old: previous)
    }
}

extension KeyedTable {
    /// Inserts the rows held by the key-order path, so that the table holds every row written.
    func flush() throws { try append.flush() }
}

/// A stored row that differs from the one being written, read by column name (key columns
/// are not read: they are the row's own).
struct StoredRow {
    fileprivate let statement: Statement
    fileprivate let positions: [String: Int32]

    private func position(_ column: String) -> Int32 {
        guard let position = positions[column] else { preconditionFailure("no column \(column) read") }
        return position
    }

    func text(_ column: String) -> String? { statement.text(position(column)) }
    func int(_ column: String) -> Int? { statement.optionalInt(position(column)) }
    func double(_ column: String) -> Double? { statement.optionalDouble(position(column)) }
}
