import Foundation
import RestockCore

/// Tells what a data-folder `.csv` file holds when its name does not start with orders,
/// backorders, products or receipts (README, "Input files from your shop system"): a
/// mapping section whose `file` pattern matches the name says it, else the file's header
/// line, read alone, is recognised as a shop export. A file neither says anything about is
/// skipped and named, with the reason, in `skipped`.
///
/// A header with only restock's own columns is not enough: a products file needs nothing
/// but `sku`, so such a file must still be named for its kind.
struct UnnamedFileRecognition {
    let formats: FormatChoice
    /// The files skipped so far, in the order they were seen.
    private(set) var skipped: [SkippedInput] = []

    init(formats: FormatChoice) {
        self.formats = formats
    }

    /// The kind of the file at `path` named `name`, or nil (a file not ending in `.csv` is
    /// passed over silently, any other is also noted in `skipped`).
    mutating func kind(path: String, name: String) -> FileKind? {
        if let section = formats.mapping?.section(forFileName: name) { return section.role.kind }
        guard name.lowercased().hasSuffix(".csv") else { return nil }
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        switch Self.recognise(path: path, name: name, forced: formats.forced) {
        case .kind(let kind): return kind
        case .refused(let reason):
            skipped.append(SkippedInput(file: name, reason: reason))
            return nil
        }
    }

    /// What a header line says: the file's kind, or why it says none (problem; fix: hint).
    enum Outcome: Sendable, Hashable {
        case kind(FileKind)
        case refused(String)

        static func refused(_ problem: String, fix: String) -> Outcome { .refused("\(problem); fix: \(fix)") }
    }

    /// The kind the header line of the file says, or why it says none.
    static func recognise(path: String, name: String, forced: ExportFormat?) -> Outcome {
        let fields: [String]
        do {
            let reader = try CSVReader(path: path, fileName: name, chunkSize: 1 << 16)
            var header: [String] = []
            guard try reader.next(into: &header) != nil else {
                return .refused("the file is empty", fix: "export it again with its header row")
            }
            fields = header
        } catch {
            return .refused("its header cannot be read (\(error.problem))", fix: error.hint)
        }
        let format = forced ?? ExportFormat.recognise(header: fields)
        if let kind = format?.kind { return .kind(kind) }
        if format == .restock {
            return .refused("it has restock's own columns but its name does not say what it holds",
                            fix: "name it orders*.csv, backorders*.csv, products*.csv or receipts*.csv")
        }
        return .refused("its header matches no format restock knows", fix: ExportFormat.unknownFormatHint())
    }
}
