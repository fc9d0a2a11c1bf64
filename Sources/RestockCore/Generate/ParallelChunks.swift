import Dispatch
import Foundation

/// Runs independent pieces of work on all cores and returns their results in piece order, so
/// that what is built from them never depends on the number of threads or their timing. The
/// synthetic data generator and the run's compute stage both split their work with it.
public enum ParallelChunks {
    /// The number of pieces to split `items` into: two per core for balance, at most `items`.
    static func count(items: Int) -> Int {
        max(1, min(items, 2 * ProcessInfo.processInfo.activeProcessorCount))
    }

    /// The half-open range of piece `piece` of `count` pieces over `0..<items`.
    public static func range(piece: Int, of count: Int, items: Int) -> Range<Int> {
        (items * piece / count)..<(items * (piece + 1) / count)
    }

    /// `body(piece)` for every piece in `0..<count`, run concurrently; results in piece order.
    ///
    /// - Parameter workers: threads to use; nil for Dispatch's choice (all cores), 1 to run
    ///   the pieces one after another on the calling thread.
    public static func map<T>(count: Int, workers: Int? = nil, _ body: @Sendable (Int) -> T) -> [T] {
        let slots = ResultSlots<T>(count: count)
        if workers == 1 {
            for piece in 0..<count { slots.set(piece, body(piece)) }
        } else if let workers {
            // Exactly `workers` threads, each taking the next piece until none is left.
            let queue = PieceQueue(count: count)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let piece = queue.next() { slots.set(piece, body(piece)) }
            }
        } else {
            DispatchQueue.concurrentPerform(iterations: count) { piece in
                slots.set(piece, body(piece))
            }
        }
        return slots.values()
    }

    /// `body(i)` for every item `i` in `0..<count`, in pieces of `pieceSize` items run
    /// concurrently (`map(count:workers:_:)`), each result written in place into one array in
    /// item order: no per-piece arrays are made and joined (a copy of every result, which
    /// for the compute stage's per-SKU figures is most of a chunk's memory).
    public static func map<T>(items count: Int, pieceSize: Int, workers: Int? = nil, _ body: @Sendable (Int) -> T) -> [T] {
        let size = max(pieceSize, 1)
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let results = DisjointBuffer(base: buffer)
            _ = map(count: (count + size - 1) / size, workers: workers) { piece in
                for i in (piece * size)..<min(count, (piece + 1) * size) {
                    (results.base.baseAddress! + i).initialize(to: body(i))
                }
            }
            initialized = count
        }
    }
}

/// One result slot per piece.
///
/// `@unchecked Sendable`: each slot is written by exactly one piece of `concurrentPerform`
/// and read only after it has returned, which orders all writes before the reads.
private final class ResultSlots<T>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        storage = .allocate(capacity: max(count, 1))
        storage.initialize(repeating: nil, count: count)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    func set(_ index: Int, _ value: T) {
        storage[index] = value
    }

    func values() -> [T] {
        (0..<count).map { storage[$0]! }
    }
}

/// Hands out piece numbers to worker threads. `@unchecked Sendable`: guarded by a lock.
private final class PieceQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var nextPiece = 0
    private let count: Int

    init(count: Int) { self.count = count }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextPiece < count else { return nil }
        nextPiece += 1
        return nextPiece - 1
    }
}

/// A buffer pointer handed to concurrent pieces that each touch their own disjoint range.
///
/// `@unchecked Sendable`: the pieces of `ParallelChunks.map` write disjoint index ranges, and
/// the owning array outlives the call (it is only used inside `withUnsafeMutableBufferPointer`).
struct DisjointBuffer<Element>: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<Element>
}
