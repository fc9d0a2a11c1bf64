import Foundation
import RestockCore

/// An input file found in the data folder or named on the command line.
struct InputFile: Sendable, Hashable {
    /// The file's name as found in the data folder (its last path component).
    var name: String
    var path: String
    var kind: FileKind
    var size: Int64
    /// Modification time, nanoseconds since 1970.
    var modifiedNanoseconds: Int64

    /// The input files among `arguments` (files or folders), in byte order of their names
    /// (README, "Input files": only a folder's top level; names match case-sensitively).
    /// `unnamed(path, name)` gives the kind of a file whose name does not say it, or nil to
    /// leave it out (`UnnamedFileRecognition`).
    static func collect(_ arguments: [String],
                        unnamed: (_ path: String, _ name: String) -> FileKind? = { _, _ in nil }) throws(RunError) -> [InputFile] {
        var found: [InputFile] = []
        let fm = FileManager.default
        for argument in arguments {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                throw RunError("'\(argument)' does not exist; pass a data folder or CSV files (orders*.csv, backorders*.csv, products*.csv, receipts*.csv)")
            }
            if isDirectory.boolValue {
                let names: [String]
                do { names = try fm.contentsOfDirectory(atPath: argument) } catch {
                    throw RunError("cannot list the data folder '\(argument)': \(error.localizedDescription); check its permissions")
                }
                for name in names {
                    let path = (argument as NSString).appendingPathComponent(name)
                    guard let kind = FileKind.of(fileName: name) ?? unnamed(path, name) else { continue }
                    var sub: ObjCBool = false
                    guard fm.fileExists(atPath: path, isDirectory: &sub), !sub.boolValue else { continue }
                    found.append(try describe(path: path, name: name, kind: kind))
                }
            } else {
                let name = (argument as NSString).lastPathComponent
                guard let kind = FileKind.of(fileName: name) ?? unnamed(argument, name) else {
                    throw RunError("'\(argument)': the file name must start with orders, backorders, products or receipts and end in .csv, so restock knows what it holds; rename it")
                }
                found.append(try describe(path: argument, name: name, kind: kind))
            }
        }
        found.sort { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
        return found
    }

    private static func describe(path: String, name: String, kind: FileKind) throws(RunError) -> InputFile {
        var st = stat()
        guard stat(path, &st) == 0 else {
            throw RunError("\(name): cannot read the file (\(String(cString: strerror(errno)))); check its permissions")
        }
        let modified = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        return InputFile(name: name, path: path, kind: kind, size: Int64(st.st_size), modifiedNanoseconds: modified)
    }

    /// A fingerprint of the content: FNV-1a 64 of the size and the first and last 64 KiB.
    /// With name, size and modification time it decides whether a file is the one loaded before.
    func fingerprint() throws(RunError) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw RunError("\(name): cannot open the file for reading; check its permissions")
        }
        defer { try? handle.close() }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ data: Data) {
            for byte in data {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
        }
        mix(Data(String(size).utf8))
        let head = (try? handle.read(upToCount: 65_536)) ?? Data()
        mix(head)
        if size > 65_536 {
            try? handle.seek(toOffset: UInt64(max(65_536, size - 65_536)))
            mix((try? handle.readToEnd()) ?? Data())
        }
        return String(hash, radix: 16)
    }
}
