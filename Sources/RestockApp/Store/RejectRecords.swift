import RestockCore
import SQLite

/// The `rejects` table: each rejected row with the ingest that saw it, written by `RowWriter`
/// and read for the report and `restock rejects`. Its columns are declared once, here.
enum RejectRecords {
    /// The columns a reader selects, in the order `rejection(_:)` reads them.
    static let columns = ["file", "line", "column_name", "value", "reason", "code"]

    /// The insert `bind` fills.
    static let insert = """
        INSERT INTO rejects(ingest_id, \(columns.joined(separator: ", "))) VALUES(:ingest_id, \(columns.map { ":" + $0 }.joined(separator: ", ")))
        """

    /// Binds `r`, rejected by ingest `ingest`, to `insert`'s parameters by name.
    static func bind(_ r: Rejection, ingest: Int64, to s: Statement) throws {
        let values: [String: SQLValue] = [
            "ingest_id": .integer(ingest), "file": .text(r.file), "line": .integer(Int64(r.line)),
            "column_name": .text(r.column), "value": .text(r.value), "reason": .text(r.reason), "code": .text(r.code.stored),
        ]
        for (column, value) in values {
            guard let index = s.parameterIndex(":" + column) else { throw RunError("\(s.sql): no parameter for column \(column)") }
            try s.bind(value, at: index)
        }
    }

    /// `columns` for a SELECT (each prefixed with `alias.` when given). A store not yet
    /// upgraded to reject codes (schema 2, opened read-only) gives each row its code from
    /// its reason, as the upgrade would.
    static func selectList(_ db: Connection, alias: String? = nil) throws -> String {
        let hasCodes = try Migrator.version(of: db) >= 3
        let prefix = alias.map { $0 + "." } ?? ""
        return columns.map { column in
            column == "code" && !hasCodes ? "(\(Schema.legacyRejectCode)) AS code" : prefix + column
        }.joined(separator: ", ")
    }

    /// The reject on `s`'s current row, selected with `selectList`.
    static func rejection(_ s: Statement) throws -> Rejection {
        func at(_ column: String) -> Int32 { Int32(columns.firstIndex(of: column)!) }
        let stored = s.text(at("code")) ?? ""
        guard let code = Rejection.Code(stored: stored) else {
            throw RunError("the store holds a reject with the unknown code '\(stored)'; a newer restock may have written it")
        }
        return Rejection(file: s.text(at("file")) ?? "", line: s.int(at("line")), column: s.text(at("column_name")) ?? "",
                         value: s.text(at("value")) ?? "", code: code, reason: s.text(at("reason")) ?? "")
    }
}
