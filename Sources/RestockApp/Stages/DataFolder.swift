import Foundation
import RestockCore

/// What the ingest reads from the data folders and files it is given (README, "Input
/// files"): the input files, the format choice with the folder's mapping file, and the
/// entries it left out with the reason (not regular files, `.csv` files it cannot tell).
struct DataFolder: Sendable {
    /// The mapping file a data folder may hold, used when `--map` names none (README,
    /// "Mapping files").
    static let mappingFileName = "restock-map.txt"

    var files: [InputFile]
    /// The `--format`, `--date-order` and `--map` choice, with the folder's mapping file.
    var formats: FormatChoice
    /// The entries left out, in byte order of their names.
    var skipped: [SkippedInput]

    /// What was left out and why, one sentence each (for an error that finds nothing to read).
    var skippedSentences: String { skipped.map { " " + $0.sentence + "." }.joined() }

    /// Collects the input files of `paths` (folders or files). A folder's `restock-map.txt`
    /// is read when `formats` has no mapping; the first folder holding one wins.
    init(paths: [String], formats: FormatChoice) throws {
        var formats = formats
        if formats.mapping == nil {
            for path in paths {
                let candidate = (path as NSString).appendingPathComponent(Self.mappingFileName)
                if let mapping = try Self.mapping(at: candidate) {
                    formats.mapping = mapping
                    break
                }
            }
        }
        var recognition = UnnamedFileRecognition(formats: formats)
        let scanned = try InputFile.scan(paths) { recognition.kind(path: $0, name: $1) }
        files = scanned.files
        self.formats = formats
        skipped = (scanned.skipped + recognition.skipped).sorted { ByteOrder.precedes($0.file, $1.file) }
    }

    /// The mapping file at `path`, nil when there is none; an entry there that is not a
    /// regular file (a folder, a named pipe) stops the run, as a broken mapping file does.
    private static func mapping(at path: String) throws -> MappingFile? {
        var entry = stat()
        guard lstat(path, &entry) == 0 else { return nil }
        if let problem = SkippedInput.problem(path: path) {
            throw RunError("\(mappingFileName): cannot read the mapping file: \(problem)")
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw RunError("\(mappingFileName): cannot read the mapping file (unreadable or not UTF-8); check it, or remove it from the data folder")
        }
        do { return try MappingFile(text: text, name: mappingFileName) } catch {
            throw RunError("\(error)")
        }
    }
}
