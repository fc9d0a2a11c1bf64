/// Column names of a CSV header matched to their positions (README, "The CSV dialect": header
/// names are matched ignoring case and surrounding spaces; column order is free; unknown
/// columns are ignored).
public struct HeaderMap: Sendable, Hashable {
    /// The header's names, trimmed of spaces and tabs and lowercased, in file order.
    public let names: [String]
    /// Names that appear more than once (lowercased), in order of their second appearance.
    /// The first occurrence is the one `index(of:)` returns; the caller decides whether a
    /// duplicate is an error (it usually is: which of the two would be meant?).
    public let duplicates: [String]
    private let positions: [String: Int]

    /// Builds the map from the header record's fields.
    public init(_ header: [String]) {
        var names: [String] = []
        names.reserveCapacity(header.count)
        var positions: [String: Int] = [:]
        var duplicates: [String] = []
        for (i, raw) in header.enumerated() {
            let name = HeaderMap.normalize(raw)
            names.append(name)
            if positions[name] == nil {
                positions[name] = i
            } else if !duplicates.contains(name) {
                duplicates.append(name)
            }
        }
        self.names = names
        self.positions = positions
        self.duplicates = duplicates
    }

    /// Number of columns in the header.
    public var count: Int { names.count }

    /// Position (0-based) of the column called `name` (any case, surrounding blanks ignored),
    /// nil when the header has no such column.
    public func index(of name: String) -> Int? {
        positions[HeaderMap.normalize(name)]
    }

    /// Which of `required` (in their given order) the header lacks.
    public func missing(required: [String]) -> [String] {
        required.filter { index(of: $0) == nil }
    }

    /// Throws a `CSVError` naming the first duplicated column, if any; `line` is the header's.
    public func checkNoDuplicates(file: String, line: Int) throws(CSVError) {
        guard let name = duplicates.first else { return }
        throw CSVError(kind: .badHeader, file: file, line: line,
                       problem: "column '\(name)' appears more than once in the header",
                       hint: "rename or remove one of the columns")
    }

    /// Trimmed of spaces and tabs, lowercased.
    static func normalize(_ name: String) -> String {
        var s = Substring(name)
        while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return s.lowercased()
    }
}
