/// One input file's records turned into parsed rows, whatever its format: the single place
/// the ingest decides a file's format and, for a shop export, adapts its records before
/// restock's row parser sees them (README, "Input files from your shop system").
///
/// A restock file goes straight to the parser, as it always did. A file of a known export
/// format, or one a mapping section reads, goes through its adapter; records the format
/// marks as holding nothing for restock are counted in `skipped`, not passed on.
public struct ExportIngest {
    /// The file's format.
    public let format: ExportFormat
    /// Records skipped by the format's layout (image rows, further locations of a SKU).
    public private(set) var skipped = 0
    private var adapter: (any ExportAdapter)?
    private let parser: RowParser
    private var outcomes: [AdaptedRow] = []

    /// Decides the format from the header (or `choice`) and prepares the parser. `kind` is
    /// the kind the file's name gives; `orderHeaders`, the headers of every `[order headers]`
    /// file, for an `[order lines]` file. Throws when a mapped column is missing, when the
    /// export holds another kind of rows than its name says, and for an unknown header.
    public init(header: [String], headerLine: Int, fileName: String, kind: FileKind, choice: FormatChoice,
                dates: DateTimeParser, orderHeaders: OrderHeaderIndex = OrderHeaderIndex()) throws(CSVError) {
        let found = Self.format(header: header, fileName: fileName, kind: kind, choice: choice)
        if found == .mapped, let section = choice.mapping?.section(forFileName: fileName) {
            adapter = try MappedAdapter(section: section, header: header, headerLine: headerLine, fileName: fileName,
                                        options: choice.options, headers: section.role == .orderLines ? orderHeaders : OrderHeaderIndex())
            format = .mapped
        } else {
            if found == nil, HeaderMap(header).missing(required: kind.requiredColumns).count == kind.requiredColumns.count {
                throw CSVError(kind: .badHeader, file: fileName, line: headerLine,
                               problem: "the header matches no format restock knows and names none of \(kind.requiredColumns.joined(separator: ", "))",
                               hint: ExportFormat.unknownFormatHint())
            }
            format = found ?? .restock
            adapter = format.adapter(header: header, fileName: fileName, options: choice.options)
        }
        if let adapter, adapter.kind != kind {
            throw CSVError(kind: .badHeader, file: fileName, line: headerLine,
                           problem: "the file is named as a \(kind.rawValue) file but holds a \(format.title) (\(adapter.kind.rawValue))",
                           hint: "rename it to start with \(adapter.kind.rawValue), e.g. \(adapter.kind.rawValue)-\(fileName)")
        }
        parser = try RowParser(kind: kind, fileName: fileName, header: adapter?.columns ?? header, headerLine: headerLine, dates: dates)
    }

    /// The format a file named `fileName`, of `kind`, with `header` is read as: `mapped` when a
    /// mapping section reads it, else the `--format` given, else the one its header says; nil
    /// when none does (restock's own columns, or a header that matches nothing).
    public static func format(header: [String], fileName: String, kind: FileKind, choice: FormatChoice) -> ExportFormat? {
        if choice.mapping?.section(forFileName: fileName) != nil { return .mapped }
        return choice.forced ?? ExportFormat.recognise(header: header, kind: kind)
    }

    /// Parses one record into `batch` (none, one or several rows).
    public mutating func parse(_ fields: [String], line: Int, into batch: inout [Result<InputRow, Rejection>]) throws(CSVError) {
        guard adapter != nil else {
            batch.append(parser.parse(fields, line: line))
            return
        }
        try adapter!.adapt(fields, line: line, into: &outcomes)
        drain(into: &batch)
    }

    /// Emits the rows an adapter held to the end of the file.
    public mutating func finish(into batch: inout [Result<InputRow, Rejection>]) throws(CSVError) {
        guard adapter != nil else { return }
        try adapter!.finish(into: &outcomes)
        drain(into: &batch)
    }

    private mutating func drain(into batch: inout [Result<InputRow, Rejection>]) {
        for outcome in outcomes {
            switch outcome {
            case .row(let line, let fields, let origins):
                batch.append(parser.parse(fields, line: line, columns: adapter?.columns ?? [], origins: origins))
            case .rejected(let rejection): batch.append(.failure(rejection))
            case .skipped: skipped += 1
            }
        }
        outcomes.removeAll(keepingCapacity: true)
    }
}
