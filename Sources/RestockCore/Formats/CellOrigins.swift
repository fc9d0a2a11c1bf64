/// Where the cells of an adapted row came from in the export: for each restock column an
/// adapter filled from one cell of the record, that column's name in the export and the cell
/// as the file writes it.
///
/// An adapter rewrites what it reads (a date `03-Jan-08` becomes `2008-01-03`, a decimal
/// comma a point) before restock's row parser checks the row. A reject the parser then makes
/// would name restock's column and the rewritten value, which the person holding the export
/// cannot find in it. `explain` puts the reject back in the file's terms (README, "Mapping
/// files: exports restock does not know", "Rejects in your file's terms").
///
/// The column sources are the adapter's, shared by every row of the file, and the record is
/// the export's cells as read, so that keeping them costs a row no copy.
public struct CellOrigins: Sendable, Hashable {
    /// One restock column's source in the export.
    public struct Origin: Sendable, Hashable {
        /// The export's column name.
        public let exportColumn: String
        /// The cell as written in the export; empty for an empty cell.
        public let text: String
    }

    /// A restock column's export column and its position in the record.
    public struct Source: Sendable, Hashable {
        /// The export's column name.
        public let exportColumn: String
        /// The column's position in the export's records.
        public let index: Int
    }

    private var sources: [String: Source]
    private var record: [String]

    /// No column's source known (the rows of the built-in formats' adapters).
    public init() {
        sources = [:]
        record = []
    }

    /// The cells of `record`, the export's record, that `sources` says each restock column
    /// was read from.
    public init(sources: [String: Source], record: [String]) {
        self.sources = sources
        self.record = record
    }

    /// Whether no column's source is known.
    public var isEmpty: Bool { sources.isEmpty }

    /// The source of restock's `column`, nil when it was not read from a cell of the record.
    public subscript(column: String) -> Origin? {
        sources[column].map { Origin(exportColumn: $0.exportColumn, text: $0.index < record.count ? record[$0.index] : "") }
    }

    /// The same origins without those of `columns` (filled from elsewhere: an order line's
    /// columns taken from its order headers file).
    public func without(_ columns: some Sequence<String>) -> CellOrigins {
        var kept = self
        for column in columns where kept.sources[column] != nil { kept.sources[column] = nil }
        return kept
    }

    /// `rejection`, made by restock's row parser of the adapted row `fields` (in the order of
    /// `header`, restock's columns), in the export's terms, when the column at fault was read
    /// from a cell of the record: the column is the export's, the value the cell as the file
    /// writes it, the reason begins with its summary for the export's column (so the report
    /// counts it under the file's column) and ends by saying which of the file's columns and
    /// cells the restock columns it names were read from and as.
    ///
    /// For example `received_at must not be before ordered_at ("2008-04-28")` on a receipt
    /// read through a mapping becomes, in column `Delivered to Client Date` with value
    /// `03-Jan-08`: `...; in the file, received_at is column "Delivered to Client Date"
    /// (03-Jan-08, read as 2008-01-03) and ordered_at is column "PO Sent to Vendor Date"
    /// (4/28/08, read as 2008-04-28)`. A reject of no column (the row's shape), or of a column
    /// not read from the record, is left as it is.
    public func explain(_ rejection: Rejection, header: [String], fields: [String]) -> Rejection {
        guard !rejection.column.isEmpty, let own = self[rejection.column] else { return rejection }
        // Other columns the reason names, outside the row's own values (which it quotes).
        let words = Self.unquoted(rejection.reason)
        var named = [rejection.column]
        for column in header where column != rejection.column && Self.names(words, column) { named.append(column) }
        var notes: [String] = []
        for column in named {
            guard let origin = self[column] else { continue }
            let value = header.firstIndex(of: column).map { $0 < fields.count ? fields[$0] : "" } ?? ""
            let shown = origin.text.isEmpty ? "empty" : Rejection.clip(origin.text, to: 60)
            let read = value == origin.text || value.isEmpty ? shown : "\(shown), read as \(Rejection.clip(value, to: 60))"
            notes.append("\(column) is column \"\(origin.exportColumn)\" (\(read))")
        }
        var explained = rejection
        explained.column = own.exportColumn
        explained.value = Rejection.clip(own.text)
        let summary = rejection.code.summary(column: rejection.column)
        if rejection.reason.hasPrefix(summary) {
            explained.reason = rejection.code.summary(column: own.exportColumn) + rejection.reason.dropFirst(summary.count)
        }
        explained.reason += "; in the file, " + notes.joined(separator: " and ")
        return explained
    }

    /// `text` without its double-quoted parts (the row's own values in a reason).
    static func unquoted(_ text: String) -> String {
        var out = ""
        var quoted = false
        for c in text {
            if c == "\"" { quoted.toggle() } else if !quoted { out.append(c) }
        }
        return out
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
