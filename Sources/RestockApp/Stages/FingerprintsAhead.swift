import Foundation

/// The whole-content fingerprints of an ingest's files (`InputFile.fingerprint`), taken on
/// a thread of their own in file order while the ingest loads the files before them.
///
/// Why: a night's history files are unchanged, yet each must be read whole to prove it
/// (README, "Reliability": a re-export that keeps name, size and time but changes a byte is
/// read again); at 100,000 SKUs that is over a gigabyte, 1.5-3 s of a night on one thread.
/// Taken ahead, it overlaps the loading of the day's new files and the digests. Each file is
/// still fingerprinted once, before its rows are read, and a file's error is thrown when
/// the ingest comes to that file, as when it was taken in turn.
final class FingerprintsAhead: @unchecked Sendable {
    private let files: [InputFile]
    private let lock = NSCondition()
    /// Guarded by `lock`: the fingerprints taken so far, in file order.
    private var taken: [Result<String, RunError>] = []
    private var cancelled = false

    /// Starts fingerprinting `files` in order at once.
    init(_ files: [InputFile]) {
        self.files = files
        taken.reserveCapacity(files.count)
        let thread = Thread { [self] in run() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    deinit { cancel() }

    /// The fingerprint of `files[index]`, waiting for it if it is not taken yet.
    func fingerprint(_ index: Int) throws(RunError) -> String {
        lock.lock()
        while taken.count <= index { lock.wait() }
        let result = taken[index]
        lock.unlock()
        return try result.get()
    }

    /// Stops after the file being read (the ingest failed or is done).
    func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
    }

    private func run() {
        for file in files {
            lock.lock()
            let stop = cancelled
            lock.unlock()
            if stop { return }
            let result: Result<String, RunError>
            do { result = .success(try file.fingerprint()) } catch { result = .failure(error) }
            lock.lock()
            taken.append(result)
            lock.broadcast()
            lock.unlock()
        }
    }
}
