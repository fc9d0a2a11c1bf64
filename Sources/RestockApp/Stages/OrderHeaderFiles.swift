import RestockCore

/// The order headers of a joined mapping (`[order headers]` + `[order lines]`, README,
/// "Mapping files", example 2), read from every header file before any file is
/// loaded, so that an order lines file finds its orders whatever the files' name order, and
/// whether or not a header file is unchanged since it was loaded before.
enum OrderHeaderFiles {
    /// The index of the headers in `files` read through `formats`' mapping; empty when the
    /// mapping has no order lines section matching one of `files`. Throws what loading the
    /// header file would throw (unreadable, a mapped column missing).
    static func index(of files: [InputFile], formats: FormatChoice) throws -> OrderHeaderIndex {
        var index = OrderHeaderIndex()
        guard let mapping = formats.mapping,
              files.contains(where: { mapping.section(forFileName: $0.name)?.role == .orderLines }) else { return index }
        for file in files {
            guard let section = mapping.section(forFileName: file.name), section.role == .orderHeaders else { continue }
            let reader = try CSVReader(path: file.path, fileName: file.name, delimiter: section.delimiter)
            var fields: [String] = []
            guard let headerLine = try reader.next(into: &fields) else { continue }
            var adapter = try MappedAdapter(section: section, header: fields, headerLine: headerLine, fileName: file.name,
                                            options: formats.options, headers: index)
            var outcomes: [AdaptedRow] = []
            while let line = try reader.next(into: &fields) {
                try adapter.adapt(fields, line: line, into: &outcomes)
                outcomes.removeAll(keepingCapacity: true)
            }
            index = adapter.headers
        }
        return index
    }
}
