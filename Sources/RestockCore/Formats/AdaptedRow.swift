/// What an export adapter makes of one record of a shop system's export.
///
/// Every record of an export ends as at least one of these, so that every line of the file
/// is accounted for (README, "Input files from your shop system"): rows for restock's parser,
/// a rejection, or a record skipped for a stated reason (an image row of a Shopify product,
/// a location row added to its SKU's total).
public enum AdaptedRow: Sendable, Hashable {
    /// Cells in the order of the adapter's `columns`, from the export's `line`, and where
    /// they were read in the export when the adapter records it (`CellOrigins`, so that a
    /// reject of the row names the file's column and cell).
    case row(line: Int, fields: [String], origins: CellOrigins = CellOrigins())
    /// A record that cannot become a row, and why.
    case rejected(Rejection)
    /// A record that holds nothing for restock by the format's own layout.
    case skipped(line: Int, reason: String)

    /// The export line this outcome belongs to.
    public var line: Int {
        switch self {
        case .row(let line, _, _), .skipped(let line, _): line
        case .rejected(let rejection): rejection.line
        }
    }
}
