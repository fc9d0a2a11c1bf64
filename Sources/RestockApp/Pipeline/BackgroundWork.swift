import Foundation

/// Work started on its own thread, whose result (or error) the starting thread collects
/// later: how a stage keeps both cores busy with two independent jobs.
final class BackgroundWork<T>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written once by the worker before `done` is signalled, read after `wait` returns.
    private var result: Result<T, Error>?

    /// Starts `work` at once on a new thread (8 MiB stack).
    init(_ work: @escaping @Sendable () throws -> T) {
        let thread = Thread { [self] in
            result = Result { try work() }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits for the work to finish; returns its result or rethrows its error.
    func wait() throws -> T {
        done.wait()
        return try result!.get()
    }
}
