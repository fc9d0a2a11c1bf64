import SQLite

/// The columns a query selects, as an enum whose cases are the columns in SELECT order (the
/// raw value is the position): the SELECT list is written once, from the cases, and a row's
/// values are read by column name (`row.text(ProductColumn.name)`), never by a bare number.
protocol SQLColumn: RawRepresentable<Int32>, CaseIterable {}

extension SQLColumn {
    /// The column's name in the schema: the case name in snake_case (`unitCost` -> `unit_cost`).
    var sqlName: String {
        var name = ""
        for ch in String(describing: self) {
            if ch.isUppercase { name += "_" + ch.lowercased() } else { name.append(ch) }
        }
        return name
    }

    /// The SELECT list: every column, in order (`sku, name, unit_cost`).
    static var selectList: String { allCases.map(\.sqlName).joined(separator: ", ") }
}

extension Statement {
    /// The current row's `column` as text, nil for NULL.
    func text(_ column: some SQLColumn) -> String? { text(column.rawValue) }
    /// The current row's `column` as an integer.
    func int(_ column: some SQLColumn) -> Int { int(column.rawValue) }
    /// The current row's `column` as an integer, nil for NULL.
    func optionalInt(_ column: some SQLColumn) -> Int? { optionalInt(column.rawValue) }
    /// The current row's `column` as a number.
    func double(_ column: some SQLColumn) -> Double { double(column.rawValue) }
    /// The current row's `column` as a number, nil for NULL.
    func optionalDouble(_ column: some SQLColumn) -> Double? { optionalDouble(column.rawValue) }
    /// The current row's text `column`'s UTF-8 bytes, without making a `String`.
    func withText<T>(_ column: some SQLColumn, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        withText(column.rawValue, body)
    }
    /// The current row's blob `column`'s bytes.
    func withBlob<T>(_ column: some SQLColumn, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        try withBlob(column.rawValue, body)
    }
}
