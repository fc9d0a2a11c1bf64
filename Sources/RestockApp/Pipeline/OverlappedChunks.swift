import Foundation

/// Double buffering for two stages that take turns on chunks: the calling thread reads chunk
/// n + 1 while chunk n is computed on another thread (which itself spreads the work over all
/// cores). Reading is SQLite on one core and computing uses every core, so overlapping them
/// hides most of the reading time.
///
/// Each side's time is the sum over its chunks: `read` the calling thread's reading,
/// `compute` each chunk's computation as measured by the work itself (one chunk is computed
/// at a time). The two overlap, so their sum can exceed the wall time; the time spent waiting
/// for a chunk's result counts in neither.
struct OverlappedChunks<Chunk: Sendable, Result: Sendable> {
    /// The next chunk, nil after the last.
    var read: () throws -> Chunk?
    var compute: @Sendable (Chunk) -> Result

    /// Seconds spent on each side.
    struct Seconds: Equatable {
        var read = 0.0
        var compute = 0.0
    }

    /// Reads and computes every chunk; `collect` gets each chunk's result, in chunk order, on
    /// the calling thread. Chunk n's result is collected after chunk n + 1's computation has
    /// started, so collecting never leaves the cores idle.
    func run(collect: (Result) throws -> Void) throws -> Seconds {
        var seconds = Seconds()
        var inFlight: BackgroundWork<(result: Result, seconds: Double)>?
        func finishInFlight() throws -> Result? {
            guard let work = inFlight else { return nil }
            inFlight = nil
            let done = try work.wait()
            seconds.compute += done.seconds
            return done.result
        }
        while true {
            let started = Date()
            guard let chunk = try read() else { break }
            seconds.read += Date().timeIntervalSince(started)
            let previous = try finishInFlight()
            let compute = self.compute
            inFlight = BackgroundWork {
                let started = Date()
                let result = compute(chunk)
                return (result, Date().timeIntervalSince(started))
            }
            if let previous { try collect(previous) }
        }
        if let last = try finishInFlight() { try collect(last) }
        return seconds
    }
}
