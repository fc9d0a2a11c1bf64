extension RowParser {
    /// Parses one adapted row whose cells follow `columns` (its adapter's), a reject put in
    /// the export's terms where `origins` knows the cells' sources (`CellOrigins.explain`):
    /// the one place an adapted row is parsed.
    public func parse(_ fields: [String], line: Int, columns: [String], origins: CellOrigins) -> Result<InputRow, Rejection> {
        let parsed = parse(fields, line: line)
        guard case .failure(let rejection) = parsed, !origins.isEmpty else { return parsed }
        return .failure(origins.explain(rejection, header: columns, fields: fields))
    }
}
