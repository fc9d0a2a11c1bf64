import Foundation

/// The whole-content fingerprints of an ingest's files (`InputFile.fingerprint`), taken on
/// a thread of their own in file order while the ingest loads the files before them.
///
/// Why: a night's history files are unchanged, yet each must be proved so (README, "Bad
/// rows, keys and loading again": a re-export that keeps name, size and time but changes a byte is read
/// again); read whole, at 100,000 SKUs that is over a gigabyte, 1.5-3 s of a night on one
/// thread. A file no one has written since an earlier ingest fingerprinted it (the same
/// change time and inode, `IngestLedger.knownFingerprint`) takes that fingerprint unread.
/// Taken ahead, the rest overlaps the loading of the day's new files and the digests. Each file is
/// still fingerprinted once, before its rows are read, and a file's error is thrown when
/// the ingest comes to that file, as when it was taken in turn.
final class FingerprintsAhead: @unchecked Sendable {
    private let files: [InputFile]
    private let lock = NSCondition()
    /// Guarded by `lock`: the fingerprints taken so far, in file order.
    private var taken: [Result<(fingerprint: String, asScanned: Bool), RunError>] = []
    private var cancelled = false

    /// Fingerprints an earlier ingest took of the same files, untouched since
    /// (`IngestLedger.knownFingerprint`), by position; such a file is not read.
    private let known: [String?]

    /// Starts fingerprinting `files` in order at once; a file with a `known` fingerprint (by
    /// position, nil or missing: none) takes it without being read.
    init(_ files: [InputFile], known: [String?] = []) {
        self.files = files
        self.known = known
        taken.reserveCapacity(files.count)
        let thread = Thread { [self] in run() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    deinit { cancel() }

    /// The fingerprint of `files[index]`, waiting for it if it is not taken yet.
    func fingerprint(_ index: Int) throws(RunError) -> String {
        try taken(index).fingerprint
    }

    /// Whether the fingerprint of `files[index]` is that of the file the scan described
    /// (`InputFile.fingerprinted`; a known fingerprint is), waiting for it if it is not taken yet.
    func asScanned(_ index: Int) throws(RunError) -> Bool {
        try taken(index).asScanned
    }

    private func taken(_ index: Int) throws(RunError) -> (fingerprint: String, asScanned: Bool) {
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
        for (index, file) in files.enumerated() {
            lock.lock()
            let stop = cancelled
            lock.unlock()
            if stop { return }
            let result: Result<(fingerprint: String, asScanned: Bool), RunError>
            if index < known.count, let fingerprint = known[index] {
                result = .success((fingerprint, true))
            } else {
                do { result = .success(try file.fingerprinted()) } catch { result = .failure(error) }
            }
            lock.lock()
            taken.append(result)
            lock.broadcast()
            lock.unlock()
        }
    }
}
