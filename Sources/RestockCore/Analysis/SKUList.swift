import Foundation

/// A list of SKUs in a text file of the data folder (`restock-exclude.txt`,
/// `restock-recurring.txt`; README, "Non-stock lines" and "One-off bulk orders").
///
/// One entry a line: a SKU as written in the exports, or a pattern where `*` stands for any
/// run of characters (`POST*`, `*-SAMPLE`). `#` starts a comment, to the end of the line;
/// blank lines are skipped; spaces around an entry are trimmed. An entry starting with `!`
/// takes the SKUs it matches back out of the list. Later lines win: `POST*` then
/// `!POSTER-1` lists every SKU starting with POST but POSTER-1. SKUs match case-sensitively,
/// as everywhere in restock.
public struct SKUList: Sendable, Hashable {
    /// One line of the file that holds an entry.
    public struct Entry: Sendable, Hashable {
        /// The pattern, without its `!`.
        public var pattern: String
        /// The line's number in the file (1-based).
        public var line: Int
        /// Whether the line starts with `!`: the SKUs it matches are taken back out.
        public var takesOut: Bool
    }

    /// The file's name in the data folder.
    public var file: String
    public var entries: [Entry]

    /// Reads the text of the file `file`.
    public init(file: String, text: String) {
        self.file = file
        var entries: [Entry] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = raw.prefix { $0 != "#" }.trimmingCharacters(in: [" ", "\t", "\r"])
            guard !line.isEmpty else { continue }
            let takesOut = line.hasPrefix("!")
            if takesOut { line = String(line.dropFirst()).trimmingCharacters(in: [" ", "\t"]) }
            guard !line.isEmpty else { continue }
            entries.append(Entry(pattern: line, line: i + 1, takesOut: takesOut))
        }
        self.entries = entries
    }

    /// The last entry that matches `sku`, nil when none does. The SKU is listed when that
    /// entry does not take it out.
    public func lastMatch(_ sku: String) -> Entry? {
        entries.last { Self.matches($0.pattern, sku) }
    }

    /// Whether `sku` is listed (its last matching entry does not start with `!`).
    public func lists(_ sku: String) -> Bool {
        lastMatch(sku).map { !$0.takesOut } ?? false
    }

    /// Whether `pattern` (`*` for any run of characters, including none) matches all of `sku`.
    public static func matches(_ pattern: String, _ sku: String) -> Bool {
        guard pattern.contains("*") else { return pattern == sku }
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map { Array($0.utf8) }
        let s = Array(sku.utf8)
        guard s.starts(with: parts[0]) else { return false }
        var at = parts[0].count
        for part in parts.dropFirst().dropLast() {
            guard let found = Self.find(part, in: s, from: at) else { return false }
            at = found + part.count
        }
        let last = parts[parts.count - 1]
        return s.count - at >= last.count && s.suffix(last.count).elementsEqual(last)
    }

    private static func find(_ part: [UInt8], in s: [UInt8], from start: Int) -> Int? {
        guard !part.isEmpty else { return start }
        var i = start
        while i + part.count <= s.count {
            if s[i ..< i + part.count].elementsEqual(part) { return i }
            i += 1
        }
        return nil
    }
}
