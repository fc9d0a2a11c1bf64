internal import CSQLite

/// A value to bind to a statement parameter.
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    /// `.text` or `.null`.
    public static func optional(_ text: String?) -> SQLValue { text.map { .text($0) } ?? .null }
    /// `.real` or `.null`.
    public static func optional(_ number: Double?) -> SQLValue { number.map { .real($0) } ?? .null }
    /// `.integer` or `.null`.
    public static func optional(_ number: Int?) -> SQLValue { number.map { .integer(Int64($0)) } ?? .null }
    /// `.integer` or `.null`.
    public static func optional(_ number: Int64?) -> SQLValue { number.map { .integer($0) } ?? .null }
}

/// A compiled statement that owns its `sqlite3_stmt*` and finalizes it on deinit
/// (<https://www.sqlite.org/c3ref/stmt.html>).
public final class Statement {
    let handle: OpaquePointer
    let connection: Connection
    /// The SQL text.
    public let sql: String

    /// One reusable buffer per parameter for bound text, so that binding a row's text
    /// allocates nothing: SQLite reads the bytes in place (`SQLITE_STATIC`) until the
    /// parameter is bound again, which only happens after the statement ran.
    private var scratch: [UnsafeMutableRawBufferPointer]
    /// Per parameter, whether it is bound to NULL now (as a new statement's are): binding NULL
    /// again is then skipped. A multi-row insert whose rows leave the same columns empty binds
    /// thousands of NULLs per run, and each bind costs SQLite about 70 instructions.
    private let boundNull: UnsafeMutableBufferPointer<Bool>

    init(connection: Connection, sql: String) throws(SQLiteError) {
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v2(connection.handle, sql, -1, &stmt, nil)
        guard rc == SQLITE_OK, let stmt else { throw connection.error(sql: sql) }
        self.handle = stmt
        self.connection = connection
        self.sql = sql
        let count = Int(sqlite3_bind_parameter_count(stmt))
        scratch = (0..<count).map { _ in UnsafeMutableRawBufferPointer.allocate(byteCount: 64, alignment: 8) }
        boundNull = .allocate(capacity: count)
        boundNull.initialize(repeating: true)
    }

    deinit {
        sqlite3_finalize(handle)
        for buffer in scratch { buffer.deallocate() }
        boundNull.deallocate()
    }

    /// Binds parameters 1...n in order (<https://www.sqlite.org/c3ref/bind_blob.html>).
    public func bind(_ values: [SQLValue]) throws(SQLiteError) {
        for (i, value) in values.enumerated() { try bind(value, at: Int32(i + 1)) }
    }

    /// Binds one parameter (1-based index).
    public func bind(_ value: SQLValue, at index: Int32) throws(SQLiteError) {
        let rc: Int32
        switch value {
        case .null: rc = bindNull(at: index)
        case .integer(let v): rc = bound(sqlite3_bind_int64(handle, index, v), at: index)
        case .real(let v): rc = bound(sqlite3_bind_double(handle, index, v), at: index)
        case .text(let v): rc = bound(bindText(v, at: index), at: index)
        }
        if rc != SQLITE_OK { throw connection.error(sql: sql) }
    }

    /// Binds NULL, unless the parameter is bound to NULL already.
    private func bindNull(at index: Int32) -> Int32 {
        let slot = Int(index) - 1
        let inRange = slot >= 0 && slot < boundNull.count
        if inRange && boundNull[slot] { return SQLITE_OK }
        let rc = sqlite3_bind_null(handle, index)
        if inRange { boundNull[slot] = rc == SQLITE_OK }
        return rc
    }

    /// Notes that a parameter was bound to a value (or that its binding is unknown, after an
    /// error); returns `rc`.
    private func bound(_ rc: Int32, at index: Int32) -> Int32 {
        let slot = Int(index) - 1
        if slot >= 0 && slot < boundNull.count { boundNull[slot] = false }
        return rc
    }

    /// The index of the parameter named `name` (with its prefix, as in `:sku`), nil when the
    /// statement has none of that name (<https://www.sqlite.org/c3ref/bind_parameter_index.html>).
    /// Look it up once, then bind by index: the lookup compares names one by one.
    public func parameterIndex(_ name: String) -> Int32? {
        let index = sqlite3_bind_parameter_index(handle, name)
        return index == 0 ? nil : index
    }

    /// Binds text without boxing it in `SQLValue`.
    public func bind(text: String?, at index: Int32) throws(SQLiteError) {
        let rc = text.map { bound(bindText($0, at: index), at: index) } ?? bindNull(at: index)
        if rc != SQLITE_OK { throw connection.error(sql: sql) }
    }

    /// Binds a number or NULL.
    public func bind(real: Double?, at index: Int32) throws(SQLiteError) {
        let rc = real.map { bound(sqlite3_bind_double(handle, index, $0), at: index) } ?? bindNull(at: index)
        if rc != SQLITE_OK { throw connection.error(sql: sql) }
    }

    /// Binds an integer or NULL.
    public func bind(int: Int64?, at index: Int32) throws(SQLiteError) {
        let rc = int.map { bound(sqlite3_bind_int64(handle, index, $0), at: index) } ?? bindNull(at: index)
        if rc != SQLITE_OK { throw connection.error(sql: sql) }
    }

    /// Binds a blob (SQLite copies the bytes).
    public func bind(blob: [UInt8], at index: Int32) throws(SQLiteError) {
        let rc = bound(blob.withUnsafeBytes { bytes in
            sqlite3_bind_blob(handle, index, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(bytes.count), Statement.transient)
        }, at: index)
        if rc != SQLITE_OK { throw connection.error(sql: sql) }
    }

    private func bindText(_ text: String, at index: Int32) -> Int32 {
        var copy = text
        return copy.withUTF8 { buffer -> Int32 in
            guard let base = buffer.baseAddress, buffer.count > 0 else {
                // An empty string: bind a zero-length text, not NULL.
                return sqlite3_bind_text(handle, index, "", 0, Statement.transient)
            }
            let slot = Int(index) - 1
            guard slot >= 0 && slot < scratch.count else {
                return sqlite3_bind_text(handle, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self),
                                         Int32(buffer.count), Statement.transient)
            }
            if scratch[slot].count < buffer.count {
                scratch[slot].deallocate()
                scratch[slot] = UnsafeMutableRawBufferPointer.allocate(byteCount: max(buffer.count, 2 * scratch[slot].count), alignment: 8)
            }
            scratch[slot].copyMemory(from: UnsafeRawBufferPointer(buffer))
            return sqlite3_bind_text(handle, index, scratch[slot].baseAddress!.assumingMemoryBound(to: CChar.self),
                                     Int32(buffer.count), nil)  // nil: SQLITE_STATIC
        }
    }

    /// SQLITE_TRANSIENT: SQLite copies the bytes before returning.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)


    /// Advances to the next row: true for a row, false when done; throws on any other result
    /// (<https://www.sqlite.org/c3ref/step.html>).
    @discardableResult
    public func step() throws(SQLiteError) -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw connection.error(sql: sql)
        }
    }

    /// Steps to completion, ignoring rows.
    public func run() throws(SQLiteError) {
        while try step() {}
    }

    /// Resets the statement and clears its bindings, ready to bind and step again.
    public func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        boundNull.update(repeating: true)
    }

    /// Resets the statement keeping its bindings: for loops that bind every parameter anew.
    public func resetKeepingBindings() {
        sqlite3_reset(handle)
    }

    /// Number of columns in the result.
    public var columnCount: Int32 { sqlite3_column_count(handle) }
    /// Moves this statement's bindings to `other`, which must have the same parameters
    /// (<https://www.sqlite.org/c3ref/transfer_bindings.html>). This statement is reset first.
    public func transferBindings(to other: Statement) throws(SQLiteError) {
        sqlite3_reset(handle)
        // Nothing moves when it fails (the parameter counts differ); else SQLite moves each
        // value, and this statement's parameters are NULL afterwards.
        if sqlite3_transfer_bindings(handle, other.handle) != SQLITE_OK { throw connection.error(sql: other.sql) }
        _ = other.boundNull.update(fromContentsOf: boundNull)
        boundNull.update(repeating: true)
    }

    /// Whether column `index` (0-based) of the current row is NULL.
    public func isNull(_ index: Int32) -> Bool { sqlite3_column_type(handle, index) == SQLITE_NULL }
    /// Column `index` as a 64-bit integer.
    public func int64(_ index: Int32) -> Int64 { sqlite3_column_int64(handle, index) }
    /// Column `index` as an Int.
    public func int(_ index: Int32) -> Int { Int(sqlite3_column_int64(handle, index)) }
    /// Column `index` as an Int, nil when NULL.
    public func optionalInt(_ index: Int32) -> Int? { isNull(index) ? nil : int(index) }
    /// Column `index` as a Double.
    public func double(_ index: Int32) -> Double { sqlite3_column_double(handle, index) }
    /// Column `index` as a Double, nil when NULL.
    public func optionalDouble(_ index: Int32) -> Double? { isNull(index) ? nil : double(index) }
    /// Calls `body` with column `index`'s UTF-8 bytes (empty for NULL), valid only inside it:
    /// no `String` is made.
    public func withText<T>(_ index: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        guard let pointer = sqlite3_column_text(handle, index) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return body(UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(handle, index))))
    }

    /// Calls `body` with column `index`'s bytes as a blob (empty for NULL or an empty blob),
    /// valid only inside it.
    public func withBlob<T>(_ index: Int32, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        let pointer = sqlite3_column_blob(handle, index)
        let count = Int(sqlite3_column_bytes(handle, index))
        return try body(UnsafeRawBufferPointer(start: pointer, count: pointer == nil ? 0 : count))
    }

    /// Column `index` as text, nil when NULL.
    public func text(_ index: Int32) -> String? {
        guard let pointer = sqlite3_column_text(handle, index) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }
}

@available(*, unavailable)
extension Statement: Sendable {}
