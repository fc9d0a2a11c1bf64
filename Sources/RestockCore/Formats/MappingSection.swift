/// One `[section]` of a mapping file: which files it reads, how, and which of their columns
/// is which restock column.
public struct MappingSection: Sendable, Hashable {
    /// What the files of a section hold.
    public enum Role: Sendable, Hashable {
        /// Rows of one of restock's kinds.
        case kind(FileKind)
        /// An order header file: order_id, ordered_at, maybe status, joined to order lines.
        case orderHeaders
        /// An order lines file: order_id, sku, maybe quantity and unit_price.
        case orderLines

        init?(title: String) {
            switch title {
            case "order headers": self = .orderHeaders
            case "order lines": self = .orderLines
            default:
                guard let kind = FileKind(rawValue: title) else { return nil }
                self = .kind(kind)
            }
        }

        /// The kind of rows the section's files become.
        public var kind: FileKind {
            if case .kind(let k) = self { return k }
            return .orders
        }

        /// restock columns this role must map.
        var required: [String] {
            switch self {
            case .kind(let k): k.requiredColumns
            case .orderHeaders: ["order_id", "ordered_at"]
            case .orderLines: ["order_id", "sku"]
            }
        }

        /// restock columns this role may map.
        var allowed: Set<String> {
            switch self {
            case .kind(let k): Set(CanonicalColumns.header(for: k))
            case .orderHeaders: ["order_id", "ordered_at", "status", "cancelled_at", "fulfilled_at", "financial_status", "fulfillment_status"]
            case .orderLines: Set(CanonicalColumns.header(for: .orders)).subtracting(["ordered_at"])
            }
        }
    }

    public var role: Role
    /// The mapping file's line of the `[section]` header.
    public var line: Int
    /// Which data-folder files this section reads (`*` matches any text).
    public var filePattern = ""
    public var delimiter = CSVDelimiter.comma
    public var decimalMark: DecimalMark?
    public var datePattern: DatePattern?
    public var dateOrder: DateOrder?
    /// restock column -> the export's column.
    public var columns: [String: String] = [:]

    init(role: Role, line: Int) {
        self.role = role
        self.line = line
    }

    /// Applies one `key = value` line.
    mutating func set(_ key: String, _ value: String) throws(FormatRefusal) {
        switch key {
        case "file": filePattern = value
        case "delimiter":
            guard let d = CSVDelimiter(mappingValue: value) else { throw FormatRefusal(problem: "unknown delimiter \"\(value)\"", hint: "write , ; or tab") }
            delimiter = d
        case "decimal mark":
            guard let m = DecimalMark(mappingValue: value) else { throw FormatRefusal(problem: "unknown decimal mark \"\(value)\"", hint: "write . or ,") }
            decimalMark = m
        case "date format":
            guard let p = DatePattern(value) else {
                throw FormatRefusal(problem: "date format \"\(value)\" is not one restock reads", hint: "use %Y (or %y), %m (or %b for Jun, %B for June), %d, %H, %M, %S and literal characters, e.g. %d/%m/%Y %H:%M or %d-%b-%y")
            }
            datePattern = p
        case "date order":
            guard let o = DateOrder(rawValue: value.lowercased()) else { throw FormatRefusal(problem: "unknown date order \"\(value)\"", hint: "write dmy or mdy") }
            dateOrder = o
        default:
            guard role.allowed.contains(key) else {
                throw FormatRefusal(problem: "'\(key)' is not a restock column of this section",
                                    hint: "map restock's columns: \(role.allowed.sorted().joined(separator: ", "))")
            }
            columns[key] = value
        }
    }

    /// What is missing for the section to be usable, if anything.
    func problem() -> FormatRefusal? {
        if filePattern.isEmpty { return FormatRefusal(problem: "the section has no `file = ...`", hint: "say which files it reads, e.g. file = sales*.csv") }
        let missing = role.required.filter { columns[$0] == nil }
        guard missing.isEmpty else {
            return FormatRefusal(problem: "the section does not map \(missing.joined(separator: ", "))", hint: "add a line `\(missing[0]) = <the export's column>`")
        }
        return nil
    }
}
