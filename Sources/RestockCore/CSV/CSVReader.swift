/// A streaming RFC 4180 reader over bytes (README, "The CSV dialect").
///
/// Reads a file in chunks (`chunkSize` bytes, default 1 MiB) into one buffer that grows only
/// when a single record is longer than the buffer, so memory does not grow with the file.
/// Each call to `next(into:)` returns one record: its fields unquoted (`""` -> `"`) and
/// trimmed of surrounding spaces and tabs, and the 1-based physical line it starts on.
///
/// The dialect, decided here:
/// - comma separated (or `delimiter`: a semicolon or a tab, where a mapping says so); a record ends at LF or CRLF (both may appear in one file); a CR that
///   is not followed by LF (or by the end of input) is ordinary data in an unquoted field;
/// - a UTF-8 byte-order mark at the start of the file is skipped;
/// - blank lines (empty, or only spaces and tabs) are skipped and never returned; their
///   lines still count, so line numbers are physical lines of the file;
/// - a quoted field may hold commas, CR, LF and doubled quotes; the line counter counts the
///   LFs inside it. Spaces and tabs may precede the opening quote and follow the closing
///   quote; any other character after a closing quote is an error (`stray character 'x'
///   after closing quote`), and so is a quote still open at the end of the input (reported
///   on the line where it opened);
/// - a quote in the middle of an unquoted field (`12" pipe`) is kept as data;
/// - every field must be valid UTF-8 (checked once per field, when its `String` is made);
/// - a NUL byte anywhere is an error: it means a binary file or UTF-16 text, never CSV data;
/// - the last record needs no line end.
///
/// The scanner is an explicit state machine (`State`) that keeps its state between buffer
/// refills, so a field may span chunk boundaries and nothing is scanned twice: a 10 MB field
/// or a 100,000-column line costs time linear in its size.
public final class CSVReader {
    /// The file name used in error messages.
    public let fileName: String
    private var scanner: CSVScanner

    /// Opens the CSV file at `path`; `fileName` (default: the last path component) names it in
    /// errors. `chunkSize` is the number of bytes read at a time (at least 16).
    public init(path: String, fileName: String? = nil, chunkSize: Int = 1 << 20,
                delimiter: CSVDelimiter = .comma) throws(CSVError) {
        let name = fileName ?? String(path.split(separator: "/").last ?? Substring(path))
        self.fileName = name
        self.scanner = try CSVScanner(path: path, name: name, chunkSize: chunkSize, delimiter: delimiter.byte)
    }

    /// Reads CSV from memory (tests, fuzzing); `fileName` names it in errors.
    public init(bytes: [UInt8], fileName: String, delimiter: CSVDelimiter = .comma) {
        self.fileName = fileName
        self.scanner = CSVScanner(bytes: bytes, fileName: fileName, delimiter: delimiter.byte)
    }

    /// Reads CSV from memory through the streaming path, handing the scanner at most
    /// `readLimit` bytes per read into a `chunkSize` buffer (tests and the fuzzer use it to
    /// put chunk boundaries and short reads everywhere).
    init(bytes: [UInt8], fileName: String, chunkSize: Int, readLimit: Int) {
        self.fileName = fileName
        // A memory source never throws.
        self.scanner = try! CSVScanner(source: MemoryByteSource(bytes, limit: readLimit),
                                       name: fileName, chunkSize: chunkSize)
    }

    deinit { scanner.deallocate() }

    /// Reads the next record into `fields` (replacing its contents) and returns the 1-based
    /// physical line the record starts on; nil at the end of the input.
    ///
    /// Throws `CSVError` for an unterminated quote, a stray character after a closing quote,
    /// a field that is not UTF-8, a NUL byte or a read error. After an error the reader
    /// should not be used further.
    public func next(into fields: inout [String]) throws(CSVError) -> Int? {
        try scanner.next(into: &fields)
    }
}

@available(*, unavailable, message: "a CSVReader owns a file and a buffer; use it on one task")
extension CSVReader: Sendable {}
