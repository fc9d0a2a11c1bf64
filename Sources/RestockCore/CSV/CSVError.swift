/// A CSV file that cannot be read at all (README, "Bad rows, keys and
/// loading again": it stops the run with a message naming the file, the line and what to do).
///
/// `problem` and `hint` are plain lowercase words; `description` joins them as
/// `orders.csv:12: unterminated quoted field (opened on this line); fix: close the quote or
/// re-export the file`. A bad *row* is not a `CSVError`: the ingest records it as a rejection.
public struct CSVError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is, for code that wants to branch on it.
    public enum Kind: Sendable, Hashable {
        /// The file could not be opened or read (permissions, missing, I/O error).
        case unreadable
        /// A quoted field was still open at the end of the input.
        case unterminatedQuote
        /// A character other than a comma, a line end, a space or a tab followed a closing quote.
        case strayCharacterAfterQuote
        /// A field is not valid UTF-8.
        case invalidUTF8
        /// The input holds a NUL byte (most likely a binary file or UTF-16 text).
        case nulByte
        /// The header is unusable (for example a column name appears twice).
        case badHeader
    }

    /// The kind of failure.
    public var kind: Kind
    /// The file's name as the user knows it (`orders-2026-11-26.csv`).
    public var file: String
    /// 1-based physical line the problem was found on; nil when it concerns the whole file.
    public var line: Int?
    /// What is wrong, in plain lowercase words.
    public var problem: String
    /// What to do about it, in plain lowercase words.
    public var hint: String

    public init(kind: Kind, file: String, line: Int?, problem: String, hint: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.problem = problem
        self.hint = hint
    }

    /// `file:line: problem; fix: hint` (the line is left out when there is none).
    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return "\(place): \(problem); fix: \(hint)"
    }

    /// A file that cannot be opened or read; `reason` is the system's words (`strerror`).
    public static func unreadable(file: String, reason: String) -> CSVError {
        CSVError(kind: .unreadable, file: file, line: nil,
                 problem: "cannot read the file (\(reason.lowercased()))",
                 hint: "check that the file exists and is readable")
    }

    static func unterminatedQuote(file: String, line: Int) -> CSVError {
        CSVError(kind: .unterminatedQuote, file: file, line: line,
                 problem: "unterminated quoted field (opened on this line)",
                 hint: "close the quote or re-export the file")
    }

    static func strayCharacter(file: String, line: Int, byte: UInt8) -> CSVError {
        CSVError(kind: .strayCharacterAfterQuote, file: file, line: line,
                 problem: "stray character \(describe(byte)) after closing quote",
                 hint: "a quoted field must end at a comma or the end of the line; "
                     + "double a quote inside a quoted field (\"\")")
    }

    static func invalidUTF8(file: String, line: Int, field: Int) -> CSVError {
        CSVError(kind: .invalidUTF8, file: file, line: line,
                 problem: "field \(field) is not valid utf-8",
                 hint: "save or re-export the file as utf-8")
    }

    static func nulByte(file: String, line: Int) -> CSVError {
        CSVError(kind: .nulByte, file: file, line: line,
                 problem: "file contains a nul byte; is it a binary file?",
                 hint: "export the data as a utf-8 csv file (not utf-16, not a spreadsheet)")
    }

    /// `'x'` for printable ASCII, otherwise a name or the byte in hex.
    static func describe(_ byte: UInt8) -> String {
        switch byte {
        case 0x0D: return "carriage return"
        case 0x21...0x7E: return "'\(Character(Unicode.Scalar(byte)))'"
        default:
            let hex = String(byte, radix: 16, uppercase: true)
            return "byte 0x" + (hex.count == 1 ? "0" + hex : hex)
        }
    }
}
