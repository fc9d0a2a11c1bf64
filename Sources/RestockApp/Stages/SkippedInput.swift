import Foundation

/// An entry of the data folder whose name is that of an input file but which is not a
/// regular file (a folder, a named pipe, a dangling symbolic link, a device or socket), so it
/// is not read (README, "Reliability"); or a `.csv` file whose name and header say nothing
/// restock reads (`UnnamedFileRecognition`). The run goes on and names it in its progress,
/// summary.json (`skipped_files`) and the report's data quality section.
struct SkippedInput: Sendable, Hashable, Codable {
    /// The entry's name in the data folder.
    var file: String
    /// What it is and what to do, in words.
    var reason: String

    /// "orders-x.csv: skipped: it is a named pipe ...", for the progress line and the report.
    var sentence: String { "\(file) was not read: \(reason)" }

    /// Why the entry at `path` is not read, nil for a regular file or a symbolic link to one.
    /// Looks at the entry itself first (`lstat`), so a link that leads nowhere is named as such.
    static func problem(path: String) -> String? {
        var link = stat()
        guard lstat(path, &link) == 0 else { return "it cannot be examined (\(String(cString: strerror(errno)))); check its permissions" }
        var st = stat()
        if link.st_mode & S_IFMT == S_IFLNK {
            guard stat(path, &st) == 0 else {
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
                return "it is a symbolic link to '\(target)', which does not exist; restore the file or remove the link"
            }
        } else {
            st = link
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "it is a folder, not a file; restock reads only the files at the top of the data folder, so rename the folder"
        case S_IFIFO: return "it is a named pipe (FIFO), which could block the run forever; write the export to a regular file"
        case S_IFSOCK: return "it is a socket, not a file; write the export to a regular file"
        default: return "it is a device, not a regular file; write the export to a regular file"
        }
    }
}
