import CLinuxFS
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
    /// Status change time (`st_ctim`), nanoseconds since 1970: set by the kernel on every
    /// write to the file, rename of it into place or change of its times (on
    /// `localFileSystems`), with no call to set it back.
    var changedNanoseconds: Int64 = 0
    /// The file's identity on its file system, `device:inode` (a file put in its place by a
    /// rename or a new copy has another); empty on a file system whose change times restock
    /// does not trust (`localFileSystems`), so that such a file is always read to prove it
    /// unchanged.
    var fileID: String = ""

    /// File systems whose change time the kernel itself sets on every write, rename into
    /// place or change of times (`statfs` magic numbers): ext2/3/4, XFS, Btrfs, tmpfs, ZFS,
    /// F2FS and overlayfs. Network and FUSE file systems (NFS, SMB, sshfs, rclone) are left
    /// out: some report the change time as the modification time, let clients set it, or
    /// answer `stat` from a cache.
    static let localFileSystems: Set<Int64> = [0xEF53, 0x5846_5342, 0x9123_683E, 0x0102_1994, 0x2FC1_2FC1, 0xF2F5_2010, 0x794C_7630]

    /// The input files among `arguments` (files or folders), in byte order of their names
    /// (README, "Input files": only a folder's top level; names match case-sensitively).
    static func collect(_ arguments: [String]) throws(RunError) -> [InputFile] {
        try scan(arguments).files
    }

    /// The input files among `arguments`, and the entries of a folder that bear an input
    /// file's name but are not regular files (`SkippedInput`). A file named as an argument
    /// that is not a regular file fails: the user asked for it. `unnamed(path, name)` gives
    /// the kind of a file whose name does not say it, or nil to leave it out
    /// (`UnnamedFileRecognition`).
    static func scan(_ arguments: [String], unnamed: (_ path: String, _ name: String) -> FileKind? = { _, _ in nil })
        throws(RunError) -> (files: [InputFile], skipped: [SkippedInput]) {
        var found: [InputFile] = []
        var skipped: [SkippedInput] = []
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
                    if let problem = SkippedInput.problem(path: path) {
                        skipped.append(SkippedInput(file: name, reason: problem))
                        continue
                    }
                    found.append(try describe(path: path, name: name, kind: kind))
                }
            } else {
                let name = (argument as NSString).lastPathComponent
                guard let kind = FileKind.of(fileName: name) ?? unnamed(argument, name) else {
                    throw RunError("'\(argument)': the file name must start with orders, backorders, products or receipts and end in .csv, so restock knows what it holds; rename it")
                }
                if let problem = SkippedInput.problem(path: argument) {
                    throw RunError("'\(argument)' cannot be read: \(problem)")
                }
                found.append(try describe(path: argument, name: name, kind: kind))
            }
        }
        found.sort { ByteOrder.precedes($0.name, $1.name) }
        skipped.sort { ByteOrder.precedes($0.file, $1.file) }
        return (found, skipped)
    }

    private static func describe(path: String, name: String, kind: FileKind) throws(RunError) -> InputFile {
        var st = stat()
        guard stat(path, &st) == 0 else {
            throw RunError("\(name): cannot read the file (\(String(cString: strerror(errno)))); check its permissions")
        }
        var fs = statfs()
        let local = statfs(path, &fs) == 0 && localFileSystems.contains(Int64(fs.f_type))
        return InputFile(name: name, path: path, kind: kind, size: Int64(st.st_size), modifiedNanoseconds: st.st_mtim.nanoseconds,
                         changedNanoseconds: st.st_ctim.nanoseconds, fileID: local ? identity(st) : "")
    }

    /// A file's identity on its file system, `device:inode` (`fileID`).
    private static func identity(_ st: stat) -> String {
        "\(st.st_dev):\(st.st_ino)"
    }

    /// A fingerprint of the whole content: "c1:" and the `ContentHash` of every byte, in hex.
    /// With name, size and modification time it decides whether a file is the one loaded
    /// before, so a re-export that keeps all three but changes a byte is read again.
    /// (Stores of restock 0.2 hold the older fingerprint of the first and last 64 KiB,
    /// without the "c1:"; such a file is read once more, its rows then count as duplicates.)
    func fingerprint() throws(RunError) -> String {
        try fingerprinted().fingerprint
    }

    /// The fingerprint, and whether the file read for it is the one the scan described (the
    /// same device, inode, size and times): a path switched to another file in between (a
    /// symbolic link retargeted, a rename) must not lend its identity to that fingerprint.
    func fingerprinted() throws(RunError) -> (fingerprint: String, asScanned: Bool) {
        // Non-blocking: a named pipe put in place of the file since the scan cannot hang the run.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            throw RunError("\(name): cannot open the file for reading (\(String(cString: strerror(errno)))); check its permissions")
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else {
            throw RunError("\(name): not a regular file any more; write the export to a regular file and run again")
        }
        let asScanned = !fileID.isEmpty && fileID == Self.identity(st) && Int64(st.st_size) == size
            && st.st_mtim.nanoseconds == modifiedNanoseconds && st.st_ctim.nanoseconds == changedNanoseconds
        var hash = ContentHash()
        let chunk = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = read(fd, buffer.baseAddress, chunk)
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                throw RunError("\(name): cannot read the file (\(String(cString: strerror(errno)))); check the disk and run again")
            }
            hash.update(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
        }
        let hex = String(hash.finish(), radix: 16)
        return ("c1:" + String(repeating: "0", count: 16 - hex.count) + hex, asScanned)
    }
}

extension timespec {
    /// The time as nanoseconds since 1970 (file times, the wall clock).
    var nanoseconds: Int64 { Int64(tv_sec) * 1_000_000_000 + Int64(tv_nsec) }
}
