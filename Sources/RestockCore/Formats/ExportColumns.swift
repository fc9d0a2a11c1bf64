/// The columns of an export found by their names (any of a few spellings, matched as
/// `HeaderMap` matches: case and surrounding blanks ignored).
struct ExportColumns {
    let map: HeaderMap

    init(header: [String]) { map = HeaderMap(header) }

    /// Position of the first of `names` the header has.
    func index(_ names: String...) -> Int? { index(names) }

    func index(_ names: [String]) -> Int? {
        for name in names { if let i = map.index(of: name) { return i } }
        return nil
    }

    /// Whether the header has every one of `names`.
    func has(_ names: String...) -> Bool { names.allSatisfy { map.index(of: $0) != nil } }

    /// The header's own spelling of the column at `index`, for messages.
    func name(_ index: Int?, header: [String]) -> String { index.map { header[$0] } ?? "" }
}

/// The cells of one export record.
struct ExportRecord {
    let fields: [String]
    let line: Int

    /// The cell at `index`; nil when the column is absent or the cell empty.
    func cell(_ index: Int?) -> String? {
        guard let index, index < fields.count, !fields[index].isEmpty else { return nil }
        return fields[index]
    }
}
