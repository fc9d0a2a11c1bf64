/// What the user said about the formats of the input files: `--format NAME` (every file is
/// read as that format), `--date-order`, and a mapping file (`--map FILE`).
public struct FormatChoice: Sendable, Hashable {
    public var forced: ExportFormat?
    public var options: ExportOptions
    public var mapping: MappingFile?

    public init(forced: ExportFormat? = nil, options: ExportOptions = ExportOptions(), mapping: MappingFile? = nil) {
        self.forced = forced
        self.options = options
        self.mapping = mapping
    }

    /// The delimiter of `fileName`: its mapping section's, else a comma.
    public func delimiter(fileName: String) -> CSVDelimiter {
        mapping?.section(forFileName: fileName)?.delimiter ?? .comma
    }
}
