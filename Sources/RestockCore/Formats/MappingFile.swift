/// A mapping file: how to read exports restock does not know (an ERP, a marketplace, a
/// spreadsheet), written by the user as a small text file (README, "Mapping files",
/// with two worked examples).
///
/// ```
/// [orders]                      # or products, backorders, receipts, order headers, order lines
/// file = verkauf*.csv           # the files this section reads (* matches any text)
/// delimiter = ;                 # , ; or tab
/// decimal mark = ,              # . or ,
/// date format = %d/%m/%Y %H:%M  # see DatePattern; or: date order = dmy / mdy
/// order_id = Belegnummer        # restock column = the export's column
/// ```
/// `order headers` and `order lines` sections read an order's header file (order_id,
/// ordered_at, status) and its lines file (order_id, sku, quantity, unit_price), joined by
/// order_id; a lines file without quantity has one line per unit. Blank lines and text after
/// a `#` are ignored, except a `#` inside double quotes: `po_id = "PO #"` maps a column whose
/// name holds one. Keys and section names are matched without regard to case.
public struct MappingFile: Sendable, Hashable {
    public var sections: [MappingSection]

    /// A line up to its comment: the first `#` outside double quotes.
    static func withoutComment(_ line: Substring) -> Substring {
        var quoted = false
        for i in line.indices {
            if line[i] == "\"" { quoted.toggle() }
            if line[i] == "#" && !quoted { return line[..<i] }
        }
        return line
    }

    /// The section whose `file` pattern matches `fileName`, the first when several do.
    public func section(forFileName fileName: String) -> MappingSection? {
        sections.first { MappingFile.matches(fileName, pattern: $0.filePattern) }
    }

    /// Parses mapping text; `name` is the mapping file's name in messages.
    public init(text: String, name: String) throws(CSVError) {
        var sections: [MappingSection] = []
        var lineNumber = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = Self.withoutComment(raw).trimmingCharacters(in: " \t\r")
            if line.isEmpty { continue }
            func fail(_ problem: String, _ hint: String) -> CSVError {
                CSVError(kind: .badHeader, file: name, line: lineNumber, problem: problem, hint: hint)
            }
            if line.hasPrefix("[") && line.hasSuffix("]") {
                let title = String(line.dropFirst().dropLast()).trimmingCharacters(in: " \t").lowercased()
                guard let role = MappingSection.Role(title: title) else {
                    throw fail("unknown section [\(title)]", "use [orders], [products], [backorders], [receipts], [order headers] or [order lines]")
                }
                sections.append(MappingSection(role: role, line: lineNumber))
                continue
            }
            guard let eq = line.firstIndex(of: "=") else { throw fail("expected `name = value`, got \"\(line)\"", "write one setting or column per line") }
            guard !sections.isEmpty else { throw fail("a setting before any [section]", "start with a section such as [orders]") }
            let key = line[..<eq].trimmingCharacters(in: " \t").lowercased()
            var value = line[line.index(after: eq)...].trimmingCharacters(in: " \t")
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            do { try sections[sections.count - 1].set(key, value) } catch { throw fail(error.problem, error.hint) }
        }
        for section in sections {
            if let problem = section.problem() {
                throw CSVError(kind: .badHeader, file: name, line: section.line, problem: problem.problem, hint: problem.hint)
            }
        }
        guard !sections.isEmpty else {
            throw CSVError(kind: .badHeader, file: name, line: nil, problem: "the mapping has no [section]", hint: "start with a section such as [orders]")
        }
        self.sections = sections
    }

    /// Whether `name` matches `pattern`, where `*` matches any run of characters.
    static func matches(_ name: String, pattern: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 1 else { return name == pattern }
        guard name.hasPrefix(parts[0]), name.hasSuffix(parts[parts.count - 1]),
              name.count >= parts[0].count + parts[parts.count - 1].count else { return false }
        var rest = Substring(name.dropFirst(parts[0].count).dropLast(parts[parts.count - 1].count))
        for middle in parts.dropFirst().dropLast() where !middle.isEmpty {
            guard let r = rest.range(of: middle) else { return false }
            rest = rest[r.upperBound...]
        }
        return true
    }
}

extension String {
    /// Without the given characters at either end.
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s.removeFirst() }
        while let c = s.last, set.contains(c) { s.removeLast() }
        return String(s)
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String { String(self).trimmingCharacters(in: set) }
}
