import RestockCore
import SQLite

/// The rows of a `KeyedTable` whose key lies above every key the table holds (README,
/// "Performance"): such a row is new without asking the table, so it is held and inserted
/// with others, `rowsPerStatement` to one multi-row `INSERT`, whose one B-tree cursor stays
/// on the table's last page. An export sorted by its key (an orders file sorted by order on
/// a first load, or a night's new orders numbered above the old) takes this path row after row.
///
/// The held rows are part of the table only once `flush()` ran: `KeyedTable` flushes before
/// any other write to the table, and `RowWriter.finish()` before anything reads it.
///
/// The multi-row statement is `INSERT OR FAIL`. A plain INSERT of many rows inside a
/// transaction makes SQLite keep a statement journal (the pages the statement changes that the
/// transaction had already changed, so that a constraint failing at its 200th row can undo
/// the 199 before it). Appending at the end of the table, that is the table's last leaf, its
/// parents and the header page, four or five pages of 16 KiB for every 256 rows: on a first
/// load of 17.6 million lines, 6.8 GB written to a temporary file and copied by the kernel.
/// With OR FAIL a failing row stops the statement and leaves the rows before it in place; no
/// statement journal is kept. Such a failure is an error that ends the ingest, whose
/// transaction then rolls back, rows before it included (the store is as it was).
final class KeyOrderAppend<Row> {
    /// Rows inserted by one statement.
    static var rowsPerStatement: Int { 256 }

    private let db: Connection
    private let table: String
    private let key: [String]
    private let columns: [StoredColumn<Row>]
    private let many: Statement
    private let one: Statement
    private var held: [Row] = []
    /// The greatest key the table holds or will hold once flushed, part by part; empty for an
    /// empty table. Read from the table on the first row (inside the ingest's transaction).
    private var greatest: [SQLValue] = []
    private var greatestKnown = false

    init(_ db: Connection, table: String, key: [String], columns: [StoredColumn<Row>]) throws {
        let names = columns.map(\.name).joined(separator: ", ")
        let values = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        many = try db.prepare("INSERT OR FAIL INTO \(table)(\(names)) VALUES "
                              + Array(repeating: values, count: Self.rowsPerStatement).joined(separator: ", "))
        one = try db.prepare("INSERT INTO \(table)(\(names)) VALUES \(values)")
        (self.db, self.table, self.key, self.columns) = (db, table, key, columns)
        held.reserveCapacity(Self.rowsPerStatement)
    }

    /// Holds `row` and returns true when its key lies above every key stored or held (it is
    /// then the greatest); false otherwise, or when a key part is neither text nor an integer.
    func hold(_ row: Row) throws -> Bool {
        if !greatestKnown { try readGreatest(like: row) }
        // Part by part until one differs: the row's key must be the greater there.
        var order = greatest.isEmpty ? 1 : 0
        for i in key.indices {
            let part = columns[i].value(row)
            switch part {
            case .text(let text):
                if order == 0, case .text(let stored) = greatest[i] { order = ByteOrder.compare(text, stored) }
            case .integer(let number):
                if order == 0, case .integer(let stored) = greatest[i] { order = number < stored ? -1 : number > stored ? 1 : 0 }
            default:
                return false
            }
        }
        guard order > 0 else { return false }
        if greatest.isEmpty { greatest = Array(repeating: .null, count: key.count) }
        for i in key.indices { greatest[i] = columns[i].value(row) }
        held.append(row)
        if held.count == Self.rowsPerStatement { try flush() }
        return true
    }

    /// Inserts the held rows.
    func flush() throws {
        guard !held.isEmpty else { return }
        let statement = held.count == Self.rowsPerStatement ? many : one
        for (r, row) in held.enumerated() {
            let first = statement === many ? r * columns.count : 0
            for c in columns.indices { try statement.bind(columns[c].value(row), at: Int32(first + c + 1)) }
            if statement === one {
                try one.run()
                one.resetKeepingBindings()
            }
        }
        if statement === many {
            try many.run()
            many.resetKeepingBindings()
        }
        held.removeAll(keepingCapacity: true)
    }

    /// The table's greatest key in its key order (text parts by SQLite's BINARY collation:
    /// bytes; integer parts by value), each part read as the same kind of value as `row`'s:
    /// the key columns are `NOT NULL` and declared `TEXT` or `INTEGER`, so every stored part
    /// is of its column's kind.
    private func readGreatest(like row: Row) throws {
        let last = try db.prepare("SELECT \(key.joined(separator: ", ")) FROM \(table) ORDER BY "
                                  + key.map { "\($0) DESC" }.joined(separator: ", ") + " LIMIT 1")
        // The query selects the key columns in `key`'s order: column i is key[i].
        if try last.step() {
            greatest = key.indices.map { i in
                if case .integer = columns[i].value(row) { return .integer(last.int64(Int32(i))) }
                return .text(last.text(Int32(i)) ?? "")
            }
        } else {
            greatest = []
        }
        greatestKnown = true
    }
}
