/// Where the cells of an adapted row came from in the export: for each restock column an
/// adapter filled from one of the export's cells, that column's name in the export and the
/// cell as the file writes it.
///
/// An adapter rewrites what it reads (a date `03-Jan-08` becomes `2008-01-03`, a decimal
/// comma a point) before restock's row parser checks the row. A reject the parser then makes
/// would name restock's column and the rewritten value, which the person holding the export
/// cannot find in it. `explain` puts the reject back in the file's terms (README, "Bad rows,
/// keys and loading again").
public struct CellOrigins: Sendable, Hashable {
    /// One restock column's source in the export.
    public struct Origin: Sendable, Hashable {
        /// The export's column name.
        public let exportColumn: String
        /// The cell as written in the export (trimmed).
        public let text: String
    }

    private var byColumn: [String: Origin] = [:]

    public init() {}

    /// Whether no column's source is known (a row made by a built-in format's adapter).
    public var isEmpty: Bool { byColumn.isEmpty }

    /// Records that restock's `column` was read from the export's `exportColumn`, cell `text`.
    public mutating func note(_ column: String, exportColumn: String, text: String) {
        byColumn[column] = Origin(exportColumn: exportColumn, text: text)
    }

    /// The source of restock's `column`, nil when the adapter did not read it from one cell.
    public subscript(column: String) -> Origin? { byColumn[column] }

    /// `rejection`, made by restock's row parser of the adapted row `fields` (in the order of
    /// `header`, restock's columns), in the export's terms: the column at fault is the
    /// export's, its value the cell as the file writes it, and the reason ends by saying which
    /// of the file's columns and cells the restock columns it names were read from.
    ///
    /// For example `received_at must not be before ordered_at ("2008-04-28")` on a receipt
    /// read through a mapping becomes, in column `Delivered to Client Date` with value
    /// `03-Jan-08`: `...; in the file, received_at is column "Delivered to Client Date"
    /// (03-Jan-08, read as 2008-01-03) and ordered_at is column "PO Sent to Vendor Date"
    /// (4/28/08, read as 2008-04-28)`. A reject of no column (the row's shape) and columns
    /// with no known source are left as they are.
    public func explain(_ rejection: Rejection, header: [String], fields: [String]) -> Rejection {
        guard !byColumn.isEmpty, !rejection.column.isEmpty else { return rejection }
        var named = [rejection.column]
        for column in header where column != rejection.column && Self.names(rejection.reason, column) {
            named.append(column)
        }
        var notes: [String] = []
        for column in named {
            guard let origin = byColumn[column] else { continue }
            let value = header.firstIndex(of: column).map { $0 < fields.count ? fields[$0] : "" } ?? ""
            let shown = Rejection.clip(origin.text, to: 60)
            let read = value == origin.text || value.isEmpty ? shown : "\(shown), read as \(Rejection.clip(value, to: 60))"
            notes.append("\(column) is column \"\(origin.exportColumn)\" (\(read))")
        }
        guard !notes.isEmpty else { return rejection }
        var explained = rejection
        if let origin = byColumn[rejection.column] {
            explained.column = origin.exportColumn
            explained.value = Rejection.clip(origin.text)
        }
        explained.reason += "; in the file, " + notes.joined(separator: " and ")
        return explained
    }

    /// Whether `text` names `column` as a word of its own (not inside a longer name:
    /// `sku` is not named by `skus` or `sku_list`).
    static func names(_ text: String, _ column: String) -> Bool {
        func isNamePart(_ c: Character?) -> Bool { c.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false }
        var rest = text[...]
        while let range = rest.range(of: column) {
            let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : nil
            let after = range.upperBound < text.endIndex ? text[range.upperBound] : nil
            if !isNamePart(before) && !isNamePart(after) { return true }
            rest = text[range.upperBound...]
        }
        return false
    }
}

extension RowParser {
    /// Parses one adapted row whose cells follow `columns` (its adapter's), a reject put in
    /// the export's terms where `origins` knows the cells' sources (`CellOrigins.explain`).
    public func parse(_ fields: [String], line: Int, columns: [String], origins: CellOrigins) -> Result<InputRow, Rejection> {
        let parsed = parse(fields, line: line)
        guard case .failure(let rejection) = parsed, !origins.isEmpty else { return parsed }
        return .failure(origins.explain(rejection, header: columns, fields: fields))
    }
}
