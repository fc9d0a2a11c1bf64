import Foundation
import RestockCore
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on a store, held for a whole command: `<store>.lock` locked with
/// `flock(2)`, which the kernel releases when the process ends, even on `kill -9`.
///
/// The file holds the holder's pid and start time, so a second run can name the first.
final class RunLock {
    private let fd: Int32
    let path: String

    /// Takes the lock, waiting at most `waitSeconds`; throws a `RunError` naming the holder otherwise.
    init(storePath: String, command: String, waitSeconds: Double) throws(RunError) {
        path = storePath + ".lock"
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if fd < 0 {
            throw RunError("cannot create the lock file '\(path)': \(String(cString: strerror(errno))); check that the store's folder is writable")
        }
        let deadline = Date().addingTimeInterval(waitSeconds)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            if Date() >= deadline {
                let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                close(fd)
                let advice = waitSeconds > 0
                    ? "it was not disturbed, and this command waited \(CSVWriter.format(waitSeconds)) s for it. Try again when it finishes, or pass a longer --wait"
                    : "it was not disturbed. Try again when it finishes, or pass --wait SECONDS"
                throw RunError("another restock command is using the store '\(storePath)' (\(holder.isEmpty ? "held by a program that is not a running restock command, such as a backup under flock" : holder)); \(advice)")
            }
            usleep(200_000)
        }
        let note = "pid \(getpid()), '\(command)' started \(ISO8601DateFormatter().string(from: Date()))\n"
        _ = ftruncate(fd, 0)
        _ = note.withCString { pwrite(fd, $0, strlen($0), 0) }
    }

    /// Who holds the lock of the store at `storePath` now (the note it wrote: pid, command,
    /// start time), or nil when nobody does. Takes nothing: for read-only commands that want to
    /// say a load is under way (README, "Reliability").
    static func holder(storePath: String) -> String? {
        let fd = open(storePath + ".lock", O_RDONLY | O_CLOEXEC)
        if fd < 0 { return nil }
        defer { close(fd) }
        if flock(fd, LOCK_SH | LOCK_NB) == 0 {
            flock(fd, LOCK_UN)
            return nil
        }
        let note = (try? String(contentsOfFile: storePath + ".lock", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return note.isEmpty ? "unknown process" : note
    }

    deinit {
        // The note names the holder only while it holds the lock: another program taking the
        // lock next (a backup run under flock) must not be reported as this command.
        _ = ftruncate(fd, 0)
        flock(fd, LOCK_UN)
        close(fd)
    }
}
