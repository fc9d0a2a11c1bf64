/// Reads a file through a section of a mapping file (`MappingSection`): each restock column
/// from the export's column the mapping names, dates by the section's date format or order,
/// numbers by its decimal mark.
///
/// An order lines section takes ordered_at, status and the other order columns from the
/// order headers file read before it (`OrderHeaderIndex`); a line whose order is not there
/// is rejected. Without a mapped quantity every line is one unit. Line ids are the mapped
/// line_id, else the SKU (`SKU#2` for the second line of the SKU in the order, the order's
/// lines following each other). An order headers file makes no rows: its records are
/// skipped once kept for the join.
public struct MappedAdapter: ExportAdapter {
    public let format = ExportFormat.mapped
    public let kind: FileKind
    public let columns: [String]
    private let section: MappingSection
    private let reading: ExportReading
    /// restock column -> (export column name, position).
    private let sources: [(column: String, name: String, index: Int)]
    /// The same, for a reject of a row in the file's terms (`CellOrigins`).
    private let origins: [String: CellOrigins.Source]
    /// The order headers, for an order lines section.
    public private(set) var headers: OrderHeaderIndex
    private var lines = LineNumbering()

    static let dateColumns: Set<String> = ["ordered_at", "backordered_at", "fulfilled_at", "cancelled_at", "received_at"]
    static let textColumns: Set<String> = ["order_id", "line_id", "sku", "status", "backorder_id", "po_id", "name", "category", "supplier",
                                           "financial_status", "fulfillment_status", "line_fulfillment_status", "requires_shipping",
                                           "vendor", "backorders_allowed", "item_type"]

    /// Matches the mapping to the export's header; throws naming a mapped column the file lacks.
    /// `headers` is the index an order headers file filled, for an order lines section.
    public init(section: MappingSection, header: [String], headerLine: Int, fileName: String, options: ExportOptions,
                headers: OrderHeaderIndex = OrderHeaderIndex()) throws(CSVError) {
        self.section = section
        self.kind = section.role.kind
        self.columns = CanonicalColumns.header(for: kind)
        self.headers = headers
        let dates = ExportDateReader(order: section.dateOrder ?? options.dateOrder, pattern: section.datePattern)
        self.reading = ExportReading(fileName: fileName, dates: dates, mark: section.decimalMark)
        let c = ExportColumns(header: header)
        var sources: [(String, String, Int)] = []
        for (column, name) in section.columns.sorted(by: { $0.key < $1.key }) {
            guard let index = c.index(name) else {
                // `PO #` read as `PO`: the mapping's `#` began a comment.
                let hashed = header.first { $0.hasPrefix(name) && $0.contains("#") }
                throw CSVError(kind: .badHeader, file: fileName, line: headerLine,
                               problem: "the mapping reads '\(name)' as \(column), but the file has no such column",
                               hint: hashed.map { "a # in the mapping starts a comment: write the column in quotes, `\(column) = \"\($0)\"`" }
                                   ?? "correct the mapping's `\(column) = ...` line, or check the delimiter (`delimiter = ;`)")
            }
            sources.append((column, name, index))
        }
        self.sources = sources
        self.origins = Dictionary(uniqueKeysWithValues: sources.map { ($0.0, CellOrigins.Source(exportColumn: $0.1, index: $0.2)) })
    }

    public mutating func adapt(_ fields: [String], line: Int, into out: inout [AdaptedRow]) throws(CSVError) {
        let r = ExportRecord(fields: fields, line: line)
        let s = self
        var row = CanonicalRow(kind: kind)
        var joined: [String] = []
        var ok = false
        try reading.record(into: &out) { (out: inout [AdaptedRow]) throws(AdaptFailure) in
            for source in s.sources {
                let raw = r.cell(source.index)
                if Self.dateColumns.contains(source.column) {
                    row[source.column] = try s.reading.date(raw, column: source.name, line: line)
                } else if Self.textColumns.contains(source.column) {
                    row[source.column] = raw
                } else {
                    row[source.column] = try s.reading.number(raw, column: source.name, line: line)
                }
            }
            if s.section.role == .orderHeaders {
                for column in s.section.role.required where row[column] == nil {
                    throw s.reading.reject(line, s.section.columns[column] ?? column, "", "\(column) is required but the cell is empty", code: .emptyCell)
                }
            }
            if s.section.role == .orderLines { joined = try s.join(&row, line: line) }
            ok = true
        }
        guard ok else { return }
        // Columns an order line takes from its header came from the other file.
        let origins = CellOrigins(sources: self.origins, record: fields).without(joined)
        switch section.role {
        case .orderHeaders:
            headers.keep(row, line: line, file: reading.fileName)
            out.append(.skipped(line: line, reason: "an order header, kept for its order lines"))
        case .orderLines:
            // Without a mapped quantity a line is one unit; an empty mapped cell is not guessed.
            if section.columns["quantity"] == nil { row["quantity"] = "1" }
            if row["line_id"] == nil, let o = row["order_id"], let sku = row["sku"] { row["line_id"] = lines.lineId(order: o, sku: sku) }
            out.append(.row(line: line, fields: row.fields, origins: origins))
        case .kind:
            out.append(.row(line: line, fields: row.fields, origins: origins))
        }
    }

    /// Fills the order's columns from its header and returns them; rejects a line whose
    /// order has none.
    private func join(_ row: inout CanonicalRow, line: Int) throws(AdaptFailure) -> [String] {
        let id = row["order_id"] ?? ""
        guard let header = headers.orders[id] else {
            throw reading.reject(line, section.columns["order_id"] ?? "order_id", id,
                                 "order \(id) is not in the order headers file\(headers.files.isEmpty ? " (none was read: check the [order headers] section's file pattern)" : "")")
        }
        var filled: [String] = []
        for (column, value) in header where column != "order_id" {
            row[column] = value
            filled.append(column)
        }
        return filled
    }
}

/// The order headers read from an `[order headers]` file, by order id, for its order lines.
public struct OrderHeaderIndex: Sendable, Hashable {
    /// order id -> restock column -> value.
    var orders: [String: [String: String]] = [:]
    /// The header files read (for messages).
    var files: [String] = []

    public init() {}

    mutating func keep(_ row: CanonicalRow, line: Int, file: String) {
        guard let id = row["order_id"] else { return }
        var values: [String: String] = [:]
        for column in MappingSection.Role.orderHeaders.allowed { if let v = row[column] { values[column] = v } }
        orders[id] = values
        if files.last != file { files.append(file) }
    }
}
