/// Turns the records of one export file into restock's own rows (README, "Input files").
///
/// Built from the export's header; `adapt` is called for every record in file order, then
/// `finish` once. Rows follow `columns`: the kind's columns (`FileKind.knownColumns`) and the
/// extra facts a shop system records (`CanonicalColumns`), which the parser keeps or ignores.
/// A whole file that cannot be read as the format says (dates whose order is ambiguous,
/// spreadsheet serial dates) throws a `CSVError`: nothing of it is loaded.
public protocol ExportAdapter {
    /// The format this adapter reads.
    var format: ExportFormat { get }
    /// The kind of rows it makes.
    var kind: FileKind { get }
    /// The header of the rows it makes.
    var columns: [String] { get }
    /// Adapts one record; `line` is its first physical line in the export.
    mutating func adapt(_ fields: [String], line: Int, into out: inout [AdaptedRow]) throws(CSVError)
    /// Emits what was held back for the end of the file (totals over several records).
    mutating func finish(into out: inout [AdaptedRow]) throws(CSVError)
}

extension ExportAdapter {
    public mutating func finish(into out: inout [AdaptedRow]) throws(CSVError) {}
}
