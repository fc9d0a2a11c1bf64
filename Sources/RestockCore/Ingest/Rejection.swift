/// A row that was not loaded, and why (README, "Bad rows, keys and loading again"): one line of
/// `rejects.csv`.
///
/// A bad row is a value, not a thrown error: the file goes on loading.
public struct Rejection: Sendable, Hashable, Codable {
    /// The file's name as found in the data folder.
    public var file: String
    /// 1-based line of the row's first physical line.
    public var line: Int
    /// The column at fault (empty when the fault is the row's shape).
    public var column: String
    /// The offending value as read (after trimming).
    public var value: String
    /// Plain words: what is wrong and what was expected.
    public var reason: String
    /// The kind of fault, without the row's own values: rejects with the same code and column
    /// share a `summary`.
    public var code: Code

    /// A value cut to at most `limit` characters (with "…" and the full length), so that a
    /// 10 MB cell or a 100,000-cell row stays readable in rejects.csv.
    /// Every valid cell passes through here, so the byte count (free) is asked first: a value
    /// of at most `limit` bytes has at most `limit` characters.
    public static func clip(_ value: String, to limit: Int = 200) -> String {
        guard value.utf8.count > limit, value.count > limit else { return value }
        return String(value.prefix(limit)) + "… (\(value.utf8.count) bytes)"
    }

    public init(file: String, line: Int, column: String, value: String, code: Code, reason: String) {
        self.file = file
        self.line = line
        self.column = column
        self.value = value
        self.code = code
        self.reason = reason
    }

    /// A reject whose reason is its code's summary followed by `detail` (the row's own values).
    public init(file: String, line: Int, column: String, value: String, code: Code, detail: String = "") {
        self.init(file: file, line: line, column: column, value: value, code: code,
                  reason: code.summary(column: column) + detail)
    }

    /// The reason without the row's own values ("quantity must be a number greater than 0"):
    /// the report counts rejects by it.
    public var summary: String { code.summary(column: column) }
}

extension Rejection: Error {}
