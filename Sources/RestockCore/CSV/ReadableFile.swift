#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A regular file opened read-only with POSIX `open(2)`, read with `read(2)`, closed in `deinit`.
///
/// The only place the CSV layer calls C; errors become `CSVError.unreadable` with the
/// system's `strerror(3)` words.
final class ReadableFile {
    private let fd: Int32
    private let name: String

    /// Opens `path` for reading; `name` is the file name used in error messages.
    init(path: String, name: String) throws(CSVError) {
        // Non-blocking, and only a regular file: opening a named pipe would wait for a writer.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 { throw CSVError.unreadable(file: name, reason: ReadableFile.lastError()) }
        var st = stat()
        if fstat(fd, &st) != 0 || st.st_mode & S_IFMT != S_IFREG {
            close(fd)
            throw CSVError.unreadable(file: name, reason: "not a regular file")
        }
        self.fd = fd
        self.name = name
    }

    deinit { close(fd) }

    /// Reads up to `count` bytes into `buffer`; 0 means end of file. Retries on `EINTR`.
    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws(CSVError) -> Int {
        while true {
            let n = unistd_read(fd, buffer, count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw CSVError.unreadable(file: name, reason: ReadableFile.lastError())
        }
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}

/// `read(2)` under a name that does not collide with `ReadableFile.read`.
@inline(__always)
private func unistd_read(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
